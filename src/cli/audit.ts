// `emokb audit`: the tagger's matches judged in context. It draws a
// seeded random sample of matches (uniform over matches) and has a curator judge each blind, right
// or wrong, seeing first only the sentence with the span and the emotion path, and only afterwards
// the kind, how it matched and which rules shaped it; judgments go to a decisions file under
// curation/, and `--report` turns them into precision in context. (`emokb concordance`, a term's
// uses in a corpus, is concordance.ts.)
import { stat, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { EmokbError } from '../errors.js';
import { provenanceTime } from '../rdf/provenanceTime.js';
import { contextWindow } from '../audit/context.js';
import type { CorpusDocument } from '../audit/corpusText.js';
import { readInputFile } from '../readInput.js';
import {
  DEFAULT_DECISIONS,
  appendJudgments,
  checkWritable,
  judgmentKey,
  parseVerdict,
  readJudgments,
  type AuditJudgment,
} from '../audit/decisions.js';
import { auditReport, formatReport } from '../audit/report.js';
import { countMatches, countedMatches, describeMatch, drawSample, type MatchCounts, type SampledMatch } from '../audit/sample.js';
import { formatBlindSample, parseJudgedSample, type BlindRow } from '../audit/sampleFile.js';
import { defaultAuthor, printJson, type GlobalOptions } from './context.js';
import { numberFlag } from './numberFlag.js';
import { openPrompt } from './prompt.js';
import { MAX_WIDTH, loadCorpus, loadTagger, type CorpusOptions } from './auditCorpus.js';

interface AuditOptions extends CorpusOptions {
  sample?: string;
  seed?: string;
  width?: string;
  writeSample?: string;
  judgments?: string;
  report?: boolean;
  decisions: string;
  judge?: string;
  minJudged?: string;
  top?: string;
  json?: boolean;
}

const MAX_SAMPLE = 100_000;

export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description(
      "judge the tagger's matches in context: a seeded random sample of matches, judged blind, right or wrong; --report: precision in context",
    )
    .option(
      '--corpus <file>',
      'the corpus to sample from: TSV text<TAB>labels, JSON Lines {text, labels} (*.jsonl), or plain text (one document a line)',
    )
    .option('--format <format>', 'tsv, jsonl or text (default: by the file name: *.jsonl/*.ndjson, *.tsv, else text)')
    .option('--part <i/n>', 'only part I of N interleaved line parts (1/2 = the odd lines), to keep a held-out part unread')
    .option(
      '--label-names <file>',
      'labels are ids: their names, one a line (line n is id n-1), or ID<TAB>NAME lines (shown after each verdict)',
    )
    .option('--sample <n>', 'matches to draw (default 100; 1 to 100000)')
    .option(
      '--seed <s>',
      'seed of the draw (default 1): the same corpus, lexicon and seed draw the same sample; with --report, only the samples drawn with it',
    )
    .option('--width <w>', 'characters of context on each side (default 80)')
    .option('--write-sample <file>', 'write the blind sample (TSV, or JSON Lines for *.jsonl) to judge in a file, instead of asking')
    .option('--judgments <file>', 'record the decisions filled into a file written by --write-sample (it names its corpus, part and seed)')
    .option('--report', 'precision in context from the decisions file')
    .option('--decisions <file>', 'the decisions file judgments go to and --report reads', DEFAULT_DECISIONS)
    .option('--judge <name>', 'who judges (default: EMOKB_AUTHOR, git user.name, login)')
    .option('--min-judged <n>', '--report: terms judged at least this often get a line (default 2)')
    .option('--top <n>', '--report: at most this many term lines (default 30)')
    .option('--json', '--report: machine-readable')
    .addHelpText(
      'after',
      `
The sample is uniform over matches, not texts: a text with three matches is three times as likely
to give one. Negated matches (which count for nothing) are left out. A smaller sample with the same
seed is the start of a larger one.

Judging is blind: first the text around the span [in brackets] and the emotion path; after the
verdict (r right: this span, in this sentence, expresses or evokes this emotion felt by someone in
the text; w wrong) and an optional note, the kind (names/evokes), how it matched (form, lemma,
derivation, +multiword, cue) and the rules (intensity, emphasis, cue). A note may start with an
error kind, "collocation: best friend"; --report counts wrong judgments by it. A match already
judged with the same seed is not asked again.

Report: precision = right / judged, with a 95% Wilson interval. Because the sample is uniform over
matches, this estimates the share of all the tagger's matches in the corpus that are right, each
term weighted by how often it matches there. Per term: its precision on its own judged matches,
its share of the corpus's matches (recorded with each judgment), and share x (1 - precision), the
share of all matches that are its errors, which orders the list.

Examples:
  emokb audit --corpus dev.tsv --label-names labels.txt --sample 100 --seed 7
  emokb audit --corpus dev.tsv --sample 100 --seed 7 --write-sample sample.tsv
  emokb audit --judgments sample.tsv --decisions curation/en/audit.tsv
  emokb audit --report`,
    )
    .action(async (options: AuditOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const modes = [options.writeSample && '--write-sample', options.judgments && '--judgments', options.report && '--report'].filter(
        Boolean,
      );
      if (modes.length > 1) throw new EmokbError('BAD_INPUT', `${modes.join(' and ')}: give one of them`);
      if (options.report || options.judgments) {
        for (const flag of ['corpus', 'format', 'part', 'labelNames', 'sample', 'seed'] as const) {
          // (--report takes --seed: the judgments of the samples drawn with it, e.g. a before/after pair)
          if (options[flag] !== undefined && !(flag === 'seed' && options.report))
            throw new EmokbError(
              'BAD_INPUT',
              `--${kebab(flag)} does not apply with ${modes[0]}${options.judgments ? ' (the sample file names its corpus, part and seed)' : ''}`,
              { option: `--${kebab(flag)}` },
            );
        }
      }
      const minJudged = options.minJudged === undefined ? 2 : numberFlag(options.minJudged, '--min-judged', { min: 1, max: MAX_SAMPLE });
      const top = options.top === undefined ? 30 : numberFlag(options.top, '--top', { min: 0, max: MAX_SAMPLE });
      if (options.report) {
        const only = options.seed === undefined ? undefined : numberFlag(options.seed, '--seed', { min: 0, max: 2 ** 32 - 1 });
        return report(options.decisions, minJudged, top, options.json ?? false, only);
      }
      if (options.json) throw new EmokbError('BAD_INPUT', '--json applies only with --report', { option: '--json' });
      const judge = defaultAuthor(options.judge);
      provenanceTime(); // a bad SOURCE_DATE_EPOCH is refused before any work
      if (options.judgments) {
        await checkWritable(options.decisions);
        return recordJudgments(globals, options.judgments, options.decisions, judge);
      }
      if (!options.corpus)
        throw new EmokbError('BAD_INPUT', 'give --corpus FILE to draw a sample, --judgments FILE to record a judged sample, or --report', {
          option: '--corpus',
        });
      const size = options.sample === undefined ? 100 : numberFlag(options.sample, '--sample', { min: 1, max: MAX_SAMPLE });
      const seed = options.seed === undefined ? 1 : numberFlag(options.seed, '--seed', { min: 0, max: 2 ** 32 - 1 });
      const width = options.width === undefined ? 80 : numberFlag(options.width, '--width', { min: 1, max: MAX_WIDTH });
      if (options.writeSample) {
        await refuseExisting(options.writeSample);
        await checkWritable(options.writeSample, '--write-sample');
      }
      const corpus = await loadCorpus(options);
      if (!options.writeSample) await checkWritable(options.decisions);
      const tagger = await loadTagger(globals);
      const counts = countMatches(tagger, corpus.docs);
      if (counts.total === 0)
        throw new EmokbError('BAD_INPUT', `${corpus.file}: the tagger matches nothing there (${corpus.docs.length} documents)`, {
          file: corpus.file,
        });
      const sample = drawSample(tagger, corpus.docs, counts, size, seed);
      process.stderr.write(
        `audit: ${sample.length} of ${counts.total} matches in ${corpus.docs.length} documents of ${corpus.file}${corpus.partText ? ` part ${corpus.partText}` : ''} (seed ${seed}; ${counts.negated} negated matches left out)\n`,
      );
      const rows = sample.map((s) => blindRow(s, corpus.file, corpus.partText, seed, width));
      if (options.writeSample) {
        await writeNew(options.writeSample, formatBlindSample(rows, options.writeSample));
        process.stderr.write(
          `audit: wrote the blind sample to ${options.writeSample}; fill in decision (right/wrong) and note, then: emokb audit --judgments ${options.writeSample}\n`,
        );
        return;
      }
      await interactive(sample, rows, counts, corpus.file, corpus.partText, seed, options.decisions, judge);
    });
}

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function blindRow(s: SampledMatch, corpus: string, part: string, seed: number, width: number): BlindRow {
  const w = contextWindow(s.doc.text, s.match.start, s.match.end, width);
  return {
    sample: s.rank,
    corpus,
    part,
    seed,
    line: s.doc.line,
    start: s.match.start,
    end: s.match.end,
    emotion: s.emotion,
    ...w,
    path: s.match.path.join(' > '),
  };
}

function judgmentOf(
  s: SampledMatch,
  counts: MatchCounts,
  corpus: string,
  part: string,
  seed: number,
  decision: AuditJudgment['decision'],
  note: string,
  judge: string,
): AuditJudgment {
  const m = s.match;
  return {
    corpus,
    part,
    seed,
    line: s.doc.line,
    start: m.start,
    end: m.end,
    text: m.text,
    term: m.lemma,
    emotion: s.emotion,
    decision,
    note,
    judge,
    time: provenanceTime(),
    path: m.path.join(' > '),
    kind: m.kind,
    via: s.via,
    rules: s.rules,
    termMatches: counts.byTerm.get(m.lemma) ?? 0,
    corpusMatches: counts.total,
  };
}

/** What the judge sees after the verdict. */
function revealed(s: SampledMatch): string {
  const labels = s.doc.labels.length ? `; corpus labels: ${s.doc.labels.join(', ')}` : '';
  return `  term "${s.match.lemma}", ${s.match.kind}, via ${s.via}, rules: ${s.rules}${labels}`;
}

async function interactive(
  sample: SampledMatch[],
  rows: BlindRow[],
  counts: MatchCounts,
  corpus: string,
  part: string,
  seed: number,
  decisions: string,
  judge: string,
): Promise<void> {
  const out = process.stdout;
  const done = new Set((await readJudgments(decisions)).map(judgmentKey));
  const pending = sample.filter(
    (s) =>
      !done.has(
        judgmentKey({ corpus, line: s.doc.line, start: s.match.start, end: s.match.end, term: s.match.lemma, emotion: s.emotion, seed }),
      ),
  );
  out.write(
    `audit: ${pending.length} of ${sample.length} sampled matches to judge (${sample.length - pending.length} judged before); judge ${judge}; decisions to ${decisions}\n`,
  );
  out.write(
    'Is the [span], in this text, an expression (named or evoked) of this emotion, felt by someone in the text?\nkeys: r right, w wrong, s skip, q quit; then an optional note ("collocation: best friend")\n',
  );
  const prompt = openPrompt(out);
  let judged = 0;
  try {
    for (const s of pending) {
      if (prompt.interrupted) break;
      const r = rows[s.rank - 1]!;
      out.write(`\n[${s.rank}/${sample.length}] ${corpus}:${r.line}\n  ${r.left} [${r.match}] ${r.right}\n  emotion: ${r.path}\n`);
      let verdict: AuditJudgment['decision'] | undefined;
      let quit = false;
      for (;;) {
        const answer = await prompt.ask('[r/w/s/q]> ');
        if (answer === undefined || answer.toLowerCase() === 'q') {
          quit = true;
          break;
        }
        if (answer.toLowerCase() === 's') break;
        verdict = parseVerdict(answer);
        if (verdict) break;
        out.write(`"${answer}": type r (right), w (wrong), s (skip) or q (quit)\n`);
      }
      if (quit) break;
      if (!verdict) continue;
      const note = (await prompt.ask('note> ')) ?? '';
      await appendJudgments(decisions, [judgmentOf(s, counts, corpus, part, seed, verdict, note, judge)]);
      judged++;
      out.write(`${revealed(s)}\n`);
    }
  } finally {
    prompt.close();
  }
  out.write(`\n${judged} judgment(s) recorded in ${decisions}${prompt.interrupted ? ' (interrupted)' : ''}\n`);
}

async function recordJudgments(globals: GlobalOptions, file: string, decisions: string, judge: string): Promise<void> {
  const { judged, blank } = parseJudgedSample(await readInputFile(file, '--judgments'), file);
  if (!judged.length)
    throw new EmokbError('BAD_INPUT', `${file}: no row has a decision (right or wrong) yet${blank ? ` (${blank} blank)` : ''}`, { file });
  const tagger = await loadTagger(globals);
  const previous = new Map((await readJudgments(decisions)).map((j) => [judgmentKey(j), j]));
  // Each corpus (and part) is read and tagged once; every row must still be a match there, so a
  // changed corpus or lexicon is caught instead of recorded under the wrong key.
  const corpora = new Map<string, { docs: Map<number, CorpusDocument>; counts: MatchCounts }>();
  const judgments: AuditJudgment[] = [];
  let unchanged = 0;
  const reveal: string[] = [];
  for (const row of judged) {
    const corpusKey = `${row.corpus}\t${row.part}`;
    let corpus = corpora.get(corpusKey);
    if (!corpus) {
      const loaded = await loadCorpus({ corpus: row.corpus, part: row.part || undefined });
      corpus = { docs: new Map(loaded.docs.map((d) => [d.line, d])), counts: countMatches(tagger, loaded.docs) };
      corpora.set(corpusKey, corpus);
    }
    const doc = corpus.docs.get(row.line);
    const match =
      doc &&
      countedMatches(tagger, doc.text).find((m) => m.start === row.start && m.end === row.end && row.emotion.endsWith(`/${m.emotionId}`));
    if (!doc || !match) {
      throw new EmokbError(
        'BAD_INPUT',
        `${row.source}: ${row.corpus}:${row.line} has no match at ${row.start}-${row.end} as ${row.emotion} (the corpus or the lexicon changed since the sample was drawn?); nothing recorded`,
        { file },
      );
    }
    const s = describeMatch(tagger, doc, match, row.sample);
    const j = judgmentOf(s, corpus.counts, row.corpus, row.part, row.seed, row.decision, row.note, judge);
    const before = previous.get(judgmentKey(j));
    if (before && before.decision === j.decision && before.note === j.note) unchanged++;
    else judgments.push(j);
    reveal.push(`${row.sample}\t${row.decision}\t${match.text}\t${j.path}\t${j.kind}\t${j.via}\t${j.rules}\t${j.term}`);
  }
  await appendJudgments(decisions, judgments);
  process.stdout.write(
    `${['sample', 'decision', 'match', 'path', 'kind', 'via', 'rules', 'term'].join('\t')}\n${reveal.map((l) => `${l}\n`).join('')}`,
  );
  process.stderr.write(
    `audit: ${judgments.length} judgment(s) recorded in ${decisions}${unchanged ? `, ${unchanged} already there` : ''}${blank ? `; ${blank} row(s) without a decision left out` : ''}\n`,
  );
}

async function report(decisions: string, minJudged: number, top: number, json: boolean, seed?: number): Promise<void> {
  const judgments = (await readJudgments(decisions)).filter((j) => seed === undefined || j.seed === seed);
  if (!judgments.length)
    throw new EmokbError(
      'BAD_INPUT',
      `--decisions: ${decisions} has no judgments${seed === undefined ? ' (is the path right?)' : ` of samples drawn with seed ${seed}`}`,
      { file: decisions },
    );
  const r = auditReport(judgments, minJudged);
  if (json) return printJson({ decisions, ...r, terms: r.terms.slice(0, top) });
  process.stdout.write(formatReport(r, decisions, top, minJudged));
}

async function refuseExisting(file: string): Promise<void> {
  try {
    await stat(file);
  } catch {
    return;
  }
  throw new EmokbError('BAD_INPUT', `--write-sample: ${file} exists (it may hold judgments); give a new file name`, { file });
}

async function writeNew(file: string, text: string): Promise<void> {
  try {
    await writeFile(file, text, { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new EmokbError(
      code === 'EEXIST' || code === 'ENOENT' || code === 'EACCES' ? 'BAD_INPUT' : 'OUTPUT_FAILED',
      `--write-sample: cannot write ${file}: ${code ?? String(error)}`,
      { file },
    );
  }
}
