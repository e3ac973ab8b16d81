// The words each emotion goes by, for the linkers: its label, the lemmas of the WordNet senses
// the expansion pipeline picks for it (chooseSeeds: a Lesk step against our definition), and the
// accepted names in the lexicon. Also finds emotion words in running text (definitions, glosses),
// with the adjectives WordNet derives from those senses (angry -> anger), so that a gloss such as
// "intense hatred mixed with disgust" is read as naming hate and disgust.
import type { Emotion } from '../kb/Emotion.js';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import { lexicalEntries } from '../kb/lexicalEntries.js';
import { Emotionality, definitionOf } from '../wordnet/emotional.js';
import { chooseSeeds } from '../wordnet/seeds.js';
import type { Synset, WordNet } from '../wordnet/wordnet.js';

export interface TermSource {
  emotion: string;
  term: string;
  /** 1 for the label, 0.8 for a lemma of a chosen WordNet sense, the sense weight for a lexicon name. */
  strength: number;
  /** `label`, `wordnet:<synset>` or `lexicon`. */
  via: string;
}

export interface Mention {
  /** The word as it is indexed (lowercase lemma). */
  word: string;
  /** The text as written. */
  text: string;
  /** Token position. */
  at: number;
  /** Character offsets. */
  start: number;
  end: number;
  negated: boolean;
  sources: TermSource[];
}

/** Words that keep an emotion term from naming the feeler's emotion ("free from worry", "lacking hope"). */
const NEGATORS = new Set(['no', 'not', 'without', 'lacking', 'lack', 'free', 'devoid', 'absence', 'absent', 'never', 'easing', 'relief']);
/** Emotion words too general, or too physical, to count as naming an emotion in a gloss. */
const LABEL_STOP = new Set([
  'feeling',
  'feelings',
  'emotion',
  'emotions',
  'heart',
  'pain',
  'love',
  'loved',
  'despite',
  'caring',
  'passion',
  'attraction',
  'arousal',
]);
/** Lemmas of chosen senses too general, or too physical, to count as naming that emotion in a gloss. */
const TEXT_STOP = new Set([
  'despite',
  'feeling',
  'feelings',
  'emotion',
  'emotions',
  'heart',
  'pain',
  'passion',
  'desire',
  'interest',
  'concern',
  'care',
  'caring',
  'attraction',
  'arousal',
  'pleasure',
  'warmness',
  'temper',
  'madness',
  'lightness',
  'transport',
  'fancy',
  'stress',
  'trouble',
  'torture',
  'hurt',
  'suffering',
  'neglect',
  'isolation',
  'rejection',
  'defeat',
  'insult',
  'shock',
  'alarm',
  'triumph',
  'depression',
  'agitation',
  'relief',
  'loved',
  'love',
]);

export class EmotionTerms {
  readonly kb: KnowledgeBase;
  readonly wn: WordNet;
  readonly emotionality: Emotionality;
  readonly #seeds = new Map<string, readonly Synset[]>();
  readonly #terms = new Map<string, Map<string, TermSource>>();
  readonly #byWord = new Map<string, TermSource[]>();
  /** Mention index for text: word -> sources (labels and chosen-sense lemmas, plus their adjectives). */
  readonly #textWords = new Map<string, TermSource[]>();

  constructor(kb: KnowledgeBase, wn: WordNet, emotionality = new Emotionality(wn)) {
    this.kb = kb;
    this.wn = wn;
    this.emotionality = emotionality;
    const lexicon = new Map<string, TermSource[]>();
    for (const entry of lexicalEntries(kb).values()) {
      if (entry.status !== 'accepted') continue;
      for (const s of entry.senses) {
        if (s.kind !== 'names' || !s.emotion) continue;
        (lexicon.get(s.emotion) ?? (lexicon.set(s.emotion, []), lexicon.get(s.emotion)!)).push({
          emotion: s.emotion,
          term: entry.lemma.toLowerCase(),
          strength: Math.min(1, s.weight),
          via: 'lexicon',
        });
      }
    }
    for (const e of kb.emotions()) {
      const seeds = chooseSeeds(wn, this.emotionality, e).synsets;
      this.#seeds.set(e.iri, seeds);
      const terms = new Map<string, TermSource>();
      const add = (s: TermSource) => {
        const prior = terms.get(s.term);
        if (!prior || prior.strength < s.strength) terms.set(s.term, s);
      };
      add({ emotion: e.iri, term: e.label.toLowerCase(), strength: 1, via: 'label' });
      for (const s of seeds)
        for (const w of s.words) add({ emotion: e.iri, term: w.toLowerCase(), strength: 0.8, via: `wordnet:${s.name}` });
      for (const s of lexicon.get(e.iri) ?? []) add(s);
      this.#terms.set(e.iri, terms);
      for (const t of terms.values()) push(this.#byWord, t.term, t);
      for (const t of terms.values()) {
        if (t.via === 'lexicon' || (t.via === 'label' ? LABEL_STOP : TEXT_STOP).has(t.term)) continue;
        push(this.#textWords, t.term, t);
      }
      // Adjectives derived from the chosen senses' words: angry (anger), fearful (fear); and from
      // the label's other emotional senses (resentful: resentment.n.01, anxious: anxiety.n.02),
      // which definitions use as modifiers ("Anxious, resentful fear").
      const labelSenses = wn.lookup(e.label, 'n').filter((s) => !seeds.includes(s) && this.emotionality.score(s) >= 0.9);
      for (const s of [...seeds, ...labelSenses]) {
        for (const p of s.pointers) {
          if (p.symbol !== '+' || p.sourceWord === 0 || p.targetWord === 0) continue;
          const target = wn.synset(p.target);
          if (target.pos !== 'a') continue;
          const adj = target.words[p.targetWord - 1]!.toLowerCase();
          const noun = s.words[p.sourceWord - 1]!.toLowerCase();
          if (TEXT_STOP.has(noun) || TEXT_STOP.has(adj)) continue;
          push(this.#textWords, adj, { emotion: e.iri, term: adj, strength: 0.7, via: `wordnet:${s.name}+${target.name}` });
        }
      }
    }
  }

  seeds(emotion: string): readonly Synset[] {
    return this.#seeds.get(emotion) ?? [];
  }

  termsOf(emotion: string): ReadonlyMap<string, TermSource> {
    return this.#terms.get(emotion) ?? new Map();
  }

  /** Every emotion that has this word among its terms. */
  emotionsOf(word: string): readonly TermSource[] {
    return this.#byWord.get(word.toLowerCase()) ?? [];
  }

  /** The texts a linker reads for an emotion: our definition and the glosses of its chosen senses. */
  texts(e: Emotion): Array<{ text: string; source: string }> {
    return [
      { text: e.definition, source: `definition of ${e.id}` },
      ...this.seeds(e.iri).map((s) => ({ text: definitionOf(s.gloss), source: `WordNet gloss of ${s.name}` })),
    ];
  }

  /**
   * The texts the blend linker reads: those of texts(), and the glosses of the other emotional
   * noun senses of the emotion's label and chosen lemmas (resentment.n.01 "a feeling of deep and
   * bitter anger and ill-will" for resentment; gusto.n.01 for zest).
   */
  blendTexts(e: Emotion): Array<{ text: string; source: string }> {
    const out = this.texts(e);
    const seen = new Set(this.seeds(e.iri).map((s) => s.name));
    for (const t of this.termsOf(e.iri).values()) {
      if (t.via === 'lexicon') continue;
      for (const s of this.wn.lookup(t.term, 'n')) {
        if (seen.has(s.name) || this.emotionality.score(s) < 0.9) continue;
        seen.add(s.name);
        out.push({ text: definitionOf(s.gloss), source: `WordNet gloss of ${s.name} (a sense of "${t.term}")` });
      }
    }
    return out;
  }

  /** Emotion words in `text`, two-word terms first, with simple plurals folded ("hopes"). */
  mentions(text: string): Mention[] {
    const tokens: Array<{ word: string; start: number; end: number }> = [];
    for (const m of text.matchAll(/[A-Za-z][A-Za-z'-]*/g))
      tokens.push({ word: m[0].toLowerCase(), start: m.index!, end: m.index! + m[0].length });
    const out: Mention[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const two = i + 1 < tokens.length ? `${tokens[i]!.word} ${tokens[i + 1]!.word}` : '';
      let word = two && this.#textWords.has(two) ? two : tokens[i]!.word;
      let sources = this.#textWords.get(word);
      if (!sources && word.endsWith('s') && this.#textWords.has(word.slice(0, -1)))
        sources = this.#textWords.get((word = word.slice(0, -1)));
      if (!sources) sources = this.#viaAdjective(word);
      if (!sources) continue;
      const span = word.includes(' ') ? 2 : 1;
      const before = tokens.slice(Math.max(0, i - 3), i).map((t) => t.word);
      out.push({
        word,
        text: text.slice(tokens[i]!.start, tokens[i + span - 1]!.end),
        at: i,
        start: tokens[i]!.start,
        end: tokens[i + span - 1]!.end,
        negated: before.some((b) => NEGATORS.has(b)),
        sources,
      });
      i += span - 1;
    }
    return out;
  }

  readonly #adjectives = new Map<string, TermSource[] | undefined>();

  /**
   * An adjective no chosen sense derives ("resentful", "anxious" in "Anxious, resentful fear"):
   * the emotion nouns its WordNet senses derive from or pertain to, at a weaker strength.
   */
  #viaAdjective(word: string): TermSource[] | undefined {
    if (this.#adjectives.has(word)) return this.#adjectives.get(word);
    const found: TermSource[] = [];
    for (const synset of this.wn.lookup(word, 'a')) {
      for (const symbol of ['+', '\\']) {
        for (const { word: noun } of this.wn.related(synset, symbol, word)) {
          for (const t of (noun && this.#textWords.get(noun.toLowerCase())) || [])
            found.push({ ...t, strength: t.strength * 0.75, via: `${t.via} (from the adjective "${word}")` });
        }
      }
    }
    const out = found.length ? found : undefined;
    this.#adjectives.set(word, out);
    return out;
  }

  /**
   * The one node a mention in the text of `about` stands for: among the emotions the word names,
   * not `about` itself, not one of its ancestors or descendants, the strongest source, and among
   * namesakes the most specific node (the tertiary "sadness" rather than the family Sadness).
   */
  resolveMention(m: Mention, about: Emotion): Emotion | undefined {
    const excluded = new Set([
      about.iri,
      ...this.kb.ancestors(about.iri).map((e) => e.iri),
      ...this.kb.descendants(about.iri).map((e) => e.iri),
    ]);
    const rank = { tertiary: 0, secondary: 1, primary: 2 } as const;
    const options = m.sources
      .filter((s) => !excluded.has(s.emotion))
      .map((s) => ({ s, e: this.kb.emotion(s.emotion)! }))
      .filter((x) => x.e && x.e.label.toLowerCase() !== about.label.toLowerCase())
      .sort((a, b) => b.s.strength - a.s.strength || rank[a.e.tier] - rank[b.e.tier] || a.e.iri.localeCompare(b.e.iri));
    return options[0]?.e;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
