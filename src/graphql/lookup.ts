// `lookup(text)`: which emotions a word or phrase evokes, and why. The text goes through the same
// tokenizer, lexicon index and matcher as `classify` (so "angrier", "heart broken" and "fed up"
// are found exactly as the tagger finds them), with the context-dependent adjustments switched off
// (no negation, intensity or emphasis; evoking senses at full weight): a look-up reports what the
// lexicon says about the words, not what a sentence does to them.
import type { Emotion } from '../kb/Emotion.js';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import { LexiconIndex } from '../lexicon/LexiconIndex.js';
import { keyOf } from '../lexicon/keys.js';
import type { LexiconEntry } from '../lexicon/types.js';
import { prepareOptions } from '../tagger/options.js';
import { Tagger } from '../tagger/Tagger.js';
import { badUserInput } from './errors.js';
import { termCatalog, type TermView } from './terms.js';

/** Longest text `lookup` takes: it is for words and phrases; `classify` is for texts. */
export const LOOKUP_MAX_TEXT = 1000;

const NEUTRAL = prepareOptions({ negation: 'off', intensity: false, emphasis: false, evokesFactor: 1, matches: true });

const normalised = (text: string) => text.normalize('NFKC').trim().toLowerCase();

export interface EvokedSense {
  emotion: Emotion;
  weight: number;
  kind: 'NAMES' | 'EVOKES';
  why: string;
}

export interface LexiconMatchView {
  text: string;
  start: number;
  end: number;
  via: 'FORM' | 'LEMMA' | 'DERIVATION';
  lemma: string;
  source: 'LEXICON' | 'LABEL';
  term: TermView | null;
  senses: EvokedSense[];
  why: string;
}

export interface EvokedEmotionView {
  emotion: Emotion;
  weight: number;
  kind: 'NAMES' | 'EVOKES';
  matches: string[];
}

export interface LookupView {
  text: string;
  key: string;
  whole: boolean;
  matches: LexiconMatchView[];
  emotions: EvokedEmotionView[];
}

export function lookup(kb: KnowledgeBase, text: string): LookupView {
  if (text.length > LOOKUP_MAX_TEXT)
    throw badUserInput('text', `${text.length} characters exceeds the limit of ${LOOKUP_MAX_TEXT} for a look-up; use classify for texts`);
  const index = LexiconIndex.for(kb);
  const result = Tagger.for(kb).tag(text, NEUTRAL);
  // The tagger reports one match per sense; group them back into one match per span.
  const spans = new Map<string, { text: string; start: number; end: number; lemma: string; via: 'form' | 'lemma' | 'derivation' }>();
  for (const m of result.matches ?? [])
    spans.set(`${m.start}:${m.end}`, { text: m.text, start: m.start, end: m.end, lemma: m.lemma, via: m.via });
  const matches: LexiconMatchView[] = [];
  for (const span of spans.values()) {
    const key = keyOf(span.lemma);
    const entryIndex = index.single(key) ?? index.multi(key);
    const entry: LexiconEntry | undefined = entryIndex === undefined ? undefined : index.entries[entryIndex];
    if (!entry) continue;
    const term = entry.source === 'lexicon' ? termFor(kb, entry, index) : null;
    const what = entry.source === 'label' ? `the emotion label "${entry.lemma}"` : `the term "${entry.lemma}"`;
    const reached =
      span.via === 'form'
        ? normalised(span.text) === normalised(entry.lemma)
          ? `"${span.text}" is ${what}`
          : `"${span.text}" is a written form of ${what}`
        : span.via === 'lemma'
          ? `"${span.text}" is an inflection of ${what}`
          : `"${span.text}" is derived from ${what}`;
    const senses = entry.senses.map((s): EvokedSense => {
      const emotion = kb.emotion(index.emotions[s.emotion]!.iri)!;
      const kind = s.kind === 'names' ? 'NAMES' : 'EVOKES';
      const path = kb
        .path(emotion.iri)
        .map((e) => e.label)
        .join(' > ');
      return {
        emotion,
        weight: s.weight,
        kind,
        why: `${reached}, which ${s.kind === 'names' ? 'names' : 'evokes'} ${emotion.label} (${emotion.id}: ${path}) with weight ${s.weight}`,
      };
    });
    matches.push({
      ...span,
      via: span.via.toUpperCase() as LexiconMatchView['via'],
      source: entry.source === 'label' ? 'LABEL' : 'LEXICON',
      term,
      senses,
      why: reached,
    });
  }
  matches.sort((a, b) => a.start - b.start);
  // Every emotion evoked, with its strongest sense; naming beats evoking at equal weight.
  const emotions = new Map<string, EvokedEmotionView>();
  for (const m of matches) {
    for (const s of m.senses) {
      const seen = emotions.get(s.emotion.iri);
      if (!seen) emotions.set(s.emotion.iri, { emotion: s.emotion, weight: s.weight, kind: s.kind, matches: [m.text] });
      else {
        if (s.weight > seen.weight || (s.weight === seen.weight && s.kind === 'NAMES'))
          Object.assign(seen, { weight: s.weight, kind: s.kind });
        if (!seen.matches.includes(m.text)) seen.matches.push(m.text);
      }
    }
  }
  const trimmed = text.trim();
  const whole = matches.length === 1 && text.slice(matches[0]!.start, matches[0]!.end) === trimmed;
  return {
    text,
    key: keyOf(text),
    whole,
    matches,
    emotions: [...emotions.values()].sort((a, b) => b.weight - a.weight || a.emotion.label.localeCompare(b.emotion.label)),
  };
}

/** The accepted catalog entry the index compiled this entry from (same lemma, same senses). */
function termFor(kb: KnowledgeBase, entry: LexiconEntry, index: LexiconIndex): TermView | null {
  const candidates = termCatalog(kb).byLemma.get(entry.lemma.toLowerCase()) ?? [];
  const emotions = new Set(entry.senses.map((s) => index.emotions[s.emotion]!.iri));
  return candidates.find((t) => t.status === 'accepted' && t.senses.some((s) => emotions.has(s.emotion))) ?? candidates[0] ?? null;
}
