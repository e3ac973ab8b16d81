// The multiword keys of a lexicon as a trie over words, so that the tagger extends a match one
// word at a time and a word that continues no key fails in one Map look-up ("broken" -> "heart").
//
// Beside the Maps, a small bit set of the trie's edges (node, hash of the next word) answers "no"
// for most words without the Map: half of all word tokens start some multiword key ("the", "i",
// "to" ...), and the string-keyed look-up of the word after them (reading the string's hash and the
// Map's buckets, cache misses on a loaded machine) was 16% of tagging time on GoEmotions train. The
// set holds a few thousand edges in 16 KB, so it stays in the CPU cache; a bit set means "maybe"
// and the Map decides, so the answers are those of the Map alone.
import { hashWord } from '../text/tokenBuffer.js';

/** A node of the multiword trie: one word further into some multiword key. */
export interface MweNode {
  /** The entry of the key that ends here, or -1. */
  entry: number;
  /** The words that may follow (null: none, no key goes further). */
  next: Map<string, MweNode> | null;
  /** The node's number, for the edge filter (`MultiwordTrie.mayFollow`). */
  id: number;
}

/** 2^17 bits (16 KB): about 3% false "maybe" for the shipped lexicon's ~4,000 edges. */
const EDGE_BITS = 17;

export class MultiwordTrie {
  /** Every multiword key to its entry. */
  readonly keys = new Map<string, number>();
  /** First word of a multiword key to its node. */
  readonly roots = new Map<string, MweNode>();
  /** First word of a multiword key to the most words any key starting with it has. */
  readonly maxWords = new Map<string, number>();
  /** Every word that occurs after the first in some multiword key. */
  readonly inner = new Set<string>();
  /** One bit per edge (node, hash of the next word), see `edgeSlot`. */
  readonly #edges = new Int32Array(1 << (EDGE_BITS - 5));
  #nodes = 0;

  /** Adds a key of two or more words (joined by one space). */
  add(key: string, entry: number): void {
    this.keys.set(key, entry);
    const first = key.slice(0, key.indexOf(' '));
    const words = key.split(' ');
    if ((this.maxWords.get(first) ?? 0) < words.length) this.maxWords.set(first, words.length);
    let node = this.roots.get(first) ?? (this.roots.set(first, this.#node()), this.roots.get(first)!);
    for (let n = 1; n < words.length; n++) {
      node.next ??= new Map();
      const word = words[n]!;
      const slot = edgeSlot(node.id, hashWord(word));
      this.#edges[slot >>> 5]! |= 1 << (slot & 31);
      node = node.next.get(word) ?? (node.next.set(word, this.#node()), node.next.get(word)!);
      if (n === words.length - 1) node.entry = entry;
      this.inner.add(word);
    }
  }

  /**
   * False when no word whose hash (text/tokenBuffer.ts hashWord) is `hash` follows `node`: then
   * `node.next.get(word)` is undefined. True means it may (the Map decides).
   */
  mayFollow(node: MweNode, hash: number): boolean {
    const slot = edgeSlot(node.id, hash);
    return (this.#edges[slot >>> 5]! & (1 << (slot & 31))) !== 0;
  }

  #node(): MweNode {
    return { entry: -1, next: null, id: this.#nodes++ };
  }
}

/** The bit of edge (node, word hash): the two mixed, the top EDGE_BITS bits taken. */
function edgeSlot(id: number, hash: number): number {
  return Math.imul(hash ^ Math.imul(id + 1, 0x9e3779b1), 0x85ebca6b) >>> (32 - EDGE_BITS);
}
