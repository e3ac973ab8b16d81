// The matches of one text, shaped like the token buffer (text/tokenize.ts): parallel typed arrays,
// one slot per match, reused from text to text, so matching allocates no object per match until a
// caller asks for them (the hot path of `emokb tag` never does).

/** A match's sense kind and how its word was found, as stored in `kind` and `via`. */
export const KINDS = ['names', 'evokes'] as const;
export const VIAS = ['form', 'lemma', 'derivation'] as const;

export class MatchBuffer {
  /** Matches held, in text order. */
  count = 0;
  /** Character span of the matched words (or of the punctuation cue). */
  start = new Int32Array(64);
  end = new Int32Array(64);
  /** Lexicon entry, the sense's emotion, and the sense's index within its entry. */
  entry = new Int32Array(64);
  emotion = new Int32Array(64);
  sense = new Int32Array(64);
  /** Sentence of the match's first token. */
  sentence = new Int32Array(64);
  /** Index into KINDS and VIAS. */
  kind = new Uint8Array(64);
  via = new Uint8Array(64);
  /** 1 when a negator reaches the match. */
  negated = new Uint8Array(64);
  /** The sense's weight times `intensity` (and the evokes factor). */
  weight = new Float64Array(64);
  intensity = new Float64Array(64);
  /** The context rules that shaped the match, as bits of rules.ts's RULES (0: none). */
  rules = new Uint32Array(64);
  /** The emotions the match adds its weight to: itself, its opposites (negated, `opposite`), or none. */
  counted: (readonly number[])[] = [];

  /** Empties the buffer for the next text (the arrays are kept). */
  clear(): void {
    this.count = 0;
  }

  /** Makes room for one more match: doubles the arrays when full. */
  reserve(): void {
    if (this.count < this.start.length) return;
    const size = this.start.length * 2;
    const grow = <T extends Int32Array | Uint8Array | Uint32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    const i32 = (n: number) => new Int32Array(n);
    const u8 = (n: number) => new Uint8Array(n);
    const f64 = (n: number) => new Float64Array(n);
    const u32 = (n: number) => new Uint32Array(n);
    this.start = grow(this.start, i32);
    this.end = grow(this.end, i32);
    this.entry = grow(this.entry, i32);
    this.emotion = grow(this.emotion, i32);
    this.sense = grow(this.sense, i32);
    this.sentence = grow(this.sentence, i32);
    this.kind = grow(this.kind, u8);
    this.via = grow(this.via, u8);
    this.negated = grow(this.negated, u8);
    this.weight = grow(this.weight, f64);
    this.intensity = grow(this.intensity, f64);
    this.rules = grow(this.rules, u32);
  }
}
