// A bit set over word hashes (tokenBuffer.ts hashWord, as the tokenizer leaves them in
// TokenBuffer.hash): "no" for most words that are not in a set, from the hash alone, without
// asking a Set<number>. A word hash is an int32 and V8's small integers have 31 bits, so half of
// all hashes are heap numbers to a Set, hashed (and, in optimized code, allocated) per look-up; the
// valence fallback asked one for every word of every text without a match. "Maybe" is answered by
// the Set: a filter decides nothing alone.
const BITS = 15;

export class HashFilter {
  readonly #bits = new Int32Array(1 << (BITS - 5));

  constructor(hashes: Iterable<number>) {
    for (const h of hashes) {
      const slot = slotOf(h);
      this.#bits[slot >>> 5]! |= 1 << (slot & 31);
    }
  }

  /** False when no hash given to the constructor is `h`. */
  mayHave(h: number): boolean {
    const slot = slotOf(h);
    return (this.#bits[slot >>> 5]! & (1 << (slot & 31))) !== 0;
  }
}

/** The top BITS bits of the hash mixed once more (FNV's low bits are its weakest). */
function slotOf(h: number): number {
  return Math.imul(h, 0x85ebca6b) >>> (32 - BITS);
}
