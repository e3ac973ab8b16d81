// How the CLI reports an edit: one line saying what happened (or, on a dry run, would happen),
// the details, and the triples in readable prefixed form; or the whole result as JSON. Errors
// name the command-line argument (`--weight`, `<label>`) rather than the request field.
import type { Command } from 'commander';
import { inTermsOf, isEmokbError } from '../errors.js';
import type { EditResult } from '../edit/apply.js';
import { compact, splitLine } from '../edit/diff.js';
import { printJson } from './context.js';

/** Most triples a dry run lists in text form; --json lists them all. */
const DRY_RUN_LINES = 200;

export function printEditResult(result: EditResult, via: string, json: boolean | undefined): void {
  if (json) return printJson({ ...result, via });
  const head = result.dryRun ? `dry run, nothing written: ${result.summary}` : `change ${result.change}: ${result.summary}`;
  const lines = [head, ...result.details.map((d) => `  ${d}`)];
  lines.push(
    `  ${result.dryRun ? 'would add' : 'added'} ${result.added.length} triple(s), ${result.dryRun ? 'would remove' : 'removed'} ${result.removed.length}`,
  );
  if (via !== 'store') lines.push(`  applied by the running server at ${via}`);
  if (result.dryRun) {
    const triples = [...result.removed.map((l) => `  - ${readable(l)}`), ...result.added.map((l) => `  + ${readable(l)}`)];
    lines.push(...triples.slice(0, DRY_RUN_LINES));
    if (triples.length > DRY_RUN_LINES) lines.push(`  ... and ${triples.length - DRY_RUN_LINES} more (--json lists all)`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** An N-Triples line with known namespaces as prefixes. */
export function readable(line: string): string {
  const [s, p, o] = splitLine(line);
  return `${compact(s)} ${compact(p)} ${compact(o ?? '')}`;
}

/**
 * Names the field of an error (details.field) as the argument the user typed:
 * `<label>` for a positional argument of `command`, `--field` for an option.
 */
export function inArgumentTerms(error: unknown, command: Command): unknown {
  if (!isEmokbError(error) || typeof error.details?.field !== 'string') return error;
  const field = error.details.field;
  const base = field.replace(/\[\d+\]$/, '');
  const positional = command.registeredArguments.some((a) => a.name() === base);
  const name = positional ? `<${field}>` : `--${field}`;
  return inTermsOf(error, name, { argument: name });
}
