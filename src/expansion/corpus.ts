// A second candidate source besides WordNet: words that *evoke* an emotion, found by their
// association with emotion labels in a labelled corpus. WordNet reaches words that name emotions
// ("irritation", "furious"); everyday text mostly carries emotion in words that call one up
// ("idiot", "thanks", "awesome", "funeral"), which WordNet's relations do not lead to.
//
// Method (distant supervision, as the NRC hashtag lexicons did with hashtags): a document's labels
// reach Parrott through the snapshot's crosswalk (`skos:*Match` to the corpus's scheme); for every
// word, its document frequency per primary gives the lift P(primary | word) / P(primary). A word
// becomes a candidate for the primary with the highest lift when the lift, the number of documents
// and the share of the word's documents that carry that primary all pass their thresholds. The
// sense goes to the most specific mapped node that holds most of those documents (GoEmotions'
// "annoyance" documents to Parrott's annoyance), else to the primary. Senses are of
// kind `evokes` and weighted by lift; every candidate goes through the human review like WordNet's.
//
// Documents without a mapped label stay in the counts as background (GoEmotions' "neutral"), which
// is what keeps frequent non-emotional words from looking associated.
import { createRequire } from 'node:module';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import type { PartOfSpeech } from '../kb/termQuads.js';
import { TokenBuffer, WORD, tokenizeInto } from '../text/tokenize.js';
import { EmokbError } from '../errors.js';
import { EMO } from '../rdf/namespaces.js';
import type { StoredEntry } from '../kb/lexicalEntries.js';
import { POS_NAME, round } from './candidates.js';
import { REJECTED_AFTER_ACCEPT } from './review.js';
import { lemmatizer } from './morphology.js';
import { situationPhrases } from './phrases.js';
import type { Candidate } from './pipeline.js';
import type { WnPos, WordNet } from '../wordnet/wordnet.js';

const require = createRequire(import.meta.url);
// natural's English stop-word list: function words carry no emotion of their own.
const STOPWORDS: ReadonlySet<string> = new Set((require('natural/lib/natural/util/stopwords.js') as { words: string[] }).words);

export interface LabelledDocument {
  text: string;
  labels: readonly string[];
  /** Where the document came from (file:line), for error messages. */
  at?: string;
}

export interface CorpusOptions {
  /** Mapping scheme of the corpus labels in the ontology's crosswalks (e.g. `goemotions`). */
  scheme: string;
  /** Name recorded in every candidate's evidence (e.g. `goemotions-train`). */
  source: string;
  /** Fewest documents carrying the chosen primary that contain the word. */
  minDocuments?: number;
  /** Smallest lift P(primary | word) / P(primary). */
  minLift?: number;
  /** Smallest share of the word's documents that carry the chosen primary. */
  minShare?: number;
  /** Whether a normalised word is to be left out (the lexicon already matches it). */
  isKnown?: (word: string) => boolean;
  /** Count situation phrases (phrases.ts: "pass away", "lose one's job") instead of single words. */
  phrases?: boolean;
  /** With `phrases`: whether a word names an emotion (it heads no situation phrase). */
  namesEmotion?: (word: string) => boolean;
  /** With `phrases`: whether the lexicon already has the phrase. */
  isKnownPhrase?: (phrase: string) => boolean;
}

/**
 * Which existing entries a corpus proposal may replace (`planCandidates`' `replaces`): a word
 * rejected as a WordNet proposal, since that rejection judged a WordNet sense ("fuck" as a feeling
 * verb), not the word's use in text. A word rejected from a corpus stays rejected, and so does one
 * taken back after it had been accepted ("calm", "please": a judgement of the word itself).
 */
export function replacesWordNetRejection(prior: Pick<StoredEntry, 'status' | 'senses' | 'quads'>): boolean {
  return (
    prior.status === 'rejected' &&
    prior.senses.every((s) => s.method !== 'corpus') &&
    !prior.quads.some((q) => q.predicate.equals(EMO.evidence) && q.object.value === REJECTED_AFTER_ACCEPT)
  );
}

export const CORPUS_DEFAULTS = { minDocuments: 10, minLift: 2, minShare: 0.3 } as const;

export interface CorpusResult {
  candidates: Candidate[];
  documents: number;
  /** Documents with at least one mapped label. */
  labelled: number;
  /** Corpus labels with no crosswalk to Parrott (their documents count as background). */
  unmappedLabels: string[];
}

interface WordCounts {
  documents: number;
  /** Documents per primary id and per mapped node id. */
  byPrimary: Map<string, number>;
  byNode: Map<string, number>;
}

/** Corpus-association candidates, in lemma order. */
export function corpusCandidates(
  kb: KnowledgeBase,
  wn: WordNet,
  documents: Iterable<LabelledDocument>,
  options: CorpusOptions,
): CorpusResult {
  const minDocuments = options.minDocuments ?? CORPUS_DEFAULTS.minDocuments;
  const minLift = options.minLift ?? CORPUS_DEFAULTS.minLift;
  const minShare = options.minShare ?? CORPUS_DEFAULTS.minShare;
  const nodesOf = crosswalk(kb, options.scheme);
  const primaryOf = (node: string) => kb.path(node)[0]!.iri;

  const words = new Map<string, WordCounts>();
  const primaryDocs = new Map<string, number>();
  const unmapped = new Set<string>();
  let total = 0,
    labelled = 0;
  const buffer = new TokenBuffer();
  // Surface words are grouped under one lemma (WordNet's, where it has the word) before counting,
  // so "hated" and "hates" add up to "hate" and a document counts once per lemma.
  const lemmaCache = new Map<string, string | null>();
  const lemmaKey = (word: string): string | null => {
    let key = lemmaCache.get(word);
    if (key === undefined) {
      const { lemma, pos } = lemmaOf(wn, word);
      key = options.isKnown?.(word) || options.isKnown?.(lemma) ? null : `${lemma}|${pos ?? ''}`;
      lemmaCache.set(word, key);
    }
    return key;
  };
  const surfaces = new Map<string, Set<string>>();
  for (const doc of documents) {
    total++;
    const nodes = new Set<string>();
    for (const label of doc.labels) {
      const mapped = nodesOf.get(label);
      if (mapped) for (const n of mapped) nodes.add(n);
      else unmapped.add(label);
    }
    const primaries = new Set([...nodes].map(primaryOf));
    if (primaries.size) labelled++;
    for (const p of primaries) primaryDocs.set(p, (primaryDocs.get(p) ?? 0) + 1);
    const keys = new Set<string>();
    if (options.phrases) {
      for (const [phrase, surface] of situationPhrases(doc.text, buffer, {
        wn,
        isKnown: options.isKnown,
        namesEmotion: options.namesEmotion,
        isKnownPhrase: options.isKnownPhrase,
        stopwords: STOPWORDS,
      })) {
        const key = `${phrase}|verb`;
        keys.add(key);
        (surfaces.get(key) ?? surfaces.set(key, new Set()).get(key)!).add(surface);
      }
    }
    for (const word of options.phrases ? [] : documentWords(doc.text, buffer)) {
      const key = lemmaKey(word);
      if (key === null) continue;
      keys.add(key);
      (surfaces.get(key) ?? surfaces.set(key, new Set()).get(key)!).add(word);
    }
    for (const key of keys) {
      let counts = words.get(key);
      if (!counts) words.set(key, (counts = { documents: 0, byPrimary: new Map(), byNode: new Map() }));
      counts.documents++;
      for (const p of primaries) counts.byPrimary.set(p, (counts.byPrimary.get(p) ?? 0) + 1);
      for (const n of nodes) counts.byNode.set(n, (counts.byNode.get(n) ?? 0) + 1);
    }
  }
  if (labelled === 0) {
    const seen = [...unmapped].slice(0, 10);
    const hint = seen.length && seen.every((l) => /^\d+$/.test(l)) ? '; the labels are numbers: give their names with --label-names' : '';
    throw new EmokbError(
      'BAD_INPUT',
      `no document label maps to Parrott through the "${options.scheme}" crosswalk (labels seen: ${seen.join(', ') || 'none'})${hint}`,
    );
  }

  const candidates: Candidate[] = [];
  for (const [key, counts] of words) {
    const bar = key.lastIndexOf('|');
    const lemma = key.slice(0, bar);
    const pos = (key.slice(bar + 1) || undefined) as PartOfSpeech | undefined;
    const surface = [...surfaces.get(key)!];
    let best: { primary: string; lift: number; docs: number } | undefined;
    for (const [primary, docs] of counts.byPrimary) {
      const lift = docs / counts.documents / ((primaryDocs.get(primary) ?? 0) / total);
      if (!best || lift > best.lift) best = { primary, lift, docs };
    }
    if (!best || best.docs < minDocuments || best.lift < minLift || best.docs / counts.documents < minShare) continue;
    // The most specific mapped node under the primary that holds most of the word's documents.
    let node = best.primary,
      nodeDocs = 0;
    for (const [n, docs] of counts.byNode) {
      if (n !== best.primary && primaryOf(n) === best.primary && docs > nodeDocs) ((node = n), (nodeDocs = docs));
    }
    if (nodeDocs < 0.6 * best.docs) node = best.primary;
    const weight = round(Math.min(1, Math.max(0.2, Math.log2(best.lift) / 3)), 2);
    const evidence = `${options.source}: ${best.docs} of ${counts.documents} documents carry ${kb.emotion(best.primary)!.label} (lift ${best.lift.toFixed(2)})`;
    candidates.push({
      lemma,
      pos,
      synset: '',
      rejected: null,
      ambiguity: null,
      senses: [
        {
          emotion: node,
          weight,
          score: weight,
          kind: 'evokes',
          method: options.phrases ? 'corpus-phrase' : 'corpus',
          path: `${options.phrases ? 'corpus-phrase' : 'corpus'}:${options.source}`,
          evidence: [evidence, `surface forms: ${surface.sort().slice(0, 8).join(', ')}`],
        },
      ],
    });
  }
  candidates.sort((a, b) => (a.lemma < b.lemma ? -1 : a.lemma > b.lemma ? 1 : 0));
  return { candidates, documents: total, labelled, unmappedLabels: [...unmapped].sort() };
}

/** Corpus label -> the Parrott nodes (IRIs) mapped to it through the snapshot's crosswalks. */
export function crosswalk(kb: KnowledgeBase, scheme: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of kb.mappings(scheme)) (out.get(m.notation) ?? out.set(m.notation, new Set()).get(m.notation)!).add(m.emotion);
  if (!out.size) throw new EmokbError('BAD_INPUT', `--scheme: no crosswalk mappings for "${scheme}" in the knowledge base`);
  return out;
}

/** The distinct candidate words of one document: letters only, not stop words, 3+ characters. */
function documentWords(text: string, buffer: TokenBuffer): Set<string> {
  tokenizeInto(text, buffer, false);
  const out = new Set<string>();
  for (let t = 0; t < buffer.count; t++) {
    if (buffer.kind[t] !== WORD) continue;
    const word = buffer.word(t);
    if (word.length < 3 || !/^[a-z][a-z']*[a-z]$/.test(word) || STOPWORDS.has(word)) continue;
    out.add(word);
  }
  return out;
}

const WN_ORDER: readonly WnPos[] = ['a', 'v', 'n', 'r'];
/** Inflected parts of speech, tried in this order: "angered" is a verb form before anything else. */
const INFLECTED: ReadonlyArray<readonly [WnPos, (word: string) => string]> = [
  ['v', (w) => lemmatizer.verb(w)],
  ['a', (w) => lemmatizer.adjective(w)],
  ['n', (w) => lemmatizer.noun(w)],
];

/**
 * WordNet's lemma for a surface word: the word itself in its most used part of speech when WordNet
 * has it, else the first inflection (verb, adjective, noun) whose lemma WordNet has in that part
 * of speech, else the word alone with no part of speech (slang, interjections).
 */
function lemmaOf(wn: WordNet, word: string): { lemma: string; pos: PartOfSpeech | undefined } {
  let best: { pos: WnPos; uses: number } | undefined;
  for (const pos of WN_ORDER) {
    const senses = wn.senseCounts(word, pos);
    if (!senses.length) continue;
    const uses = senses.reduce((a, s) => a + s.count + 1, 0);
    if (!best || uses > best.uses) best = { pos, uses };
  }
  if (best) return { lemma: word, pos: POS_NAME[best.pos] };
  for (const [pos, lemmatise] of INFLECTED) {
    const lemma = lemmatise(word);
    if (lemma !== word && wn.lookup(lemma, pos).length) return { lemma, pos: POS_NAME[pos] };
  }
  return { lemma: word, pos: undefined };
}

/**
 * One of N interleaved parts of a corpus: line L belongs to part I when (L - 1) mod N = I - 1, so
 * `1/2` is the odd lines and `2/2` the even ones. It lets one labelled file serve both as a
 * candidate source and as held-out evaluation data (`npm run eval` scores XED's part 2/2 only).
 */
export interface CorpusPart {
  index: number;
  of: number;
}

export function parsePart(value: string, flag = '--part'): CorpusPart {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = m ? Number(m[1]) : NaN,
    of = m ? Number(m[2]) : NaN;
  if (!m || !Number.isSafeInteger(of) || of < 1 || index < 1 || index > of) {
    throw new EmokbError('BAD_INPUT', `${flag}: "${value}" is not a part I/N with 1 <= I <= N (e.g. 1/2: the odd lines)`, { option: flag });
  }
  return { index, of };
}

export function inPart(lineNumber: number, part: CorpusPart | undefined): boolean {
  return !part || (lineNumber - 1) % part.of === part.index - 1;
}

/**
 * Label names for corpora whose labels are numbers: one name a line, line n having id n - 1
 * (GoEmotions' labels.txt; a blank line is refused except at the end), or `ID<TAB>NAME` lines for
 * ids that do not start at 0 (XED's 1 = anger ... 8 = trust).
 */
export function parseLabelNames(content: string, file: string): Map<string, string> {
  const names = new Map<string, string>();
  const lines = content
    .split(/\r?\n/)
    .map((text, i) => ({ text: text.trim(), at: i + 1 }))
    .filter((l) => l.text);
  if (!lines.length) throw new EmokbError('BAD_INPUT', `${file}: no label names`, { file });
  const explicit = lines.some((l) => l.text.includes('\t'));
  // One name a line: a blank line inside would shift every later id by one without a word.
  if (!explicit && lines.length && lines[lines.length - 1]!.at !== lines.length) {
    const gap = lines.findIndex((l, i) => l.at !== i + 1);
    throw new EmokbError('BAD_INPUT', `${file}:${lines[gap]!.at - 1}: a blank line among names (each line's position is its id)`, {
      file,
      line: lines[gap]!.at - 1,
    });
  }
  lines.forEach(({ text, at }, i) => {
    if (!explicit) return void names.set(String(i), text);
    const [id, name, ...rest] = text.split('\t').map((c) => c.trim());
    if (!id || !/^\d+$/.test(id) || !Number.isSafeInteger(Number(id)) || !name || rest.length || names.has(String(Number(id)))) {
      throw new EmokbError(
        'BAD_INPUT',
        `${file}:${at}: "${text}": expected one NAME a line, or ID<TAB>NAME lines with distinct whole-number ids`,
        { file, line: at },
      );
    }
    names.set(String(Number(id)), name);
  });
  return names;
}

/**
 * Parses a labelled corpus: JSON Lines (`{"text": ..., "labels": [...]}`, files named *.jsonl or
 * *.ndjson) or tab-separated lines (`text<TAB>label,label[<TAB>anything]`, any other name). With
 * `labelNames`, labels are ids into it (`parseLabelNames`); with `part`, only that part's lines are
 * read. A malformed line is a BAD_INPUT error naming the file and line.
 */
export function parseLabelledCorpus(
  content: string,
  file: string,
  labelNames?: ReadonlyMap<string, string>,
  part?: CorpusPart,
): LabelledDocument[] {
  const out: LabelledDocument[] = [];
  const lines = content.split(/\r?\n/);
  const json = /\.(jsonl|ndjson)$/i.test(file);
  lines.forEach((line, i) => {
    if (!line.trim() || !inPart(i + 1, part)) return;
    const at = `${file}:${i + 1}`;
    let text: unknown, labels: unknown;
    if (json) {
      try {
        ({ text, labels } = JSON.parse(line) as { text?: unknown; labels?: unknown });
      } catch (error) {
        throw new EmokbError('BAD_INPUT', `${at}: not valid JSON (${(error as Error).message})`, { file, line: i + 1 });
      }
      if (typeof text !== 'string' || !Array.isArray(labels) || !labels.every((l) => typeof l === 'string' || typeof l === 'number')) {
        throw new EmokbError('BAD_INPUT', `${at}: expected {"text": string, "labels": [string...]}`, { file, line: i + 1 });
      }
      labels = labels.map(String);
    } else {
      const cells = line.split('\t');
      if (cells.length < 2) throw new EmokbError('BAD_INPUT', `${at}: expected text<TAB>labels`, { file, line: i + 1 });
      text = cells[0];
      labels = cells[1]!
        .split(',')
        .map((l) => l.trim())
        .filter(Boolean);
    }
    const names = (labels as string[]).map((label) => {
      if (!labelNames) return label;
      const name = /^\d+$/.test(label) ? labelNames.get(String(Number(label))) : undefined;
      if (name === undefined)
        throw new EmokbError(
          'BAD_INPUT',
          `${at}: label "${label}" is not one of the ${labelNames.size} label ids (${[...labelNames.keys()].join(', ')})`,
          { file, line: i + 1 },
        );
      return name;
    });
    out.push({ text: text as string, labels: names, at });
  });
  return out;
}
