// `emokb concordance TERM --corpus FILE`: a term's uses in a corpus in context (KWIC), matched by
// the tagger or not, so that a term is judged by what it does in text, not by its gloss.
import type { Command } from 'commander';
import { EmokbError } from '../errors.js';
import { concordance } from '../audit/concordance.js';
import { contextWindow, kwicLine } from '../audit/context.js';
import { MAX_WIDTH, loadCorpus, loadTagger, type CorpusOptions } from './auditCorpus.js';
import type { GlobalOptions } from './context.js';
import { numberFlag } from './numberFlag.js';

interface ConcordanceOptions extends CorpusOptions {
  limit?: string;
  width?: string;
  json?: boolean;
}

export function registerConcordance(program: Command): void {
  program
    .command('concordance')
    .description("a term's uses in a corpus in context (KWIC), whether or not the tagger matched them, and what it matched them as")
    .argument('<term>', 'the word or expression, as written (any case)')
    .option('--corpus <file>', 'TSV text<TAB>labels, JSON Lines {text, labels} (*.jsonl), or plain text (one document a line)')
    .option('--format <format>', 'tsv, jsonl or text (default: by the file name)')
    .option('--part <i/n>', 'only part I of N interleaved line parts (1/2 = the odd lines)')
    .option('--label-names <file>', 'labels are ids: their names (checked, as for audit)')
    .option('--limit <n>', 'at most this many lines, in corpus order (default 50; 0: all)')
    .option('--width <w>', 'characters of context on each side (default 40)')
    .option('--json', 'one JSON object a line instead of KWIC lines')
    .addHelpText(
      'after',
      `
Lists every place the term is written (whole words, any case, any spaces or hyphens between its
words) and every span the tagger matched to the term's entry (its inflected and derived forms), in
corpus order. Each line ends with what the tagger made of it:
  = path (kind, via)       matched as that emotion
  ~ path (negated)         matched, negated (counts for nothing by default)
  < "expression" = path    inside a longer match of another entry
  -                        not matched there
A summary (occurrences, matched) goes to standard error.`,
    )
    .action(async (term: string, options: ConcordanceOptions, command: Command) => {
      if (!term.trim()) throw new EmokbError('BAD_INPUT', 'concordance: the term is empty', { option: 'term' });
      if (!options.corpus) throw new EmokbError('BAD_INPUT', 'concordance needs --corpus FILE', { option: '--corpus' });
      const limit = options.limit === undefined ? 50 : numberFlag(options.limit, '--limit', { min: 0, max: 10_000_000 });
      const width = options.width === undefined ? 40 : numberFlag(options.width, '--width', { min: 1, max: MAX_WIDTH });
      const corpus = await loadCorpus(options);
      const tagger = await loadTagger(command.optsWithGlobals<GlobalOptions>());
      const { occurrences, matched } = concordance(tagger, corpus.docs, term);
      const shown = limit === 0 ? occurrences : occurrences.slice(0, limit);
      const lineWidth = Math.max(0, ...shown.map((o) => String(o.doc.line).length));
      let out = '';
      for (const o of shown) {
        const w = contextWindow(o.doc.text, o.start, o.end, width);
        const m = o.match;
        if (options.json) {
          out += `${JSON.stringify({ file: corpus.file, line: o.doc.line, start: o.start, end: o.end, ...w, status: o.status, ...(m ? { matchText: m.text, term: m.lemma, emotionId: m.emotionId, path: m.path, kind: m.kind, via: m.via, negated: m.negated } : {}) })}\n`;
          continue;
        }
        const path = m ? m.path.join(' > ') : '';
        const mark =
          o.status === 'matched'
            ? `= ${path} (${m!.kind}, ${m!.via})`
            : o.status === 'negated'
              ? `~ ${path} (negated)`
              : o.status === 'inside'
                ? `< "${m!.text}" = ${path}`
                : '-';
        out += `${String(o.doc.line).padStart(lineWidth)}  ${kwicLine(w, width)}  ${mark}\n`;
      }
      process.stdout.write(out);
      process.stderr.write(
        `concordance: "${term}": ${occurrences.length} occurrence(s) in ${corpus.docs.length} documents of ${corpus.file}, ${matched} matched${shown.length < occurrences.length ? `; ${shown.length} shown (--limit)` : ''}\n`,
      );
    });
}
