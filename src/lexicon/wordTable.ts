// The hot path's word cache: open addressing over the hash the tokenizer computes inline, so a
// word seen before is found without building its string (most tokens are only hashed and compared).
// It starts small and doubles at half full (a small table stays in the CPU cache), up to
// 2^SLOT_BITS slots; past that, it is `full` and new words go through the string-keyed cache.
import type { TokenBuffer } from '../text/tokenize.js';
import { NOTHING, type WordInfo } from './wordInfo.js';

const SLOT_BITS = 18;
const INITIAL_SLOT_BITS = 12;
const SLOT_LIMIT = 1 << (SLOT_BITS - 1);

export class WordTable {
  // The table is one Int32Array of 4 fields per slot (hash, length (0: empty), offset of the
  // word's code units in #pool, index in #slotInfo or -1 for the shared NOTHING), so a probe reads
  // one cache line, and the words themselves sit side by side in #pool in the order they were first
  // seen (frequent words first). Most words are NOTHING: their hit reads no record of their own.
  #slotMask = (1 << INITIAL_SLOT_BITS) - 1;
  #slotRecords = new Int32Array(4 << INITIAL_SLOT_BITS);
  #pool = new Uint16Array(1 << 16);
  #poolUsed = 0;
  #slotInfo: WordInfo[] = [];
  #slots = 0;

  /** Whether the table takes no more words. */
  get full(): boolean {
    return this.#slots >= SLOT_LIMIT;
  }

  /**
   * The record of ASCII word token t of `b` (its normalised code units are in the token buffer's
   * `chars`), or undefined when the word is not in the table.
   */
  get(b: TokenBuffer, t: number): WordInfo | undefined {
    const h = b.hash[t]!;
    const mask = this.#slotMask;
    const records = this.#slotRecords;
    const pool = this.#pool;
    let i = h & mask;
    const start = b.start[t]!;
    const length = b.end[t]! - start;
    const chars = b.chars;
    for (;;) {
      const r = i << 2;
      const l = records[r + 1]!;
      if (l === 0) return undefined;
      if (records[r] === h && l === length) {
        const at = records[r + 2]! - start;
        let k = start;
        const end = start + length;
        while (k < end && pool[at + k] === chars[k]) k++;
        if (k === end) {
          const slot = records[r + 3]!;
          return slot < 0 ? NOTHING : this.#slotInfo[slot]!;
        }
      }
      i = (i + 1) & mask;
    }
  }

  /** Adds a word not in the table (`h`: its hash as the tokenizer computes it), growing the table at half full. */
  add(h: number, word: string, info: WordInfo): void {
    let i = h & this.#slotMask;
    while (this.#slotRecords[(i << 2) + 1] !== 0) i = (i + 1) & this.#slotMask;
    const length = word.length;
    if (this.#poolUsed + length > this.#pool.length) {
      const pool = new Uint16Array(Math.max(this.#pool.length * 2, this.#poolUsed + length));
      pool.set(this.#pool);
      this.#pool = pool;
    }
    const at = this.#poolUsed;
    for (let k = 0; k < length; k++) this.#pool[at + k] = word.charCodeAt(k);
    this.#poolUsed += length;
    const r = i << 2;
    this.#slotRecords[r] = h;
    this.#slotRecords[r + 1] = length;
    this.#slotRecords[r + 2] = at;
    if (info === NOTHING) this.#slotRecords[r + 3] = -1;
    else {
      this.#slotRecords[r + 3] = this.#slotInfo.length;
      this.#slotInfo.push(info);
    }
    this.#slots++;
    if (this.#slots * 2 <= this.#slotMask + 1 || this.#slotMask + 1 >= 1 << SLOT_BITS) return;
    const old = this.#slotRecords;
    const size = (this.#slotMask + 1) * 2;
    const mask = size - 1;
    const records = new Int32Array(size << 2);
    for (let j = 0; j < old.length; j += 4) {
      if (old[j + 1] === 0) continue;
      let k = old[j]! & mask;
      while (records[(k << 2) + 1] !== 0) k = (k + 1) & mask;
      records.set(old.subarray(j, j + 4), k << 2);
    }
    this.#slotMask = mask;
    this.#slotRecords = records;
  }
}
