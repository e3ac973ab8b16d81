// `emokb tag`: emotions for every document of a corpus, JSON Lines out. Reads plain text (one
// document a line; id = line number) or JSON Lines (`{"id", "text"}`), from files or standard
// input, streams in bounded memory on a pool of worker threads, keeps output in input order.
// The store is opened only to get the compiled lexicon, then closed: tagging a large file does not
// hold the data directory's lock. The compiled lexicon is cached in the data directory
// (tagger-lexicon.json, keyed by the change-log version), so a run on an unchanged store reads one
// JSON file instead of loading every quad into a snapshot: faster to start, and hundreds of MB
// less peak memory with a full lexicon.
import { createWriteStream, type WriteStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { resolve as resolveSetting } from '../settings.js';
import { EmokbError, inTermsOf } from '../errors.js';
import { TIERS, type Tier } from '../kb/Emotion.js';
import type { LexiconData } from '../lexicon/types.js';
import type { InputFormat } from '../tagger/batch.js';
import { checkInputFiles, tagStream, type StreamSummary } from '../tagger/stream.js';
import { prepareOptions, type ResolvedOptions } from '../tagger/options.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../tagger/outputFormat.js';
import { SCHEME_NAMES } from '../lexicon/crosswalks.js';
import type { NegationPolicy, SchemeName } from '../tagger/types.js';
import type { GlobalOptions } from './context.js';
import { loadLexicon, loadWinkData } from './tagData.js';
import { numberFlag } from './numberFlag.js';

/** The flags of the tagging options (addInputOptions, addTaggingOptions). */
export type TaggingFlags = Omit<TagCommandOptions, 'output' | 'workers' | 'progress' | 'batchLines' | 'quiet'>;

interface TagCommandOptions {
  format?: string;
  textField?: string;
  idField: string;
  output?: string;
  workers?: string;
  tiers?: string;
  minScore?: string;
  perSentence?: boolean;
  negation: string;
  intensity: boolean;
  emphasis: boolean;
  punctuationCues: boolean;
  questionIncredulity: boolean;
  defaultNarrower: boolean;
  collocations: boolean;
  appraisal: boolean;
  evaluativeFrame: boolean;
  undergoer: boolean;
  valence: boolean;
  evaluativeInfinitive: boolean;
  topicExperiencer?: boolean;
  apology: boolean;
  valenceFrames: boolean;
  stretchedSpellings: boolean;
  interjectionScope: boolean;
  emoji: boolean;
  tagQuestion: boolean;
  physicalSense: boolean;
  expressiveIntensifier: boolean;
  courtesyTitle: boolean;
  afraidHedge: boolean;
  quotedMention: boolean;
  wellWish: boolean;
  askedFeeling: boolean;
  conduciveQuestion: boolean;
  partOfSpeech: boolean;
  names: boolean;
  matches: boolean;
  strict?: boolean;
  progress: boolean;
  batchLines?: string;
  quiet?: boolean;
  scheme?: string;
  outputFormat: string;
}

/** Registers `emokb tag` and returns it (cli/tagQueue.ts adds its queue subcommands). */
export function registerTag(program: Command): Command {
  const tag = program
    .command('tag')
    .description('tag documents with emotions at every tier; JSON Lines out (one result per input line, in input order)')
    .argument('[files...]', "input files ('-' or none: standard input)");
  addInputOptions(tag);
  tag
    .option('-o, --output <file>', 'write JSON Lines here instead of standard output')
    .option(
      '--workers <n>',
      `worker threads, at most ${MAX_WORKERS} (default: the cores available; 0 tags in the main thread); each costs about ${MB_PER_WORKER} MB, and only as many start as the input has batches`,
    );
  addTaggingOptions(tag);
  tag
    .option('--no-progress', 'no progress bar (shown on standard error when reading files and it is a terminal)')
    .option(
      '--batch-lines <n>',
      'at most this many lines per unit of work handed to a worker (default 2000; a unit is also capped at 256 KiB)',
    )
    .option('-q, --quiet', 'no summary on standard error')
    .addHelpText(
      'after',
      `
Output: one JSON object per input line:
  {"id", "dominant": {"primary", "secondary", "tertiary"}, "scores": {"primary": {label: score}, ...},
   "matches": [{"text", "start", "end", "lemma", "emotion", "emotionId", "path", "weight", "negated", "intensity", "kind", "via",
                "rules"? (the context rules that shaped it), "readAs"?, "readAsId"? (rule default-narrower: the node it was read as)}]}
With --scheme: {"id", "scheme", "dominant": label, "scores": {label: score}, "categories": [{"label", "iri", "score", "relations"}],
  "unmapped" (share of the evidence with no counterpart in the scheme), "matches"?}.
--output-format onyx: per line a JSON-LD document (nif:Context, onyx:EmotionSet, onyx:Emotion with
  onyx:hasEmotionCategory = the emotion's IRI and onyx:hasEmotionIntensity = its score);
  emotionml: one EmotionML 1.0 document, an <emotion> per text and tier (no matches, no sentences).
A malformed line gives {"id", "line", "error": {"code": "BAD_INPUT", "message"}} and tagging goes on (--strict stops):
  JSON that is not an object with the text field, a line over 16 MiB, and a line that is not text
  (not valid UTF-8, or holding a NUL byte). A blank line of JSON Lines is skipped (counted in the
  summary); a blank line of plain text is a document with no emotion.

Examples:
  emokb tag notes.txt > notes.emotions.jsonl
  emokb tag --text-field body --workers 2 -o out.jsonl comments.jsonl
  cat posts.txt | emokb tag --tiers primary --no-matches
  emokb tag --scheme ekman --output-format emotionml notes.txt > notes.emotionml`,
    )
    .action(async (files: string[], options: TagCommandOptions, command: Command) => {
      const { format, tagOptions, outputFormat } = taggingSpec(files, options);
      const workers = options.workers === undefined ? Math.min(availableParallelism(), MAX_WORKERS) : workersFlag(options.workers);
      const batchLines = options.batchLines === undefined ? 2000 : numberFlag(options.batchLines, '--batch-lines', { min: 1 });
      const youngGenerationMb = resolveSetting('tagYoungMb', undefined).value;

      // Every input is checked before the output is opened: opening truncates an --output file.
      const totalBytes = await checkInputFiles(files);
      const lexicon = await loadLexicon(command.optsWithGlobals<GlobalOptions>());
      checkScheme(lexicon, tagOptions);
      const winkData = await loadWinkData(command.optsWithGlobals<GlobalOptions>());

      // Standard output's errors are bin/emokb.js's (a closed pipe ends quietly, others fail).
      const output = options.output ? await openOutput(options.output) : process.stdout;
      let writeFailure: NodeJS.ErrnoException | undefined;
      if (output !== process.stdout) output.on('error', (error: NodeJS.ErrnoException) => (writeFailure = error));
      const readsFiles = files.length > 0 && !files.includes('-');
      const bar =
        readsFiles && options.progress && process.stderr.isTTY
          ? new SingleBar({
              stream: process.stderr,
              format: 'tagging [{bar}] {percentage}% | {value}/{total} MB | {eta_formatted} left',
              hideCursor: true,
              etaBuffer: 50,
            })
          : undefined;
      let lastUpdate = 0;
      const started = performance.now();
      try {
        bar?.start(1, 0);
        const summary = await tagStream({
          files,
          stdin: process.stdin,
          output,
          format,
          textField: options.textField ?? 'text',
          idField: options.idField,
          strict: options.strict ?? false,
          options: tagOptions,
          outputFormat,
          workers,
          lexicon,
          winkData,
          batchLines,
          youngGenerationMb,
          totalBytes,
          onProgress: bar
            ? (read, total) => {
                const now = performance.now();
                if (now - lastUpdate < 100 && read < total) return;
                lastUpdate = now;
                bar.setTotal(Math.max(1, Math.round(total / 1e5) / 10));
                bar.update(Math.round(read / 1e5) / 10);
              }
            : undefined,
        });
        bar?.stop();
        if (output !== process.stdout) {
          output.end();
          await finished(output); // rejects when a write failed, even before this point
        }
        if (!options.quiet) {
          const seconds = (performance.now() - started) / 1000;
          process.stderr.write(
            `emokb: tagged ${summary.documents - summary.skipped} lines (${errorCount(summary)}) from ${(summary.bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s (${(summary.bytes / 1e6 / Math.max(seconds, 1e-3)).toFixed(1)} MB/s, ${workersUsed(workers, summary.workersStarted)})\n`,
          );
        }
      } catch (error) {
        bar?.stop();
        if (writeFailure)
          throw new EmokbError('OUTPUT_FAILED', `--output ${options.output}: cannot write (${writeFailure.code ?? writeFailure.message})`, {
            option: '--output',
          });
        throw error;
      }
    });
  return tag;
}

/** The options saying how input lines are read: `emokb tag` and `emokb tag submit` share them. */
export function addInputOptions(command: Command): Command {
  return command
    .option(
      '--format <format>',
      'text (one document a line) or jsonl; default jsonl when --text-field is given or every file ends in .jsonl/.ndjson, else text',
    )
    .option('--text-field <name>', 'JSON Lines: the field holding the text (default "text"; implies --format jsonl)')
    .option('--id-field <name>', 'JSON Lines: the field holding the id (a record without it gets its line number)', 'id');
}

/** The options saying how lines are tagged and written (the rest `emokb tag submit` shares). */
export function addTaggingOptions(command: Command): Command {
  return command
    .option(
      '--scheme <name>',
      `answer in another scheme's labels through the ontology's crosswalks: ${SCHEME_NAMES.join(', ')} (default: Parrott's tiers)`,
    )
    .option(
      '--output-format <format>',
      'jsonl (JSON Lines, the default), onyx (one Onyx JSON-LD document a line) or emotionml (one EmotionML 1.0 document)',
      'jsonl',
    )
    .option('--tiers <list>', 'tiers to report in scores, comma-separated (default primary,secondary,tertiary)')
    .option('--min-score <x>', 'leave out scores below this normalised score (0 to 1, default 0)')
    .option('--per-sentence', 'add per-sentence results')
    .option(
      '--negation <policy>',
      'exclude (negated matches count for nothing), opposite (count toward the opposite emotion), off',
      'exclude',
    )
    .option('--no-intensity', 'ignore intensifiers and diminishers ("very", "a bit")')
    .option('--no-emphasis', 'ignore exclamation marks and capitals')
    .option('--no-punctuation-cues', 'ignore the lexicon\'s punctuation cues ("?" closing a sentence with no emotion word: weak surprise)')
    .option(
      '--no-question-incredulity',
      'let the "?" cue count every question with no emotion word, not only incredulous ones ("Really?", "You did what?")',
    )
    .option('--no-default-narrower', 'leave a match on a primary or secondary emotion at its own tier (no default narrower reading)')
    .option('--no-collocations', 'let emotion words inside the lexicon\'s non-emotional expressions match ("best friend", "make sure")')
    .option(
      '--no-appraisal',
      'do not move an evaluative word by whom it evaluates ("I feel so stupid": shame; "you are so stupid": contempt)',
    )
    .option('--no-evaluative-frame', 'count an evaluative word that modifies a noun ("a great game") like any other')
    .option('--no-undergoer', 'do not read an interpersonal verb on the side of the one who undergoes it ("I teased him")')
    .option('--no-valence', 'no weak valence match for a text with no lexicon match ("I feel so talented")')
    .option('--no-evaluative-infinitive', 'no weak gladness match for "nice to see", "good to hear" in a text with no lexicon match')
    .option('--no-stretched-spellings', 'do not read "sooooo happy", "loooove" as the lexicon words they stretch')
    .option('--no-interjection-scope', 'let a negator reach a one-word interjection ("Nobody has been banned lol" negates "lol")')
    .option('--no-emoji', 'ignore emoji and emoticons ("😂", "😡", ":(", "<3")')
    .option('--no-tag-question', 'read "huh" in ", huh?" as surprise like any other "huh"')
    .option('--no-physical-sense', 'read "hurt", "wounded", "stuck" as emotions also beside a body part, an injury or a weapon')
    .option('--no-expressive-intensifier', 'read a swear word as a degree word ("fucking awesome", "so fucking deep") as anger')
    .option('--no-courtesy-title', 'read "Miss" before a name ("Miss [PERSON]") as longing')
    .option('--no-afraid-hedge', 'read "I\'m afraid" before unwelcome news ("I\'m afraid it can\'t be done") as fear')
    .option('--no-conducive-question', 'let "isn\'t" negate in "Isn\'t it wonderful?", "don\'t" in "Don\'t you hate it when ...?"')
    .option('--no-asked-feeling', 'read a feeling asked about ("Did you enjoy it?", "Do you hate China?") as expressed')
    .option('--no-well-wish', 'read "Enjoy your stay!", "Enjoy the game!" as enjoyment')
    .option('--no-quoted-mention', 'read a word quoted alone (words like "racist", use "lol" in a post) as the emotion it names')
    .option(
      '--no-valence-frames',
      'let the valence fallback read every evaluation of a person, not only a present self-report or the speaker\'s judgment ("I\'m so talented", "you\'re so sweet")',
    )
    .option(
      '--no-apology',
      'read "sorry" as the lexicon has it, not as regret ("Sorry, I messed up") or sympathy ("sorry to hear that") by what follows',
    )
    .option(
      '--topic-experiencer',
      'keep an evoking topic noun ("corpse", "poison") only in a sentence with an experiencer ("I", "you", "feel"); off by default',
    )
    .option(
      '--no-part-of-speech',
      'match an entry whatever part of speech its word has in the sentence ("the shoes fit", "I was wondering whether")',
    )
    .option('--no-names', 'match capitalised words inside a sentence that are proper nouns ("Joy Street", "General Hope")')
    .option('--no-matches', 'leave out the matched words (smaller, faster output)')
    .option('--strict', 'stop at the first malformed line (exit status 2) instead of writing an error record');
}
/** What the tagging options say, checked: the input format, the resolved tagger options, the output format. */
export function taggingSpec(
  files: string[],
  options: TaggingFlags,
): { format: InputFormat; tagOptions: ResolvedOptions; outputFormat: OutputFormat } {
  const format = inputFormat(files, options);
  const tiers = options.tiers
    ?.split(',')
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean) as Tier[] | undefined;
  if (tiers && (tiers.length === 0 || tiers.some((t) => !TIERS.includes(t)))) {
    throw new EmokbError('BAD_INPUT', `--tiers: "${options.tiers}"; give some of ${TIERS.join(', ')}`, { option: '--tiers' });
  }
  const outputFormat = outputFormatFlag(options);
  const minScore =
    options.minScore === undefined ? undefined : numberFlag(options.minScore, '--min-score', { min: 0, max: 1, fraction: true });
  const tagOptions = (() => {
    try {
      return prepareOptions({
        tiers,
        minScore,
        perSentence: options.perSentence ?? false,
        negation: options.negation as NegationPolicy,
        intensity: options.intensity,
        emphasis: options.emphasis,
        punctuationCues: options.punctuationCues,
        questionCue: options.questionIncredulity ? 'incredulity' : 'any',
        defaultNarrower: options.defaultNarrower,
        collocations: options.collocations,
        appraisal: options.appraisal,
        evaluativeFrame: options.evaluativeFrame,
        undergoer: options.undergoer,
        valence: options.valence,
        evaluativeInfinitive: options.evaluativeInfinitive,
        apology: options.apology,
        valenceFrames: options.valenceFrames,
        stretchedSpellings: options.stretchedSpellings,
        interjectionScope: options.interjectionScope,
        emoji: options.emoji,
        tagQuestion: options.tagQuestion,
        physicalSense: options.physicalSense,
        expressiveIntensifier: options.expressiveIntensifier,
        courtesyTitle: options.courtesyTitle,
        afraidHedge: options.afraidHedge,
        quotedMention: options.quotedMention,
        wellWish: options.wellWish,
        askedFeeling: options.askedFeeling,
        conduciveQuestion: options.conduciveQuestion,
        topicExperiencer: options.topicExperiencer ?? false,
        partOfSpeech: options.partOfSpeech,
        names: options.names,
        matches: options.matches,
        scheme: (options.scheme as SchemeName | undefined) ?? null,
      });
    } catch (error) {
      if (error instanceof EmokbError && error.field)
        throw inTermsOf(error, `--${error.field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
      throw error;
    }
  })();
  return { format, tagOptions, outputFormat };
}

/** --scheme against the knowledge base's crosswalks (known once the lexicon is loaded). */
export function checkScheme(lexicon: LexiconData, tagOptions: ResolvedOptions): void {
  if (tagOptions.scheme !== null && !lexicon.schemes.some((s) => s.name === tagOptions.scheme))
    throw new EmokbError('BAD_INPUT', `--scheme: the knowledge base has no crosswalk to "${tagOptions.scheme}"`, {
      option: '--scheme',
    });
}

// Each worker thread holds its own tagger and compiled lexicon. Peak RSS of `emokb tag` over XED
// (17,528 lines, 9 batches) on the shipped lexicon: 125 MB with 1 worker, 167 MB with 2, 247 MB with
// 4, 414 MB with 8: about 41 MB a thread. 1000 threads (no cap) took 22 GB and died; more threads than
// cores tag no faster. The cap allows 32, or one per core where there are more (32 x 41 MB = 1.3 GB).
const MB_PER_WORKER = 40;
export const MAX_WORKERS = Math.max(32, availableParallelism());

/** --workers: a whole number from 0 to the cap; over it is refused (BAD_INPUT) rather than clamped, so a script's typo is seen. */
function workersFlag(value: string): number {
  const n = numberFlag(value, '--workers', { min: 0 });
  if (n > MAX_WORKERS) {
    throw new EmokbError(
      'BAD_INPUT',
      `--workers: ${n} is over the cap of ${MAX_WORKERS} worker threads (each costs about ${MB_PER_WORKER} MB of memory, and more threads than the ${availableParallelism()} cores here tag no faster)`,
      { option: '--workers', max: MAX_WORKERS },
    );
  }
  return n;
}

function errorCount(summary: StreamSummary): string {
  const notText = summary.notText ? `, ${summary.notText} of them not text: binary or not UTF-8` : '';
  const skipped = summary.skipped ? `; ${summary.skipped} blank line${summary.skipped === 1 ? '' : 's'} skipped` : '';
  return `${summary.errors} errors${notText}${skipped}`;
}

function workersUsed(requested: number, started: number): string {
  if (requested === 0) return 'no workers: in the main thread';
  const threads = `${started} worker${started === 1 ? '' : 's'}`;
  return started < requested ? `${threads} of ${requested}: the input needed no more` : threads;
}

/** Opens an --output file, or fails naming it (a missing directory, no permission). */
async function openOutput(file: string): Promise<WriteStream> {
  const stream = createWriteStream(file);
  try {
    await once(stream, 'open');
  } catch (error) {
    throw new EmokbError('BAD_INPUT', `--output ${file}: cannot write (${(error as NodeJS.ErrnoException).code ?? error})`, {
      option: '--output',
    });
  }
  return stream;
}

/** --output-format, checked against the options it cannot carry. */
function outputFormatFlag(options: TaggingFlags): OutputFormat {
  const format = options.outputFormat as OutputFormat;
  if (!OUTPUT_FORMATS.includes(format))
    throw new EmokbError('BAD_INPUT', `--output-format: "${options.outputFormat}" is not one of ${OUTPUT_FORMATS.join(', ')}`, {
      option: '--output-format',
    });
  if (format !== 'jsonl' && options.perSentence)
    throw new EmokbError('BAD_INPUT', `--per-sentence: only --output-format jsonl carries per-sentence results, not ${format}`, {
      option: '--per-sentence',
    });
  if (options.scheme !== undefined && options.tiers !== undefined)
    throw new EmokbError('BAD_INPUT', "--tiers: Parrott's tiers do not apply with --scheme (a scheme has one level of labels)", {
      option: '--tiers',
    });
  return format;
}

function inputFormat(files: string[], options: TaggingFlags): InputFormat {
  if (options.format !== undefined) {
    if (options.format !== 'text' && options.format !== 'jsonl')
      throw new EmokbError('BAD_INPUT', `--format: "${options.format}" is not text or jsonl`, { option: '--format' });
    if (options.format === 'text' && options.textField)
      throw new EmokbError('BAD_INPUT', '--text-field needs --format jsonl', { option: '--text-field' });
    return options.format;
  }
  if (options.textField) return 'jsonl';
  return files.length > 0 && files.every((f) => /\.(jsonl|ndjson)$/i.test(f)) ? 'jsonl' : 'text';
}
