// Six rules that read a word's sentence and drop a match whose sense there is not the emotion's
// (issue 14, "precision in context": each was a kind of error in the blind audits). Each is an
// option; each looks only at the few entries it concerns (a per-entry flag, one typed-array read
// per match), so a text where none of them occurs pays nothing.
//
// - tagQuestion (rule `tag-question`): "huh" or "eh" after a comma, closing a question ("Looks like
//   a nice day, huh?", "You're not afraid, huh?"): a tag that asks the hearer to agree, not the
//   speaker's surprise. "Huh?" alone or opening a sentence ("Huh, I never knew that") stays.
// - physicalSense (rule `physical-sense`): "hurt", "wound", "injured", "injury", "bleeding",
//   "stuck", "stun", "punch" with a body part, an injury or a weapon near it in the sentence ("my
//   feet hurt", "you injured your knee", "mortally wounded", "They stun it, and then he knifed it"):
//   the body's harm, not the mind's suffering. "You hurt me", "my heart hurts", "I'm stuck" stay
//   (the heart, the feelings and the mind are not on the list). "Get hurt" is an injury too
//   (session 11: "somebody's gonna get hurt", "glad no one got hurt"), unless "by", "emotionally",
//   "again", "inside" or "deeply" follows ("got hurt by what she said"), or the speaker is the one
//   who gets hurt ("I always get hurt in relationships").
// - expressiveIntensifier (rule `expressive-intensifier`): a swear word used as a degree word
//   before a positive word ("I fucking love it", "so fucking awesome", "bloody brilliant") is an
//   expressive that heightens what follows (Potts 2007, "The expressive dimension": its content is
//   the speaker's heightened state, whose polarity the rest of the sentence gives), not anger.
//   Not after a determiner, a possessive or "you" ("that fucking smile", "my fucking friend", "you
//   fucking wise guys": the speaker's attitude to what the noun phrase names), and not before
//   "care" or "joke" ("who fucking cares", "fucking joke of a performance": scorn). Two more
//   degree slots (session 11): after a degree adverb, before a word of feeling the lexicon reads
//   ("so fucking creepy", "pretty fucking scary", "so fucking stoked": that word says the
//   feeling; before any other word, "so fucking loud", "so bloody difficult", the heightened
//   state is exasperation and the anger reading stays), and before an affirmation ("fucking
//   right", "goddamn right": agreement, not anger); "well fucking said" praises a deed. Only the
//   -ing forms, "goddamn" and "bloody": a bare "fuck" is an interjection or a verb ("fuck right
//   off"), not a degree word.
// - courtesyTitle (rule `courtesy-title`): "Miss" written with a capital before a name or a name
//   placeholder ("Miss [PERSON], I've been looking for you", "Miss Gamble") is the title, not
//   longing; "Miss You" (a pronoun after it) and "I miss [NAME]" stay.
// - afraidHedge (rule `afraid-hedge`, session 11): "I'm afraid" before news of what is, was or
//   must be is a politeness hedge, not fear (afraidHedge.ts).
// - wellWish (rule `well-wish`, session 12): "Enjoy your stay", "Enjoy!", "Enjoy the game, bud!"
//   heading a sentence are imperatives that wish the hearer a good time, formulas of leave-taking and
//   good wishes (Quirk et al. 1985, §11.24-11.31 on directives: the imperative tells the hearer
//   what to do, here what to feel); no one is said to enjoy anything, and "Enjoy the downvotes",
//   "Enjoy your loss" are taunts. Only the base form, first in its sentence or after "just", "so",
//   "and", "now", "please", "ok", "anyway" ("Just enjoy it"): "I enjoy it", "Enjoyed it!", "Enjoying it so far"
//   (the subject left out, the speaker's own enjoyment) and "Enjoy reading your posts" (an -ing
//   form after it, the same) stay. ("Have fun", the same wish, is a blocking expression in the
//   lexicon: context-precision-8.tsv.) Read in GoEmotions dev and train and XED part 1/2: the rule
//   drops 50 matches, every one a wish, an instruction or a taunt ("Enjoy your gold!", "Enjoy the
//   downvotes").
import type { LexiconIndex } from '../lexicon/LexiconIndex.js';
import { valenceTable } from '../text/valence.js';
import { CLAUSE, COMMA, TERMINAL, WORD, hashWord, type TokenBuffer } from '../text/tokenize.js';
import type { ResolvedOptions } from './options.js';
import { AfraidHedge } from './afraidHedge.js';

const TAG = 1;
const PHYSICAL = 2;
const SWEAR = 4;
const TITLE = 8;
const HEDGE = 16;
const WISH = 32;

const TAG_PARTICLES = ['huh', 'eh'];
const PHYSICAL_WORDS = ['hurt', 'hurting', 'wound', 'injured', 'injury', 'bleeding', 'stuck', 'stun', 'punch'];
const TITLES = ['miss'];
const SWEARS = ['fuck', 'fucking', 'fuckin', 'motherfucking', 'goddamn', 'goddamned', 'bloody'];
const HEDGES = ['afraid'];
const WISHES = ['enjoy'];

/** Body parts, injuries and weapons: the frame of a physical sense (the heart, the feelings, the mind are left out on purpose). */
const PHYSICAL_FRAME: readonly string[] = [
  // body parts
  'head',
  'heads',
  'face',
  'eye',
  'eyes',
  'ear',
  'ears',
  'nose',
  'mouth',
  'lip',
  'lips',
  'tooth',
  'teeth',
  'jaw',
  'tongue',
  'neck',
  'throat',
  'shoulder',
  'shoulders',
  'arm',
  'arms',
  'elbow',
  'elbows',
  'wrist',
  'wrists',
  'hand',
  'hands',
  'finger',
  'fingers',
  'thumb',
  'chest',
  'rib',
  'ribs',
  'stomach',
  'belly',
  'tummy',
  'back',
  'spine',
  'hip',
  'hips',
  'leg',
  'legs',
  'knee',
  'knees',
  'ankle',
  'ankles',
  'foot',
  'feet',
  'toe',
  'toes',
  'muscle',
  'muscles',
  'bone',
  'bones',
  'skin',
  'skull',
  'brain',
  'body',
  'butt',
  // injuries and care of them
  'blood',
  'bleed',
  'bleeding',
  'bruise',
  'bruised',
  'broke',
  'broken',
  'fracture',
  'fractured',
  'sprain',
  'sprained',
  'cut',
  'burn',
  'burned',
  'burnt',
  'injury',
  'injuries',
  'injured',
  'wounded',
  'wounds',
  'dead',
  'killed',
  'died',
  'mortally',
  'fatally',
  'critically',
  'seriously',
  'hospital',
  'ambulance',
  'surgery',
  'doctor',
  'medic',
  'bandage',
  'stitches',
  'shot',
  'stabbed',
  // weapons and blows
  'knife',
  'knifed',
  'knives',
  'gun',
  'guns',
  'bullet',
  'bullets',
  'sword',
  'weapon',
  'weapons',
  'taser',
  'bat',
  'fist',
  'fists',
  'sucker',
  'kick',
  'kicked',
  'punched',
  'hit',
];

const DETERMINERS: readonly string[] = [
  'a',
  'an',
  'the',
  'this',
  'that',
  'these',
  'those',
  'my',
  'your',
  'his',
  'her',
  'its',
  'our',
  'their',
  'ur',
  'some',
  'no',
  'every',
  'any',
  // a vocative insult ("you fucking wise guys")
  'you',
];
/** Degree adverbs: a swear right after one stands in a degree word's slot ("so fucking deep"). */
const DEGREE_ADVERBS: readonly string[] = ['so', 'too', 'very', 'really', 'pretty', 'how', 'as', 'real', 'super', 'quite'];
/** Affirmations a swear heightens ("fucking right", "bloody yes"). */
const AFFIRMATIONS: readonly string[] = ['right', 'yes', 'yeah', 'yep', 'yup', 'finally'];
/** The swear forms that serve as degree words (not a bare "fuck"). */
const DEGREE_SWEARS: readonly string[] = ['fucking', 'fuckin', 'motherfucking', 'goddamn', 'goddamned', 'bloody'];

/** Words after which the swear is still the speaker's scorn: a dismissal, a derided "joke". */
const DISMISSALS: readonly string[] = ['care', 'cares', 'cared', 'caring', 'joke', 'jokes', 'joking'];

/** Least VADER mean of the word after a swear for the swear to read as a degree word ("fun" 2.3, "cool" 1.3, "love" 3.2). */
const POSITIVE = 1;
/** Tokens either side of a physical-sense word searched for its frame. */
const PHYSICAL_WINDOW = 4;

export class SenseFrames {
  /** Per entry: TAG | PHYSICAL | SWEAR | TITLE | HEDGE | WISH, or 0 (most). */
  readonly flags: Uint8Array;
  readonly #frame: ReadonlySet<number> = new Set(PHYSICAL_FRAME.map(hashWord));
  readonly #determiners: ReadonlySet<number> = new Set(DETERMINERS.map(hashWord));
  readonly #dismissals: ReadonlySet<number> = new Set(DISMISSALS.map(hashWord));
  readonly #pronouns: ReadonlySet<number> = new Set(['you', 'me', 'him', 'her', 'them', 'us', 'it', 'ya', 'u'].map(hashWord));
  readonly #degreeAdverbs: ReadonlySet<number> = new Set(DEGREE_ADVERBS.map(hashWord));
  readonly #affirmations: ReadonlySet<number> = new Set(AFFIRMATIONS.map(hashWord));
  readonly #degreeSwears: ReadonlySet<number> = new Set(DEGREE_SWEARS.map(hashWord));
  #valence: ReadonlyMap<string, number> | undefined;
  readonly #index: LexiconIndex;
  readonly #hedge: AfraidHedge;

  constructor(index: LexiconIndex) {
    this.#index = index;
    this.#hedge = new AfraidHedge(index);
    const of = (lemmas: readonly string[], bit: number) => new Map(lemmas.map((l) => [l, bit]));
    const bits = new Map([
      ...of(TAG_PARTICLES, TAG),
      ...of(PHYSICAL_WORDS, PHYSICAL),
      ...of(SWEARS, SWEAR),
      ...of(TITLES, TITLE),
      ...of(HEDGES, HEDGE),
      ...of(WISHES, WISH),
    ]);
    this.flags = Uint8Array.from(index.entries, (e) => (e.source === 'lexicon' ? (bits.get(e.lemma) ?? 0) : 0));
  }

  /** Whether `entry` is a swear word (an expressive: the speaker's, in any clause). */
  isSwear(entry: number): boolean {
    return (this.flags[entry]! & SWEAR) !== 0;
  }

  /** Whether the match of a flagged entry over tokens first..last is dropped by a rule that is on. */
  drops(flag: number, text: string, b: TokenBuffer, first: number, last: number, o: ResolvedOptions): boolean {
    if (flag & TAG) return o.tagQuestion && this.#tagQuestion(text, b, first, last);
    if (flag & PHYSICAL) return o.physicalSense && this.#physical(b, first, last);
    if (flag & SWEAR) return o.expressiveIntensifier && this.#degreeSwear(b, first, last);
    if (flag & TITLE) return o.courtesyTitle && this.#title(text, b, first, last);
    if (flag & HEDGE) return o.afraidHedge && this.#hedge.isHedge(text, b, first, last);
    if (flag & WISH) return o.wellWish && this.#wellWish(b, first, last);
    return false;
  }

  /**
   * "Enjoy (your stay)!" heading its sentence: the base form first, or after one or two of WISH_OPENERS;
   * not before an -ing form ("Enjoy reading your posts": the speaker's, the subject left out).
   */
  #wellWish(b: TokenBuffer, first: number, last: number): boolean {
    if (first !== last || b.hash[first] !== ENJOY) return false;
    const sentence = b.sentence[first]!;
    const next = b.wordIn(first + 1, sentence);
    if (next.length > 4 && next.endsWith('ing')) return false;
    const head = b.sentenceFirst[sentence]!;
    for (let k = first - 1, words = 0; k >= head; k--) {
      if (b.kind[k] !== WORD) continue;
      if (++words > 2 || !WISH_OPENERS.has(b.hash[k]!)) return false;
    }
    return true;
  }

  /** ", huh ?": a comma before, the question mark that ends the sentence after. */
  #tagQuestion(text: string, b: TokenBuffer, first: number, last: number): boolean {
    const before = first - 1;
    const after = last + 1;
    if (before < 0 || after >= b.count) return false;
    if (b.kind[before] !== CLAUSE || text.charCodeAt(b.start[before]!) !== COMMA) return false;
    if (b.kind[after] !== TERMINAL) return false;
    for (let c = b.start[after]!; c < b.end[after]!; c++) if (text.charCodeAt(c) === 0x3f) return true;
    return false;
  }

  /** A body part, injury or weapon within a few words, in the same sentence; or "get hurt". */
  #physical(b: TokenBuffer, first: number, last: number): boolean {
    const sentence = b.sentence[first]!;
    if (this.#getHurt(b, first, last)) return true;
    const from = Math.max(0, first - PHYSICAL_WINDOW);
    const to = Math.min(b.count - 1, last + PHYSICAL_WINDOW);
    for (let k = from; k <= to; k++) {
      if (k >= first && k <= last) continue;
      if (b.kind[k] === WORD && b.sentence[k] === sentence && this.#frame.has(b.hash[k]!)) return true;
    }
    return false;
  }

  /**
   * "get hurt" (the dynamic passive: "somebody's gonna get hurt", "I'm glad no one got hurt"): an
   * injury, as in every one of 16 lines read in GoEmotions train and XED part 1/2; not "got hurt
   * by what she said", "get hurt emotionally".
   */
  #getHurt(b: TokenBuffer, first: number, last: number): boolean {
    const sentence = b.sentence[first]!;
    if (first !== last || b.hash[first] !== HURT || !GET_FORMS.has(b.hashIn(first - 1, sentence))) return false;
    if (NOT_BODILY.has(b.hashIn(last + 1, sentence))) return false;
    // the speaker who gets hurt ("I always get hurt in relationships", "I'm tired of getting
    // hurt", "I got hurt when she left"): in none of the 16 lines read was the speaker the one
    // hurt, and a reader takes the speaker's own "get hurt" as the heart's far more often
    for (let k = first - 2; k >= first - 1 - SPEAKER_BEFORE_GET; k--) if (FIRST_PERSON.has(b.hashIn(k, sentence))) return false;
    return true;
  }

  /** "Miss" with a capital (the rest lower case), then a capitalised word that is no pronoun, or "[" opening a name placeholder. */
  #title(text: string, b: TokenBuffer, first: number, last: number): boolean {
    const s = b.start[first]!;
    if (first !== last || !isUpper(text.charCodeAt(s)) || isUpper(text.charCodeAt(s + 1))) return false;
    const next = last + 1;
    if (next >= b.count) return false;
    if (b.kind[next] === CLAUSE) return text.charCodeAt(b.start[next]!) === 0x5b && next + 1 < b.count && b.kind[next + 1] === WORD;
    return b.kind[next] === WORD && isUpper(text.charCodeAt(b.start[next]!)) && !this.#pronouns.has(b.hash[next]!);
  }

  /**
   * The swear in a degree word's slot, never inside a noun phrase's determiner slot: right before a
   * positive word; or, a degree form, before an affirmation ("fucking right"), after "well" ("well
   * fucking said": praise of a deed), or after a degree adverb before a word of feeling the lexicon
   * reads ("so fucking creepy", "pretty fucking scary": that word says the feeling, which the swear
   * heightens). Before any other word ("so fucking loud", "so bloody difficult") the heightened
   * state is the speaker's exasperation, which the swear's anger reading stands for: kept.
   */
  #degreeSwear(b: TokenBuffer, first: number, last: number): boolean {
    const next = last + 1;
    if (next >= b.count || b.kind[next] !== WORD || this.#dismissals.has(b.hash[next]!)) return false;
    const before = first > 0 && b.kind[first - 1] === WORD ? b.hash[first - 1]! : -1;
    if (this.#determiners.has(before)) return false;
    this.#valence ??= valenceTable();
    const valence = this.#valence.get(b.word(next)) ?? 0;
    if (valence >= POSITIVE) return true;
    if (first !== last || !this.#degreeSwears.has(b.hash[first]!)) return false;
    if (this.#affirmations.has(b.hash[next]!) || before === WELL) return true;
    return this.#degreeAdverbs.has(before) && this.#index.infoAt(b, next).packed >= 0;
  }
}

const isUpper = (c: number) => c >= 65 && c <= 90;
const ENJOY = hashWord('enjoy');
/** What may come before an imperative well-wish in its sentence ("Just enjoy it", "Ok, enjoy"). */
const WISH_OPENERS: ReadonlySet<number> = new Set(['just', 'so', 'and', 'now', 'please', 'ok', 'okay', 'anyway'].map(hashWord));
const HURT = hashWord('hurt');
const WELL = hashWord('well');
const GET_FORMS: ReadonlySet<number> = new Set(['get', 'gets', 'got', 'getting', 'gotten'].map(hashWord));
/** Words before "get" searched for the speaker as the one who gets hurt. */
const SPEAKER_BEFORE_GET = 3;
const FIRST_PERSON: ReadonlySet<number> = new Set(
  ['i', "i'm", 'im', "i've", 'ive', "i'd", 'me', 'we', "we're", "we've", 'us'].map(hashWord),
);
/** After "get hurt": what makes the hurt the mind's ("got hurt by her words", "get hurt emotionally"). */
const NOT_BODILY: ReadonlySet<number> = new Set(['by', 'emotionally', 'again', 'inside', 'deeply'].map(hashWord));
