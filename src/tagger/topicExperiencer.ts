// Rule `topic-experiencer` (option topicExperiencer): an evoking topic noun ("corpse", "poison",
// "trap": a noun entry whose senses are all emo:Evokes; "funeral", "weapon", "accident" were until
// context-precision-8 rejected them) is kept only in a sentence that has an experiencer, someone
// who could feel what the topic calls up: a first or second person pronoun ("I saw the corpse",
// "you drank the poison") or a feeling verb ("it felt like a trap"). A topic named with no one in
// the sentence ("The corpse was found.", "Police found the poison.")
// reports a topic, not an emotion: appraisal theory wants an emotion to have someone whose concerns
// the event touches (Ortony, Clore & Collins 1988), and the blind audits found evoking senses right
// about 41% of the time against about 70% for naming ones (README, "Precision in context").
// Narrowed in session 9 (README, "Topic nouns and experiencers"): an exclamation voices the
// speaker's reaction ("It's a monster!"), and evoking nouns that are evaluations or speech acts
// ("fun", "nightmare", "loser", "congratulations") are no topics. Still off by default: on the
// judged audits it removes 18 wrong matches and 2 right, at -0.003 macro-F1 on GoEmotions dev and
// -0.005 on XED dev (bench/judged.mjs --on topic-experiencer; npm run eval).
import type { LexiconIndex } from '../lexicon/LexiconIndex.js';
import { WORD, hashWord, type TokenBuffer } from '../text/tokenize.js';

/** First and second person forms and feeling verbs: an experiencer in the sentence. */
const EXPERIENCER_WORDS: readonly string[] = [
  'i',
  'me',
  'my',
  'mine',
  'myself',
  "i'm",
  'im',
  "i've",
  'ive',
  "i'd",
  "i'll",
  'we',
  'us',
  'our',
  'ours',
  'ourselves',
  "we're",
  "we've",
  "we'd",
  "we'll",
  'you',
  'your',
  'yours',
  'yourself',
  'yourselves',
  "you're",
  'youre',
  "you've",
  "you'd",
  "you'll",
  'u',
  'ur',
  'ya',
  'feel',
  'feels',
  'felt',
  'feeling',
  'feelings',
];

/**
 * Evoking nouns that are evaluations, verdicts or speech acts rather than topics: said of something
 * ("a fun ride", "my favourite", "what a loser", "Congratulations!"), they carry the speaker's
 * attitude whoever is named, so the rule leaves them alone.
 */
const EVALUATIVE_NOUNS: readonly string[] = [
  'fun',
  'nightmare',
  'favorite',
  'favourite',
  'congratulations',
  'honey',
  'hottie',
  'eye candy',
  'turn-on',
  'loser',
  'winner',
  'champion',
  'victory',
  'accomplishment',
  'fault',
  'fiasco',
  'flop',
  'damp squib',
  'disaster',
  'tragedy',
  'comedy',
  'miracle',
  'happy ending',
  'glad tidings',
  'sad news',
  'slap in the face',
  'put-down',
  'diss',
  'bombshell',
  'bolt from the blue',
  'thunderbolt',
  'cliffhanger',
  'nail-biter',
  'page-turner',
  'tear-jerker',
  'tearjerker',
  'white-knuckle ride',
  'red flag',
  'apology',
  'failing',
  'bitter defeat',
  'crushing defeat',
  'humiliating defeat',
  'come-hither look',
];

export class TopicExperiencer {
  /** Per entry: 1 when it is an evoking topic noun. */
  readonly #topic: Uint8Array;
  readonly #experiencer: ReadonlySet<number> = new Set(EXPERIENCER_WORDS.map(hashWord));
  /** The last sentence asked about in the current text and its answer (-1: none yet). */
  #sentence = -1;
  #answer = false;

  constructor(index: LexiconIndex) {
    // Not the anger family: its evoking nouns are expressives ("what the hell", "this shite",
    // "ignore the morons"), the speaker's anger voiced with no pronoun (Potts 2007), right in the
    // judged audits more often than not; the rule dropped 12 right ones of 16 there.
    const anger = index.emotions.findIndex((e) => e.id === 'anger-primary');
    const evaluative = new Set(EVALUATIVE_NOUNS);
    this.#topic = Uint8Array.from(index.entries, (e) =>
      e.source === 'lexicon' &&
      e.pos === 'noun' &&
      e.senses.length > 0 &&
      e.senses.every((s) => s.kind === 'evokes' && index.paths[s.emotion]![0] !== anger) &&
      !evaluative.has(e.lemma)
        ? 1
        : 0,
    );
  }

  /** Forgets the last answer (a new text). */
  reset(): void {
    this.#sentence = -1;
  }

  /** Whether a match of `entry` in sentence `sentence` is dropped: a topic noun with no experiencer there. */
  drops(b: TokenBuffer, entry: number, sentence: number): boolean {
    if (this.#topic[entry] !== 1) return false;
    if (sentence !== this.#sentence) {
      this.#sentence = sentence;
      this.#answer = this.#hasExperiencer(b, sentence);
    }
    return !this.#answer;
  }

  #hasExperiencer(b: TokenBuffer, sentence: number): boolean {
    // An exclamation voices the speaker's reaction to what it names ("It's a monster!").
    if (b.sentenceExclaims[sentence]) return true;
    const words = this.#experiencer;
    for (let k = b.sentenceFirst[sentence]!; k < b.count && b.sentence[k] === sentence; k++) {
      if (b.kind[k] === WORD && words.has(b.hash[k]!)) return true;
    }
    return false;
  }
}
