// shacl-engine ships no types; this is the part of its API emokb uses.
declare module 'shacl-engine' {
  export class Validator {
    constructor(shapes: unknown, options: { factory: unknown; validations?: unknown; targetResolvers?: unknown });
    validate(data: { dataset: unknown; terms?: Iterable<unknown> }): Promise<{ conforms: boolean; results: any[] }>;
  }
}
declare module 'shacl-engine/sparql.js' {
  export const validations: unknown;
  export const targetResolvers: unknown;
}
