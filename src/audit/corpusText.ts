// The documents of a corpus for the in-context audit and the concordance: the same files
// `expand --corpus` reads (TSV text<TAB>labels, JSON Lines {text, labels}; here `labels` may be
// left out), plus plain text (one document a line, no labels), each document with its line number in the file, so that a sampled
// match can be found again from its file, line and span.
import { EmokbError } from '../errors.js';
import { inPart, parseLabelledCorpus, type CorpusPart } from '../expansion/corpus.js';

export type CorpusFormat = 'tsv' | 'jsonl' | 'text';
export const CORPUS_FORMATS: readonly CorpusFormat[] = ['tsv', 'jsonl', 'text'];

export interface CorpusDocument {
  text: string;
  /** 1-based line number in the file. */
  line: number;
  /** The corpus labels (named through --label-names where given); empty for plain text. */
  labels: readonly string[];
}

/** By name: *.jsonl / *.ndjson are JSON Lines, *.tsv tab-separated, anything else plain text. */
export function corpusFormat(file: string, explicit?: string): CorpusFormat {
  if (explicit !== undefined) {
    if (!CORPUS_FORMATS.includes(explicit as CorpusFormat)) {
      throw new EmokbError('BAD_INPUT', `--format: "${explicit}" is not one of ${CORPUS_FORMATS.join(', ')}`, { option: '--format' });
    }
    return explicit as CorpusFormat;
  }
  if (/\.(jsonl|ndjson)$/i.test(file)) return 'jsonl';
  return /\.tsv$/i.test(file) ? 'tsv' : 'text';
}

export function parseCorpus(
  content: string,
  file: string,
  format: CorpusFormat,
  labelNames?: ReadonlyMap<string, string>,
  part?: CorpusPart,
): CorpusDocument[] {
  if (format === 'text') {
    const out: CorpusDocument[] = [];
    content.split(/\r?\n/).forEach((text, i) => {
      if (text.trim() && inPart(i + 1, part)) out.push({ text, line: i + 1, labels: [] });
    });
    return out;
  }
  // parseLabelledCorpus tells JSON Lines from TSV by the file's name; a forced format is given to
  // it through a name of that kind (the messages still name the real file through `at`).
  const name =
    format === 'jsonl' ? (/\.(jsonl|ndjson)$/i.test(file) ? file : `${file}.jsonl`) : file.replace(/\.(jsonl|ndjson)$/i, '$&.tsv');
  const docs = parseLabelledCorpus(format === 'jsonl' ? withEmptyLabels(content) : content, name, labelNames, part);
  return docs.map((d) => ({ text: d.text, labels: d.labels, line: Number(d.at!.slice(d.at!.lastIndexOf(':') + 1)) }));
}

/** JSON Lines records without `labels` (what `emokb tag` reads) get an empty list; line numbers stay. */
function withEmptyLabels(content: string): string {
  return content
    .split('\n')
    .map((line) => {
      if (!line.includes('"text"') || line.includes('"labels"')) return line;
      try {
        const record = JSON.parse(line) as unknown;
        return record && typeof record === 'object' && !Array.isArray(record) ? JSON.stringify({ ...record, labels: [] }) : line;
      } catch {
        return line; // reported by the parser, with its line
      }
    })
    .join('\n');
}
