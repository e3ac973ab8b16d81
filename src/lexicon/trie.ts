// The multiword keys of a lexicon as a trie over words, so that the tagger extends a match one
// word at a time and a word that continues no key fails in one Map look-up ("broken" -> "heart").

/** A node of the multiword trie: one word further into some multiword key. */
export interface MweNode {
  /** The entry of the key that ends here, or -1. */
  entry: number;
  /** The words that may follow (null: none, no key goes further). */
  next: Map<string, MweNode> | null;
}

export class MultiwordTrie {
  /** Every multiword key to its entry. */
  readonly keys = new Map<string, number>();
  /** First word of a multiword key to its node. */
  readonly roots = new Map<string, MweNode>();
  /** First word of a multiword key to the most words any key starting with it has. */
  readonly maxWords = new Map<string, number>();
  /** Every word that occurs after the first in some multiword key. */
  readonly inner = new Set<string>();

  /** Adds a key of two or more words (joined by one space). */
  add(key: string, entry: number): void {
    this.keys.set(key, entry);
    const first = key.slice(0, key.indexOf(' '));
    const words = key.split(' ');
    if ((this.maxWords.get(first) ?? 0) < words.length) this.maxWords.set(first, words.length);
    let node = this.roots.get(first) ?? (this.roots.set(first, { entry: -1, next: null }), this.roots.get(first)!);
    for (let n = 1; n < words.length; n++) {
      node.next ??= new Map();
      node = node.next.get(words[n]!) ?? (node.next.set(words[n]!, { entry: -1, next: null }), node.next.get(words[n]!)!);
      if (n === words.length - 1) node.entry = entry;
      this.inner.add(words[n]!);
    }
  }
}
