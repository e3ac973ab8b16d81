// What `emokb audit` and `emokb concordance` share: a corpus read as either command reads it
// (TSV, JSON Lines or plain text; --part, --label-names) and the tagger of the store's snapshot.
import { EmokbError } from '../errors.js';
import { parseLabelNames, parsePart, type CorpusPart } from '../expansion/corpus.js';
import { readInputFile } from '../readInput.js';
import { Tagger } from '../tagger/Tagger.js';
import { corpusFormat, parseCorpus, type CorpusDocument } from '../audit/corpusText.js';
import { withService, type GlobalOptions } from './context.js';

export interface CorpusOptions {
  corpus?: string;
  format?: string;
  part?: string;
  labelNames?: string;
}

export const MAX_WIDTH = 1000;

export async function loadCorpus(options: CorpusOptions): Promise<{ file: string; docs: CorpusDocument[]; partText: string }> {
  const file = options.corpus!;
  const format = corpusFormat(file, options.format);
  const part: CorpusPart | undefined = options.part === undefined ? undefined : parsePart(options.part);
  const labelNames = options.labelNames
    ? parseLabelNames(await readInputFile(options.labelNames, '--label-names'), options.labelNames)
    : undefined;
  const docs = parseCorpus(await readInputFile(file, '--corpus'), file, format, labelNames, part);
  if (!docs.length)
    throw new EmokbError('BAD_INPUT', part ? `--part ${options.part}: selects no document of ${file}` : `${file}: no documents`, { file });
  return { file, docs, partText: part ? `${part.index}/${part.of}` : '' };
}

export async function loadTagger(globals: GlobalOptions): Promise<Tagger> {
  return withService(globals, async (service) => Tagger.for(service.snapshot));
}
