// The JSON Lines writer of `emokb tag`'s hot path (Tagger#writeJson): a result written as UTF-8
// straight from the match buffer and the roll-up, from pieces encoded once per tagger, byte-identical
// to JSON.stringify of the object the library returns (test/tagger/property.test.ts checks it).
import { TIERS } from '../kb/Emotion.js';
import type { LexiconIndex } from '../lexicon/LexiconIndex.js';
import { KINDS, VIAS, type MatchBuffer } from './matches.js';
import type { ResolvedOptions } from './options.js';
import { publicMatch } from './result.js';
import type { RolledUp } from './rollUp.js';
import { QUESTION_INCREDULITY } from './questionCue.js';
import { DEFAULT_NARROWER } from './defaultNarrower.js';
import { ruleNames } from './rules.js';
import { utf8, writeRounded, type ByteWriter } from './serialize.js';

/**
 * Rules the pieces below write (they keep the match's emotion its sense's; the rest take the slow
 * path, the library's object serialized).
 */
const PIECED_RULES = QUESTION_INCREDULITY | DEFAULT_NARROWER;

export class JsonWriter {
  /** false: labels this writer cannot order like an object (see the constructor); serialize objects instead. */
  readonly plain: boolean;
  readonly #index: LexiconIndex;
  readonly #pathLabels: readonly (readonly string[])[];
  readonly #labels: readonly string[];
  readonly #p: JsonPieces;

  /** `pathLabels`: per emotion, the labels of its path. */
  constructor(index: LexiconIndex, pathLabels: readonly (readonly string[])[]) {
    this.#index = index;
    this.#pathLabels = pathLabels;
    this.#labels = index.emotions.map((e) => e.label);
    const emotions = index.emotions;
    // The direct writer orders score keys as the rows are sorted; an object would move
    // integer-like keys first and merge equal labels within a tier, so with such labels (none in
    // the shipped hierarchy) it serializes the object instead.
    const seen = new Set<string>();
    let plain = true;
    for (const e of emotions) {
      const key = `${e.tier}\u0000${e.label}`;
      if (seen.has(key) || /^(0|[1-9][0-9]*)$/.test(e.label)) plain = false;
      seen.add(key);
    }
    this.plain = plain;
    this.#p = jsonPieces(index);
  }

  /** `{"id":…` */
  openDocument(w: ByteWriter, id: string | number | null): void {
    w.bytes(this.#p.openId);
    if (typeof id === 'number') w.int(id);
    else if (typeof id === 'string') w.jsonString(id);
    else w.ascii('null');
  }

  /** The dominant path and scores of a text without matches (and its empty `matches`). */
  writeEmpty(w: ByteWriter, o: ResolvedOptions, withMatches: boolean): void {
    w.bytes(withMatches ? this.#p.emptyWithMatches[o.tierMask]! : this.#p.empty[o.tierMask]!);
  }

  /** `,"dominant":{…},"scores":{…}` of a roll-up. */
  writeScored(w: ByteWriter, r: RolledUp, o: ResolvedOptions): void {
    const J = this.#p;
    w.bytes(r.primary < 0 ? J.primaryNull : J.primary[r.primary]!);
    w.bytes(r.secondary < 0 ? J.secondaryNull : J.secondary[r.secondary]!);
    w.bytes(r.tertiary < 0 ? J.tertiaryNull : J.tertiary[r.tertiary]!);
    const rows = r.rowCount;
    const rowTier = r.rowTier;
    const rowNode = r.rowNode;
    const rowScore = r.rowScore;
    let i = 0;
    for (let t = 0; t < o.tierIndexes.length; t++) {
      const tier = o.tierIndexes[t]!;
      w.bytes(t > 0 ? J.tierKeyNext[tier]! : J.tierKeyFirst[tier]!);
      // Rows are sorted by tier: this tier's are next.
      while (i < rows && rowTier[i]! < tier) i++;
      let first = true;
      while (i < rows && rowTier[i] === tier) {
        w.bytes(first ? J.labelKeyFirst[rowNode[i]!]! : J.labelKeyNext[rowNode[i]!]!);
        first = false;
        writeRounded(w, rowScore[i]!);
        i++;
      }
    }
    w.bytes(o.tiers.length ? J.closeScores : J.closeEmptyScores);
  }

  /** Match m of `text`, after `,"matches":[` for the first (the caller closes the list). */
  writeMatch(w: ByteWriter, text: string, mb: MatchBuffer, m: number, o: ResolvedOptions): void {
    const J = this.#p;
    const entry = mb.entry[m]!;
    // A match a context rule shaped (its emotion may no longer be its sense's): the library's object,
    // serialized. Such matches are few; the pieces below serve the rest, and the rules that leave
    // the sense's emotion as it is (a default narrower reading is frequent: every "sad", "happy").
    const rules = mb.rules[m]!;
    if (rules !== 0 && (rules & ~PIECED_RULES) !== 0) {
      w.ascii(m > 0 ? ',' : ',"matches":[');
      w.utf8(JSON.stringify(publicMatch(text, mb, m, this.#index, this.#pathLabels, this.#labels, o)));
      return;
    }
    const start = mb.start[m]!;
    const end = mb.end[m]!;
    w.bytes(m > 0 ? J.matchNext : J.matchFirst);
    w.jsonString(text, start, end);
    w.bytes(J.startKey);
    w.int(start);
    w.bytes(J.endKey);
    w.int(end);
    const senses = (J.sense[entry] ??= this.#sensePieces(entry));
    w.bytes(senses[mb.sense[m]!]!);
    writeRounded(w, mb.weight[m]!);
    const negated = mb.negated[m] === 1;
    w.bytes(negated ? J.negatedTrue : J.negatedFalse);
    writeRounded(w, mb.intensity[m]!);
    const counted = mb.counted[m]!;
    if (negated && o.negation === 'opposite' && counted.length) {
      w.bytes(J.kindVia[mb.kind[m]! * 3 + mb.via[m]!]!);
      w.bytes(J.countedAsKey);
      w.bytes(J.label[counted[0]!]!);
      w.byte(0x7d); // }
    } else if (rules === 0) {
      w.bytes(J.kindViaClose[mb.kind[m]! * 3 + mb.via[m]!]!);
    } else {
      // (rules only from PIECED_RULES: a match counted for its own emotion or its reading, not negated)
      w.bytes(J.kindVia[mb.kind[m]! * 3 + mb.via[m]!]!);
      w.bytes((J.rules[rules] ??= utf8(`,"rules":${JSON.stringify(ruleNames(rules))}`)));
      if (rules & DEFAULT_NARROWER) {
        const reading = counted[0]!;
        w.bytes((J.readAs[reading] ??= this.#readAsPiece(reading)));
      }
      w.byte(0x7d); // }
    }
  }

  /** `,"readAs":[…],"readAsId":…` of a reading. */
  #readAsPiece(reading: number): Uint8Array {
    return utf8(`,"readAs":${JSON.stringify(this.#pathLabels[reading])},"readAsId":${JSON.stringify(this.#index.emotions[reading]!.id)}`);
  }

  /** `,"sentences":[` */
  openSentences(w: ByteWriter): void {
    w.bytes(this.#p.sentencesKey);
  }

  /** `{"start":…,"end":…` of sentence s (the caller writes its scores and closes it). */
  openSentence(w: ByteWriter, s: number, start: number, end: number): void {
    w.bytes(s > 0 ? this.#p.nextSentenceStart : this.#p.sentenceStart);
    w.int(start);
    w.bytes(this.#p.endKey);
    w.int(end);
  }

  /** Per sense of an entry: `,"lemma":…,"emotion":…,"emotionId":…,"path":[…],"weight":`. */
  #sensePieces(entry: number): Uint8Array[] {
    const { lemma, senses } = this.#index.entries[entry]!;
    return senses.map((sense) => {
      const e = this.#index.emotions[sense.emotion]!;
      return utf8(
        `,"lemma":${JSON.stringify(lemma)},"emotion":${JSON.stringify(e.label)},"emotionId":${JSON.stringify(e.id)},"path":${JSON.stringify(this.#pathLabels[sense.emotion])},"weight":`,
      );
    });
  }
}

/** Pre-encoded pieces of the output JSON (see jsonPieces). */
interface JsonPieces {
  openId: Uint8Array;
  /** Per tier mask: `,"dominant":{nulls},"scores":{"tier":{},…}` (and `,"matches":[]`). */
  empty: Uint8Array[];
  emptyWithMatches: Uint8Array[];
  /** Per emotion: `,"dominant":{"primary":label`, `,"secondary":label`, `,"tertiary":label},"scores":{`. */
  primary: Uint8Array[];
  primaryNull: Uint8Array;
  secondary: Uint8Array[];
  secondaryNull: Uint8Array;
  tertiary: Uint8Array[];
  tertiaryNull: Uint8Array;
  /** Per tier: `"tier":{` and `},"tier":{`. */
  tierKeyFirst: Uint8Array[];
  tierKeyNext: Uint8Array[];
  /** Per emotion: `"label":` and `,"label":`. */
  labelKeyFirst: Uint8Array[];
  labelKeyNext: Uint8Array[];
  closeScores: Uint8Array;
  closeEmptyScores: Uint8Array;
  matchFirst: Uint8Array;
  matchNext: Uint8Array;
  sentencesKey: Uint8Array;
  sentenceStart: Uint8Array;
  nextSentenceStart: Uint8Array;
  startKey: Uint8Array;
  endKey: Uint8Array;
  negatedTrue: Uint8Array;
  negatedFalse: Uint8Array;
  /** Per kind x via: `,"kind":…,"via":…` (and with the closing brace). */
  kindVia: Uint8Array[];
  kindViaClose: Uint8Array[];
  countedAsKey: Uint8Array;
  /** Per emotion: its label as a JSON string. */
  label: Uint8Array[];
  /** Per entry, per sense: see JsonWriter#sensePieces; filled on first use. */
  sense: Array<Uint8Array[] | undefined>;
  /** Per rule mask: `,"rules":[…]`; per emotion: its `readAs` piece (JsonWriter#readAsPiece). Filled on first use. */
  rules: Array<Uint8Array | undefined>;
  readAs: Array<Uint8Array | undefined>;
}

/** The constant pieces of the JSON, encoded once per tagger. */
function jsonPieces(index: LexiconIndex): JsonPieces {
  const emotions = index.emotions;
  const sense: Array<Uint8Array[] | undefined> = [];
  for (let i = 0; i < index.entries.length; i++) sense.push(undefined);
  const q = JSON.stringify;
  const empty: Uint8Array[] = [];
  const emptyWithMatches: Uint8Array[] = [];
  for (let mask = 0; mask < 8; mask++) {
    const scores = q(Object.fromEntries(TIERS.filter((_, i) => mask & (1 << i)).map((t) => [t, {}])));
    const body = `,"dominant":{"primary":null,"secondary":null,"tertiary":null},"scores":${scores}`;
    empty.push(utf8(body));
    emptyWithMatches.push(utf8(`${body},"matches":[]`));
  }
  return {
    openId: utf8('{"id":'),
    empty,
    emptyWithMatches,
    primary: emotions.map((e) => utf8(`,"dominant":{"primary":${q(e.label)}`)),
    primaryNull: utf8(',"dominant":{"primary":null'),
    secondary: emotions.map((e) => utf8(`,"secondary":${q(e.label)}`)),
    secondaryNull: utf8(',"secondary":null'),
    tertiary: emotions.map((e) => utf8(`,"tertiary":${q(e.label)}},"scores":{`)),
    tertiaryNull: utf8(',"tertiary":null},"scores":{'),
    tierKeyFirst: TIERS.map((t) => utf8(`${q(t)}:{`)),
    tierKeyNext: TIERS.map((t) => utf8(`},${q(t)}:{`)),
    labelKeyFirst: emotions.map((e) => utf8(`${q(e.label)}:`)),
    labelKeyNext: emotions.map((e) => utf8(`,${q(e.label)}:`)),
    closeScores: utf8('}}'),
    closeEmptyScores: utf8('}'),
    matchFirst: utf8(',"matches":[{"text":'),
    matchNext: utf8(',{"text":'),
    sentencesKey: utf8(',"sentences":['),
    sentenceStart: utf8('{"start":'),
    nextSentenceStart: utf8(',{"start":'),
    startKey: utf8(',"start":'),
    endKey: utf8(',"end":'),
    negatedTrue: utf8(',"negated":true,"intensity":'),
    negatedFalse: utf8(',"negated":false,"intensity":'),
    kindVia: KINDS.flatMap((k) => VIAS.map((v) => utf8(`,"kind":${q(k)},"via":${q(v)}`))),
    kindViaClose: KINDS.flatMap((k) => VIAS.map((v) => utf8(`,"kind":${q(k)},"via":${q(v)}}`))),
    countedAsKey: utf8(',"countedAs":'),
    label: emotions.map((e) => utf8(q(e.label))),
    sense,
    rules: [],
    readAs: [],
  };
}
