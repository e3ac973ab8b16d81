// `emokb import` and `emokb export`: Turtle, N-Triples or JSON-LD in and out of the store.
import type { Command } from 'commander';
import { EmokbError } from '../errors.js';
import { formatFromPath, parseRdf, RDF_FORMATS, serialize, type RdfFormat } from '../rdf/turtle.js';
import { dataDir, defaultAuthor, printJson, withService, type GlobalOptions } from './context.js';
import { onSnapshot } from './storeOrServer.js';
import { refuseOutputInsideStore } from '../store/dataDirectory.js';
import { readInputFile } from '../readInput.js';
import { writeFileSafely } from '../writeFile.js';
import { subjectLines } from '../rdf/subjectLines.js';
import { formatReport, type Violation } from '../shacl/validate.js';

export function registerTransfer(program: Command): void {
  program
    .command('import')
    .description('add the triples of an RDF file to the store (validated first; all or nothing)')
    .argument('<file>', 'a Turtle (.ttl), N-Triples (.nt) or JSON-LD (.jsonld) file')
    .option('--format <format>', `one of ${RDF_FORMATS.join(', ')} (default: from the file name)`)
    .option('--replace', 'replace the whole content of the store with the file instead of adding to it')
    .option('--dry-run', 'validate and report what would change; write nothing')
    .option('-m, --message <text>', 'why (recorded in the change log)')
    .option('--author <name>', 'who (default: EMOKB_AUTHOR, git user.name, login)')
    .option('--json', 'print the outcome as JSON')
    .action(
      async (
        file: string,
        options: { format?: string; replace?: boolean; dryRun?: boolean; message?: string; author?: string; json?: boolean },
        command: Command,
      ) => {
        const format = parseFormat(options.format) ?? formatFromPath(file);
        const text = await readInputFile(file);
        const quads = await parseRdf(text, format, file);
        if (quads.length === 0) throw new EmokbError('BAD_INPUT', `${file} holds no triples; nothing was imported`);
        // An import into an empty store is the store's content: it is not seeded first.
        const outcome = await withService(
          command.optsWithGlobals<GlobalOptions>(),
          (service) => {
            const meta = {
              author: defaultAuthor(options.author),
              message: options.message ?? `import ${file}`,
              command: `import ${file}${options.replace ? ' --replace' : ''}`,
            };
            return options.replace
              ? service.replaceAll(quads, meta, { dryRun: options.dryRun })
              : service.change({ ...meta, add: quads, remove: [] }, { dryRun: options.dryRun });
          },
          false,
        ).catch((error: unknown) => {
          throw format === 'jsonld' ? error : withFileLines(error, file, text);
        });
        const summary = {
          file,
          format,
          triples: quads.length,
          added: outcome.added,
          removed: outcome.removed,
          change: outcome.record?.id ?? null,
          dryRun: Boolean(options.dryRun),
        };
        if (options.json) return printJson(summary);
        const verb = options.dryRun ? 'would add' : 'added';
        process.stdout.write(
          `${file}: ${quads.length} triples read, ${verb} ${outcome.added}, ${options.dryRun ? 'would remove' : 'removed'} ${outcome.removed}${summary.change ? ` (change ${summary.change})` : ''}\n`,
        );
      },
    );

  program
    .command('export')
    .description('write the whole store as RDF, deterministically (sorted, stable prefixes)')
    .option('--format <format>', `one of ${RDF_FORMATS.join(', ')}`, 'turtle')
    .option(
      '-o, --output <file>',
      'write to a file instead of standard output (a regular file is replaced atomically; a device or FIFO is written directly)',
    )
    .action(async (options: { format: string; output?: string }, command: Command) => {
      const format = parseFormat(options.format)!;
      const globals = command.optsWithGlobals<GlobalOptions>();
      if (options.output) await refuseOutputInsideStore(dataDir(globals), options.output, '--output');
      // Through a running server too: its snapshot, serialized here by the same code.
      const { value: text } = await onSnapshot(globals, async (source) => serialize((await source.snapshot()).quads, format));
      if (!options.output) return void process.stdout.write(text);
      await writeFileSafely(options.output, text, { what: '--output' });
    });
}

/** A SHACL refusal of an import, each violation placed at the line of the file that describes its subject. */
function withFileLines(error: unknown, file: string, text: string): unknown {
  if (!(error instanceof EmokbError) || error.code !== 'VALIDATION_FAILED') return error;
  const violations = error.details?.violations as Violation[] | undefined;
  if (!violations?.length) return error;
  const lines = subjectLines(
    text,
    violations.map((v) => v.focus),
  );
  const heading = error.message.split('\n')[0];
  const report = formatReport({ conforms: false, violations }, 50, (focus) =>
    lines.has(focus) ? `${file} line ${lines.get(focus)}` : undefined,
  );
  return new EmokbError('VALIDATION_FAILED', `${heading}\n${report}`, error.details, { cause: error });
}

function parseFormat(value: string | undefined): RdfFormat | undefined {
  if (value === undefined) return undefined;
  if (!RDF_FORMATS.includes(value as RdfFormat))
    throw new EmokbError('BAD_INPUT', `--format: "${value}" is not one of ${RDF_FORMATS.join(', ')}`);
  return value as RdfFormat;
}
