// The multiword trie's edge filter is a fast path beside the Maps: it may say "maybe" for a word
// that follows no key, never "no" for one that does (else a multiword match would be lost).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MultiwordTrie, type MweNode } from '../../src/lexicon/trie.js';
import { hashWord } from '../../src/text/tokenBuffer.js';

const word = fc.stringMatching(/^[a-z'-]{1,8}$/);
const key = fc.array(word, { minLength: 2, maxLength: 5 }).map((words) => words.join(' '));

function edges(node: MweNode, out: Array<[MweNode, string]> = []): Array<[MweNode, string]> {
  for (const [w, child] of node.next ?? []) {
    out.push([node, w]);
    edges(child, out);
  }
  return out;
}

describe('MultiwordTrie.mayFollow', () => {
  it('says "maybe" for every word that follows a node in some key', () => {
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 300 }), (keys) => {
        const trie = new MultiwordTrie();
        keys.forEach((k, i) => trie.add(k, i));
        for (const root of trie.roots.values()) for (const [node, w] of edges(root)) expect(trie.mayFollow(node, hashWord(w))).toBe(true);
      }),
    );
  });

  it('says "no" to most words that follow no key (it is a filter, not always "maybe")', () => {
    const trie = new MultiwordTrie();
    trie.add('broken heart', 0);
    trie.add('fed up with', 1);
    const broken = trie.roots.get('broken')!;
    const others = ['the', 'a', 'glass', 'promise', 'record', 'home', 'arm', 'leg', 'window', 'dreams'];
    expect(others.filter((w) => trie.mayFollow(broken, hashWord(w))).length).toBeLessThan(3);
    expect(trie.mayFollow(broken, hashWord('heart'))).toBe(true);
  });
});
