// Where the shipped knowledge and the schema live, relative to the installed package, so that the
// CLI works from any working directory.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));

export function ontologyDir(...parts: string[]): string {
  return join(PACKAGE_ROOT, 'ontology', ...parts);
}

export function lexiconDir(...parts: string[]): string {
  return join(PACKAGE_ROOT, 'lexicons', ...parts);
}

export const SCHEMA_PATH = join(PACKAGE_ROOT, 'schema.graphql');

/** The web explorer as Vite builds it from web/ (`npm run build`); absent until built. */
export const WEB_DIR = join(PACKAGE_ROOT, 'dist', 'web');
