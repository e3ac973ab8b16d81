// `emokb expand`: runs the vocabulary pipeline (src/expansion/) over the whole hierarchy or one
// emotion and its descendants, and stores the candidates for review. A progress bar goes to
// standard error when it is a terminal; standard output carries the summary only.
import type { Command } from 'commander';
import { EmokbError } from '../errors.js';
import { planCandidates, PIPELINE_AGENT } from '../expansion/candidateStore.js';
import { provenanceTime } from '../rdf/provenanceTime.js';
import { EmotionProfiles, OVERLAP_METHODS, runCheck, type OverlapMethodName } from '../expansion/overlap.js';
import { DEFAULT_METHOD, expand, loadResources, scopeOf } from '../expansion/pipeline.js';
import { vectorsPackageVersion } from '../expansion/vectors.js';
import {
  CORPUS_DEFAULTS,
  corpusCandidates,
  crosswalk,
  parseLabelNames,
  parseLabelledCorpus,
  parsePart,
  replacesWordNetRejection,
} from '../expansion/corpus.js';
import { WordNet } from '../wordnet/wordnet.js';
import { LexiconIndex } from '../lexicon/LexiconIndex.js';
import { readInputFile } from '../readInput.js';
import { basename } from 'node:path';
import { numberFlag } from './numberFlag.js';
import { progressBar } from './progress.js';
import { printJson, withService, type GlobalOptions } from './context.js';

interface ExpandOptions {
  emotion?: string;
  method: string;
  refresh?: boolean;
  dryRun?: boolean;
  check?: boolean;
  json?: boolean;
  time?: string;
  corpus?: string;
  scheme?: string;
  labelNames?: string;
  part?: string;
  source?: string;
  minDocuments?: string;
  minLift?: string;
  minShare?: string;
  phrases?: boolean;
}

export function registerExpand(program: Command): void {
  program
    .command('expand')
    .description('propose candidate terms from WordNet for every emotion (or one, with its descendants) and store them for review')
    .option('--emotion <label-or-id>', 'only candidates that resolve to this emotion or its descendants')
    .option('--method <name>', `overlap resolution: ${OVERLAP_METHODS.join(' or ')}`, DEFAULT_METHOD)
    .option('--refresh', 'replace pending candidates from earlier runs (accepted and rejected entries are never touched)')
    .option('--dry-run', 'compute and report, write nothing')
    .option('--check', 'also run the overlap-method comparison on the tertiary check set')
    .option('--time <iso>', 'timestamp for new candidates (default: SOURCE_DATE_EPOCH or now)')
    .option('--json', 'machine-readable summary')
    .option(
      '--corpus <file>',
      'instead of WordNet: words associated with emotion labels in this labelled corpus (TSV text<TAB>labels, or JSON Lines {text, labels})',
    )
    .option('--scheme <name>', 'with --corpus: the crosswalk scheme of its labels (e.g. goemotions, plutchik)')
    .option('--label-names <file>', 'with --corpus: labels are ids: a file of names, one a line (line n is id n-1), or ID<TAB>NAME lines')
    .option(
      '--part <i/n>',
      'with --corpus: only part I of N interleaved parts (line L is in part ((L-1) mod N)+1; 1/2 = odd lines), to hold the rest out',
    )
    .option('--source <name>', 'with --corpus: name recorded in the evidence (default: the file name)')
    .option('--min-documents <n>', `with --corpus: fewest labelled documents containing the word (default ${CORPUS_DEFAULTS.minDocuments})`)
    .option('--min-lift <x>', `with --corpus: smallest lift P(emotion | word) / P(emotion) (default ${CORPUS_DEFAULTS.minLift})`)
    .option(
      '--min-share <x>',
      `with --corpus: smallest share of the word's documents carrying the emotion (default ${CORPUS_DEFAULTS.minShare})`,
    )
    .option('--phrases', 'with --corpus: situation phrases ("pass away", "lose one\'s job", "get promoted") instead of single words')
    .action(async (options: ExpandOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const time = provenanceTime(options.time); // a bad --time is refused before any work
      if (options.corpus) {
        // WordNet-only options, refused rather than ignored (--method has a default: ask where it came from).
        for (const [key, flag] of [
          ['check', '--check'],
          ['method', '--method'],
          ['emotion', '--emotion'],
        ] as const) {
          if (command.getOptionValueSource(key) === 'cli')
            throw new EmokbError('BAD_INPUT', `${flag} does not apply with --corpus`, { option: flag });
        }
        return expandFromCorpus(options, globals, time);
      }
      for (const flag of ['scheme', 'labelNames', 'part', 'source', 'minDocuments', 'minLift', 'minShare', 'phrases'] as const) {
        if (options[flag] !== undefined)
          throw new EmokbError('BAD_INPUT', `--${flag.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} applies only with --corpus`);
      }
      if (!OVERLAP_METHODS.includes(options.method as OverlapMethodName)) {
        throw new EmokbError('BAD_INPUT', `--method: "${options.method}" is not a method; use one of ${OVERLAP_METHODS.join(', ')}`);
      }
      vectorsPackageVersion(); // the optional word vectors: refused before the store is opened or seeded
      await withService(globals, async (service) => {
        const kb = service.snapshot;
        const began = performance.now();
        const scopeEmotion = options.emotion ? kb.resolve(options.emotion) : undefined;
        const bar = progressBar('expand');
        bar.start(1, 0, { step: 'loading WordNet and word vectors' });
        const resources = await loadResources();
        const loadedMs = performance.now() - began;
        const result = expand(kb, resources, {
          method: options.method as OverlapMethodName,
          scope: scopeEmotion ? scopeOf(kb, scopeEmotion) : undefined,
          onProgress: (done, total, label) => {
            bar.setTotal(total);
            bar.update(done, { step: label });
          },
        });
        const plan = planCandidates(kb, result.candidates, { time, refresh: options.refresh });
        bar.update({ step: 'validating and writing' });
        const outcome = await service.change(
          {
            add: plan.add,
            remove: plan.remove,
            author: PIPELINE_AGENT,
            message: `expand${scopeEmotion ? ` --emotion ${scopeEmotion.id}` : ''}: ${plan.added.candidates} candidates, ${plan.added.rejected} rejected by the ambiguity rules`,
            command: `expand${scopeEmotion ? ` --emotion ${scopeEmotion.id}` : ''} --method ${options.method}`,
          },
          { dryRun: options.dryRun },
        );
        bar.stop();
        const check = options.check
          ? OVERLAP_METHODS.map((m) => {
              const { misses, ...figures } = runCheck(m, new EmotionProfiles(kb, result.seeds), resources.vectors);
              return { ...figures, misses: misses.length };
            })
          : undefined;
        const summary = {
          scope: scopeEmotion?.id ?? 'all',
          method: options.method,
          seeds: {
            emotions: result.seeds.size,
            withoutWordNetSense: [...result.seeds.values()].filter((s) => !s.synsets.length).map((s) => s.emotion.id),
          },
          reaches: result.reaches,
          proposed: result.candidates.length,
          added: plan.added,
          keptFromEarlierRuns: plan.kept,
          written: options.dryRun ? 0 : outcome.added,
          change: outcome.record?.id ?? null,
          ms: { loadResources: Math.round(loadedMs), total: Math.round(performance.now() - began) },
          ...(check ? { overlapCheck: check } : {}),
        };
        if (options.json) return printJson(summary);
        const lines = [
          `scope        ${summary.scope} (overlap method: ${summary.method})`,
          `proposed     ${summary.proposed} words from ${summary.reaches} WordNet reaches`,
          `added        ${plan.added.candidates} candidates, ${plan.added.rejected} rejected by the ambiguity rules${options.dryRun ? ' (dry run: nothing written)' : ''}`,
          `kept         ${plan.kept.accepted} accepted, ${plan.kept.rejected} rejected, ${plan.kept.candidate} pending from earlier runs`,
          `no WordNet   ${summary.seeds.withoutWordNetSense.join(', ') || '-'}`,
          `time         ${summary.ms.total} ms (${summary.ms.loadResources} ms loading WordNet and vectors)`,
        ];
        for (const c of check ?? []) {
          lines.push(
            `check ${c.method.padEnd(7)} ${c.correct}/${c.total} tertiaries nearest their parent (${c.accuracy}); without namesakes ${c.correctExcludingNamesakes}/${c.totalExcludingNamesakes} (${c.accuracyExcludingNamesakes})`,
          );
        }
        process.stdout.write(`${lines.join('\n')}\n`);
      });
    });
}

async function expandFromCorpus(options: ExpandOptions, globals: GlobalOptions, time: string): Promise<void> {
  const file = options.corpus!;
  if (!options.scheme)
    throw new EmokbError('BAD_INPUT', '--corpus needs --scheme: the crosswalk scheme its labels belong to (e.g. goemotions)');
  const thresholds = {
    minDocuments: options.minDocuments === undefined ? undefined : numberFlag(options.minDocuments, '--min-documents', { min: 1 }),
    minLift: options.minLift === undefined ? undefined : numberFlag(options.minLift, '--min-lift', { min: 1, fraction: true }),
    minShare: options.minShare === undefined ? undefined : numberFlag(options.minShare, '--min-share', { min: 0, max: 1, fraction: true }),
  };
  const part = options.part === undefined ? undefined : parsePart(options.part);
  const labelNames = options.labelNames
    ? parseLabelNames(await readInputFile(options.labelNames, '--label-names'), options.labelNames)
    : undefined;
  const documents = parseLabelledCorpus(await readInputFile(file, '--corpus'), file, labelNames, part);
  if (!documents.length) {
    throw new EmokbError(
      'BAD_INPUT',
      part ? `--part ${options.part}: selects no document of ${file}` : `${file}: no documents`,
      part ? { option: '--part' } : { file },
    );
  }
  const source = options.source ?? basename(file);
  await withService(globals, async (service) => {
    const kb = service.snapshot;
    crosswalk(kb, options.scheme!); // an unknown --scheme is refused before WordNet is loaded
    const began = performance.now();
    const index = LexiconIndex.for(kb);
    const wn = await WordNet.load();
    const result = corpusCandidates(kb, wn, documents, {
      scheme: options.scheme!,
      source,
      isKnown: (word) => index.word(word) !== null,
      phrases: options.phrases,
      namesEmotion: (word) => {
        const hit = index.word(word);
        return hit !== null && index.entries[hit.entry]!.senses.some((s) => s.kind === 'names');
      },
      isKnownPhrase: (phrase) => index.multi(phrase) !== undefined,
      ...thresholds,
    });
    const plan = planCandidates(kb, result.candidates, {
      time,
      refresh: options.refresh,
      replaces: replacesWordNetRejection,
    });
    const outcome = await service.change(
      {
        add: plan.add,
        remove: plan.remove,
        author: PIPELINE_AGENT,
        message: `expand --corpus ${source}${options.phrases ? ' --phrases' : ''}: ${plan.added.candidates} candidates`,
        // The run as typed (file, part, label names, thresholds), so the change log can repeat it.
        command: ['expand', '--corpus', file, '--scheme', options.scheme!, ...corpusFlags(options)].join(' '),
      },
      { dryRun: options.dryRun },
    );
    const summary = {
      scope: 'all',
      source,
      scheme: options.scheme,
      documents: result.documents,
      labelled: result.labelled,
      unmappedLabels: result.unmappedLabels,
      proposed: result.candidates.length,
      added: plan.added,
      keptFromEarlierRuns: plan.kept,
      replacedWordNetRejections: plan.replaced,
      written: options.dryRun ? 0 : outcome.added,
      change: outcome.record?.id ?? null,
      ms: { total: Math.round(performance.now() - began) },
    };
    if (options.json) return printJson(summary);
    process.stdout.write(
      [
        `corpus       ${source}: ${summary.documents} documents, ${summary.labelled} with a label mapped through "${summary.scheme}"`,
        `unmapped     ${summary.unmappedLabels.join(', ') || '-'} (their documents count as background)`,
        `proposed     ${summary.proposed} ${options.phrases ? 'phrases' : 'words'}`,
        `added        ${plan.added.candidates} candidates (${plan.replaced} of them words rejected earlier as WordNet proposals)${options.dryRun ? ' (dry run: nothing written)' : ''}`,
        `kept         ${plan.kept.accepted} accepted, ${plan.kept.rejected} rejected, ${plan.kept.candidate} pending from earlier runs`,
        `time         ${summary.ms.total} ms`,
      ].join('\n') + '\n',
    );
  });
}

/** The optional corpus flags given, as command-line words. */
function corpusFlags(options: ExpandOptions): string[] {
  const given: Array<[string, string | undefined]> = [
    ['--part', options.part],
    ['--label-names', options.labelNames],
    ['--source', options.source],
    ['--min-documents', options.minDocuments],
    ['--min-lift', options.minLift],
    ['--min-share', options.minShare],
  ];
  return [...given.flatMap(([flag, value]) => (value === undefined ? [] : [flag, value])), ...(options.phrases ? ['--phrases'] : [])];
}
