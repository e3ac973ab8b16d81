// The compiler from RDF to the compiled term index the tagger reads (LexiconData, types.ts): every accepted lexical entry's written forms (canonical
// and other forms, with hyphen and apostrophe variants) mapped to its senses, plus the emotion
// labels themselves as seed terms, plus the hierarchy as index arrays. Built once per snapshot
// (cached on it), from one pass over the snapshot's quads; after that a look-up is a Map#get and
// nothing on the hot path touches RDF. The compiled form is plain data (`LexiconData`), so worker
// threads receive it by structured clone instead of rebuilding the knowledge base.
//
// Decisions:
// - Only entries with emo:status emo:Accepted count; a sense with a status of its own counts only
//   when that status is Accepted. Only forms in English (or without a language tag).
// - Labels as seeds: each skos:prefLabel names its emotion with weight 1. A label shared along one
//   line of descent (rage > rage, sadness > sadness > sadness) goes to the MOST SPECIFIC node: the
//   roll-up then credits every broader namesake too, while mapping to the broadest would leave the
//   narrower tiers empty. A label shared by unrelated nodes (none today) names all of them.
// - The curated lexicon wins over a seed: a key that an accepted entry has is not seeded.
// - Keys are the forms cut by the tagger's own tokenizer and joined by one space, so text and
//   lexicon are normalised the same way ("Heart-Broken" and "heart-broken" meet; "heartbroken"
//   and "heart broken" are added as variants of a hyphenated form, "dont" of "don't").
// - Non-emotional expressions (emo:NonEmotional: "best friend", "make sure", "pass the exam"; see
//   src/kb/nonEmotional.ts) are entries with no sense, keyed first, so that their key wins over an
//   emotion entry's equal key, and by the tagger's longest-match rule their span wins over the
//   emotion word inside it: the match they make emits nothing. Inflections come from the tagger as
//   for every multiword key ("best friends", "passed the exam"); an inner modifier the key does not
//   have breaks it ("my very best friend" still blocks: the key starts at "best").
import type { Quad } from '@rdfjs/types';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import { ENTRY_CLASS_SOURCE, SENTENCE_MARKS } from '../kb/entryClass.js';
import { EMO, LEXINFO, ONTOLEX, RDF, SKOS } from '../rdf/namespaces.js';
import { TOKENIZER_SOURCES, TokenBuffer } from '../text/tokenize.js';
import { KEYS_SOURCE, keyOf, keyVariants } from './keys.js';
import { compileCrosswalks, CROSSWALKS_SOURCE } from './crosswalks.js';
import type { LexiconData, LexiconEmotion, LexiconEntry, LexiconSense, PartOfSpeech } from './types.js';
import { POS_INDEX, WORD_CLASSES_SOURCE, WordClasses } from './wordClasses.js';
import { SLOTS_SOURCE, openSlots } from './slots.js';

const INTERJECTION = `${LEXINFO.base}interjection`;

/** The sources the compiled data depends on: the compiled-lexicon cache is stale when one changes. */
export const COMPILER_SOURCES: readonly string[] = [
  import.meta.url,
  CROSSWALKS_SOURCE,
  KEYS_SOURCE,
  WORD_CLASSES_SOURCE,
  SLOTS_SOURCE,
  ENTRY_CLASS_SOURCE,
  ...TOKENIZER_SOURCES,
];

/** Compiles a snapshot into `LexiconData`: one pass over the quads, then the joins. */
export function compileLexicon(kb: KnowledgeBase): LexiconData {
  const emotionList = kb.emotions();
  const indexOf = new Map(emotionList.map((e, i) => [e.iri, i] as const));
  const opposites = new Map<string, Set<string>>();
  const entryStatus = new Map<string, string>();
  const canonical = new Map<string, string>();
  const otherForms = new Map<string, string[]>();
  const writtenRep = new Map<string, string>();
  const entrySenses = new Map<string, string[]>();
  const senseReference = new Map<string, string>();
  const senseWeight = new Map<string, number>();
  const senseKind = new Map<string, string>();
  const senseStatus = new Map<string, string>();
  const nonEmotional = new Set<string>();
  const partOfSpeech = new Map<string, string>();
  const interjections = new Set<string>();
  const slotWord = new Map<string, string>();
  const slotFillers = new Map<string, string[]>();
  const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => (map.get(key) ?? (map.set(key, []), map.get(key)!)).push(value);

  for (const q of kb.quads as readonly Quad[]) {
    const s = q.subject.value,
      p = q.predicate.value,
      o = q.object;
    switch (p) {
      case EMO.isOppositeOf.value: {
        const set = opposites.get(s) ?? (opposites.set(s, new Set()), opposites.get(s)!);
        set.add(o.value);
        break;
      }
      case EMO.status.value:
        entryStatus.set(s, o.value);
        senseStatus.set(s, o.value);
        break;
      case ONTOLEX.canonicalForm.value:
        canonical.set(s, o.value);
        break;
      case ONTOLEX.otherForm.value:
        push(otherForms, s, o.value);
        break;
      case ONTOLEX.writtenRep.value:
        if (o.termType === 'Literal' && (!o.language || o.language === 'en' || o.language.startsWith('en-'))) writtenRep.set(s, o.value);
        break;
      case ONTOLEX.sense.value:
        push(entrySenses, s, o.value);
        break;
      case ONTOLEX.reference.value:
        senseReference.set(s, o.value);
        break;
      case EMO.weight.value:
        senseWeight.set(s, Number(o.value));
        break;
      case EMO.senseKind.value:
        senseKind.set(s, o.value);
        break;
      case RDF.type.value:
        if (o.value === EMO.NonEmotional.value) nonEmotional.add(s);
        break;
      case EMO.slotWord.value:
        slotWord.set(s, o.value);
        break;
      case EMO.slotFiller.value:
        push(slotFillers, s, o.value);
        break;
      case LEXINFO.partOfSpeech.value:
        // Only a reviewed part of speech (the one of the IRI) asks for a check; kb/entryClass.ts's defaults do not.
        if (s.endsWith(`-${o.value.slice(LEXINFO.base.length)}`)) partOfSpeech.set(s, o.value.slice(LEXINFO.base.length));
        // An interjection (a fixed exclamation or formula: "RIP", "get lost", "help me") has one form.
        if (o.value === INTERJECTION) interjections.add(s);
        break;
      default:
        if (p === SKOS.prefLabel.value) break;
    }
  }

  const emotions: LexiconEmotion[] = emotionList.map((e) => ({
    iri: e.iri,
    id: e.id,
    label: e.label,
    tier: e.tier,
    parent: e.parent ? (indexOf.get(e.parent) ?? -1) : -1,
    opposites: [...(opposites.get(e.iri) ?? [])]
      .map((o) => indexOf.get(o))
      .filter((i): i is number => i !== undefined)
      .sort((a, b) => a - b),
  }));

  const entries: LexiconEntry[] = [];
  const keys = new Map<string, number>();
  const marks = new Map<string, number>();
  const buffer = new TokenBuffer();
  const addKey = (key: string, entry: number) => {
    if (key && !keys.has(key)) keys.set(key, entry);
  };
  // Slot word (as a key) -> its fillers (as keys), in a fixed order so that every build is the same.
  const slots = new Map<string, string[]>();
  for (const [slot, word] of [...slotWord].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const fillers = (slotFillers.get(slot) ?? []).map((f) => keyOf(f, buffer)).filter(Boolean);
    const key = keyOf(word, buffer);
    if (key && fillers.length && !slots.has(key)) slots.set(key, [...new Set(fillers)].sort());
  }
  const slotQueue: Array<[string, number]> = [];
  const addForm = (form: string, entry: number, variants: string[]) => {
    const key = keyOf(form, buffer);
    if (!key) return;
    addKey(key, entry);
    // "bite one's tongue" also as "bite my tongue", "bite his tongue", ...: after the form itself,
    // so a filled key never takes the place of another entry's written form that is the same.
    for (const filled of openSlots(key, slots)) slotQueue.push([filled, entry]);
    for (const word of key.split(' ')) if (word.includes('-') || word.includes("'")) variants.push(key);
  };

  const variantQueue: Array<[string, number]> = [];
  // Non-emotional expressions first (their keys win), accepted ones only, in IRI order.
  let blockers = 0;
  for (const entry of [...nonEmotional].sort()) {
    const lemma = entryStatus.get(entry) === EMO.Accepted.value ? writtenRep.get(canonical.get(entry) ?? '') : undefined;
    if (!lemma) continue;
    const index = entries.push({ lemma, senses: [], source: 'blocker' }) - 1;
    blockers++;
    const variants: string[] = [];
    addForm(lemma, index, variants);
    for (const key of variants) variantQueue.push([key, index]);
  }

  // Accepted entries, in IRI order so that a key two entries share goes to the same one every build.
  let lexiconEntries = 0;
  for (const entry of [...canonical.keys()].sort()) {
    if (entryStatus.get(entry) !== EMO.Accepted.value || nonEmotional.has(entry)) continue;
    const lemma = writtenRep.get(canonical.get(entry)!);
    if (!lemma) continue;
    const senses: LexiconSense[] = [];
    for (const sense of entrySenses.get(entry) ?? []) {
      const status = senseStatus.get(sense);
      if (status && status !== EMO.Accepted.value) continue;
      const emotion = indexOf.get(senseReference.get(sense) ?? '');
      const weight = senseWeight.get(sense) ?? 1;
      if (emotion === undefined || !(weight > 0)) continue;
      senses.push({ emotion, weight: Math.min(1, weight), kind: senseKind.get(sense) === EMO.Evokes.value ? 'evokes' : 'names' });
    }
    if (!senses.length) continue;
    senses.sort((a, b) => b.weight - a.weight || a.emotion - b.emotion);
    const pos = partOfSpeech.get(entry);
    const compiled: LexiconEntry =
      pos !== undefined && pos in POS_INDEX
        ? { lemma, senses, source: 'lexicon', pos: pos as PartOfSpeech }
        : { lemma, senses, source: 'lexicon' };
    // Its inflected forms are other words: "ripped" is no "RIP", "got lost" no "Get lost!", "helped
    // me" no plea "Help me!" (LexiconIndex matches an invariable entry only as written).
    if (interjections.has(entry)) compiled.invariable = true;
    const index = entries.push(compiled) - 1;
    lexiconEntries++;
    if (SENTENCE_MARKS.includes(lemma.trim())) {
      if (!marks.has(lemma.trim())) marks.set(lemma.trim(), index);
      continue;
    }
    const variants: string[] = [];
    addForm(lemma, index, variants);
    for (const form of otherForms.get(entry) ?? []) {
      const rep = writtenRep.get(form);
      if (rep) addForm(rep, index, variants);
    }
    for (const key of variants) variantQueue.push([key, index]);
  }
  // Filled slots and variants after all real forms, so neither shadows another entry's written form.
  for (const [key, index] of slotQueue) addKey(key, index);
  for (const [key, index] of variantQueue) {
    for (const variant of keyVariants(key)) addKey(variant, index);
  }

  markPosChecks(entries);

  // Labels as seeds, most specific namesake on a line of descent.
  let seedLabels = 0;
  const byLabel = new Map<string, number[]>();
  emotions.forEach((e, i) => push(byLabel, keyOf(e.label, buffer), i));
  for (const [key, members] of [...byLabel].sort(([a], [b]) => a.localeCompare(b))) {
    if (!key || keys.has(key)) continue;
    const depth = (i: number) => {
      let d = 0;
      for (let e = emotions[i]!.parent; e >= 0 && d < 16; e = emotions[e]!.parent) d++;
      return d;
    };
    const isAncestor = (a: number, b: number) => {
      for (let e = emotions[b]!.parent; e >= 0; e = emotions[e]!.parent) if (e === a) return true;
      return false;
    };
    const ordered = [...members].sort((a, b) => depth(b) - depth(a));
    const deepest = ordered[0]!;
    const oneLine = ordered.slice(1).every((m) => isAncestor(m, deepest));
    const targets = oneLine ? [deepest] : members;
    const index =
      entries.push({
        lemma: emotions[deepest]!.label,
        senses: targets.map((emotion) => ({ emotion, weight: 1, kind: 'names' as const })),
        source: 'label',
      }) - 1;
    addKey(key, index);
    seedLabels++;
  }

  const keyList = [...keys].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    version: kb.version,
    emotions,
    entries,
    keys: keyList,
    marks: [...marks].sort(([a], [b]) => SENTENCE_MARKS.indexOf(a) - SENTENCE_MARKS.indexOf(b)),
    schemes: compileCrosswalks(kb, indexOf),
    stats: { lexiconEntries, seedLabels, blockers, keys: keyList.length, multiword: keyList.filter(([k]) => k.includes(' ')).length },
  };
}

/**
 * Marks `posCheck` on the entries whose lemma is, in at least OTHER_POS_SHARE (30%) of its uses in
 * SemCor (WordNet's tag counts, wordClasses.ts; at least MIN_USES of them), a part of speech that
 * no entry of that lemma has and that changes what the word means (AGAINST): the noun "wonder"
 * (101 of 114 uses are the verb), the adjective "content" (all 33 are the noun or the verb), the
 * noun "fit", the adjective "cross". Only a match of such an entry is worth the part-of-speech
 * tagger. Not counted: a verb entry's noun uses ("a cry", "the pain", "a hug": conversion keeps the
 * event and its emotion) and an adjective's adverb uses ("damn good", "an awful lot": degree words,
 * the intensity rules' concern). "love" (noun and verb entries) and "happy" (only ever an
 * adjective) never ask the tagger.
 */
function markPosChecks(entries: LexiconEntry[]): void {
  const covered = new Map<string, number>();
  for (const e of entries)
    if (e.pos) covered.set(e.lemma.toLowerCase(), (covered.get(e.lemma.toLowerCase()) ?? 0) | (1 << POS_INDEX[e.pos]!));
  if (!covered.size) return;
  const wordNet = WordClasses.load();
  for (const e of entries) {
    if (!e.pos) continue;
    const lemma = e.lemma.toLowerCase();
    if (lemma.indexOf(' ') >= 0) continue;
    const counts = wordNet.counts(lemma);
    const against = AGAINST[e.pos] & ~covered.get(lemma)!;
    const total = counts[0] + counts[1] + counts[2] + counts[3];
    const other = counts.reduce((n, c, i) => (against & (1 << i) ? n + c : n), 0);
    if (total >= MIN_USES && other >= OTHER_POS_SHARE * total) e.posCheck = true;
  }
}

/** Per part of speech of an entry: the parts of speech (bits of POS_INDEX) whose reading blocks it. */
const AGAINST: Readonly<Record<PartOfSpeech, number>> = { noun: 0b1110, verb: 0b1100, adjective: 0b0011, adverb: 0 };
/** Share of a word's uses in a blocking part of speech from which its part of speech is worth tagging. */
const OTHER_POS_SHARE = 0.3;
/** Fewer tagged uses in SemCor say nothing about a word. */
const MIN_USES = 5;
