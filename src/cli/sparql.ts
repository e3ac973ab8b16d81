// `emokb sparql 'QUERY'`: a read-only SPARQL 1.1 query over the knowledge base, the answer on
// standard output in the chosen format. Run on the store, or through a running `emokb serve` (its
// /sparql, its limits): the same engine either way, so the same bytes.
import type { Command } from 'commander';
import { EmokbError } from '../errors.js';
import type { AnswerFormat } from '../rdf/mediaTypes.js';
import { FORMATS_OF, queryForm } from '../sparql/queryForm.js';
import { readInputFile } from '../readInput.js';
import type { GlobalOptions } from './context.js';
import { onSnapshot } from './storeOrServer.js';

const ALL_FORMATS: readonly AnswerFormat[] = ['json', 'xml', 'csv', 'tsv', 'turtle', 'ntriples', 'jsonld'];

export function registerSparql(program: Command): void {
  program
    .command('sparql')
    .description('run a read-only SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE) and print the answer')
    .argument('[query]', 'the query text (or give --file)')
    .option('-f, --file <path>', 'read the query from a file ("-" for standard input)')
    .option(
      '--format <format>',
      'SELECT and ASK: json (default), xml, csv, tsv (not for ASK); CONSTRUCT and DESCRIBE: turtle (default), ntriples, jsonld',
    )
    .action(async (text: string | undefined, options: { file?: string; format?: string }, command: Command) => {
      if ((text === undefined) === (options.file === undefined))
        throw new EmokbError('BAD_INPUT', 'give the query either as the argument or with --file, not both and not neither');
      const query = text ?? (options.file === '-' ? await readStdin() : await readInputFile(options.file!, '--file'));
      if (options.format !== undefined && !ALL_FORMATS.includes(options.format as AnswerFormat))
        throw new EmokbError('BAD_INPUT', `--format: "${options.format}" is not one of ${ALL_FORMATS.join(', ')}`, { field: '--format' });
      // Form and format checked here, before a store is opened or a server asked.
      const form = queryForm(query);
      const format = (options.format as AnswerFormat | undefined) ?? FORMATS_OF[form][0]!;
      if (!FORMATS_OF[form].includes(format))
        throw new EmokbError(
          'BAD_INPUT',
          `--format: a ${form.toUpperCase()} query cannot be answered as ${format}; use one of ${FORMATS_OF[form].join(', ')}`,
          {
            field: '--format',
          },
        );
      const { value } = await onSnapshot(command.optsWithGlobals<GlobalOptions>(), (source) => source.sparql(query, format));
      process.stdout.write(value.endsWith('\n') ? value : `${value}\n`);
    });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
