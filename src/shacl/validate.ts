// Checks a graph against ontology/shapes.ttl with shacl-engine (SHACL Core plus SPARQL-based
// constraints). Everything that writes calls this on the graph as it would be after the write.
import { readFile } from 'node:fs/promises';
import { DataFactory, Store } from 'n3';
import type { Quad, Term } from '@rdfjs/types';
import { EmokbError } from '../errors.js';
import { ontologyDir } from '../paths.js';
import { parseTurtle, termKey } from '../rdf/turtle.js';
import { SKOS } from '../rdf/namespaces.js';

export interface Violation {
  /** The node that breaks the rule (an emotion, a term, a sense). */
  focus: string;
  /** Its label where it has one, for people. */
  label: string | null;
  /** The property path the rule is about, in N-Triples form, or null. */
  path: string | null;
  /** The offending value, where the rule names one. */
  value: string | null;
  message: string;
  severity: 'violation' | 'warning' | 'info';
}

export interface ValidationReport {
  conforms: boolean;
  violations: Violation[];
}

interface ShaclResult {
  focusNode?: { term?: Term };
  path?: Array<{ predicates: Term[]; quantifier?: string; start?: string }>;
  value?: { term?: Term };
  message: Term[];
  severity: Term;
}

// RDF/JS factory with the dataset() that shacl-engine needs for building its report.
const factory = { ...DataFactory, dataset: (quads?: Quad[]) => new Store(quads) };

type ShaclValidator = { validate(data: { dataset: Store }): Promise<{ conforms: boolean; results: ShaclResult[] }> };

/** `all`: SHACL Core and the SPARQL-based whole-graph rules; `core`: Core only (no query engine). */
export type RuleSet = 'all' | 'core';
const validators = new Map<RuleSet, Promise<ShaclValidator>>();

async function loadValidator(rules: RuleSet): Promise<ShaclValidator> {
  const shapesPath = ontologyDir('shapes.ttl');
  const shapes = new Store(parseTurtle(await readFile(shapesPath, 'utf8'), shapesPath, { skolemize: false }));
  const { Validator } = await import('shacl-engine');
  // The SPARQL plugin pulls in a query engine (about a second to load): only when the rules need it.
  // Without it shacl-engine skips sh:sparql constraints.
  const validations = rules === 'all' ? (await import('shacl-engine/sparql.js')).validations : undefined;
  return new Validator(shapes, { factory, validations }) as ShaclValidator;
}

export async function validateGraph(quads: Iterable<Quad> | Store, options: { rules?: RuleSet } = {}): Promise<ValidationReport> {
  const rules = options.rules ?? 'all';
  if (!validators.has(rules)) validators.set(rules, loadValidator(rules));
  const validator = await validators.get(rules)!;
  const dataset = quads instanceof Store ? quads : new Store([...quads]);
  const report = await validator.validate({ dataset });
  const violations = report.results.map((result) => toViolation(result, dataset));
  violations.sort((a, b) => (a.focus + a.message).localeCompare(b.focus + b.message));
  return { conforms: report.conforms, violations: dedupe(violations) };
}

function toViolation(result: ShaclResult, dataset: Store): Violation {
  const focusTerm = result.focusNode?.term;
  const valueTerm = result.value?.term;
  // Whole-graph rules report the offending emotion as the value; show that one to the reader.
  const subject = focusTerm?.value.endsWith('#Parrott') && valueTerm ? valueTerm : focusTerm;
  const label = subject ? (dataset.getObjects(subject as never, SKOS.prefLabel, null)[0]?.value ?? null) : null;
  const step = result.path?.[0];
  const path = step?.predicates[0] ? (step.start === 'object' ? `^${termKey(step.predicates[0])}` : termKey(step.predicates[0])) : null;
  const severity = result.severity.value.split('#')[1]?.toLowerCase() as Violation['severity'];
  return {
    focus: subject?.value ?? '',
    label,
    path,
    value: valueTerm && valueTerm !== subject ? termKey(valueTerm) : null,
    message: result.message[0]?.value ?? 'violates a SHACL rule',
    severity: severity ?? 'violation',
  };
}

function dedupe(violations: Violation[]): Violation[] {
  const seen = new Set<string>();
  return violations.filter((v) => {
    const key = JSON.stringify(v);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `locate` places a focus node for the reader (e.g. "bad.ttl line 12"), when it can. */
export function formatReport(report: ValidationReport, limit = 50, locate?: (focus: string) => string | undefined): string {
  if (report.conforms) return 'conforms: every SHACL rule holds';
  const lines = report.violations.slice(0, limit).map((v) => {
    const place = locate?.(v.focus);
    const who = `${v.label ? `${v.focus} ("${v.label}")` : v.focus}${place ? ` (${place})` : ''}`;
    const where = v.path ? ` [${v.path}]` : '';
    const value = v.value ? ` value ${v.value}` : '';
    return `  ${who}${where}${value}: ${v.message}`;
  });
  const more = report.violations.length > limit ? [`  ... and ${report.violations.length - limit} more`] : [];
  return [`${report.violations.length} SHACL violation(s):`, ...lines, ...more].join('\n');
}

/** Throws VALIDATION_FAILED with the readable report when the graph breaks a rule. */
export async function assertValid(quads: Iterable<Quad> | Store, what: string, options: { rules?: RuleSet } = {}): Promise<void> {
  const report = await validateGraph(quads, options);
  if (!report.conforms) {
    throw new EmokbError('VALIDATION_FAILED', `${what}: nothing was written.\n${formatReport(report)}`, {
      violations: report.violations,
    });
  }
}
