import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/text/tokens.js';

const words = (text: string) =>
  tokenize(text)
    .tokens.filter((t) => t.kind === 'word')
    .map((t) => t.norm);

describe('tokenize', () => {
  it('gives UTF-16 offsets that slice back to the token', () => {
    const text = 'Héllo, “World” — 3.5 times! 😀 don’t';
    for (const t of tokenize(text).tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('keeps inner apostrophes and hyphens, folds curly apostrophes and case', () => {
    expect(words("I DON’T feel heart-broken, it's fine")).toEqual(['i', "don't", 'feel', 'heart-broken', "it's", 'fine']);
  });

  it('does not join at a leading or trailing apostrophe or a spaced dash', () => {
    expect(words("'quoted' - well-known -minus")).toEqual(['quoted', 'well-known', 'minus']);
  });

  it('keeps decimals whole and splits sentences at terminal punctuation before space', () => {
    const { tokens, sentences } = tokenize('It costs 3.5 dollars. Really?! Yes... ok');
    expect(tokens.filter((t) => t.kind === 'word').map((t) => t.text)).toContain('3.5');
    expect(sentences.map((s) => [s.start, s.end])).toEqual([
      [0, 21],
      [22, 30],
      [31, 37],
      [38, 40],
    ]);
  });

  it('does not end a sentence after Mr. or an initial', () => {
    expect(tokenize('Mr. Smith met J. Doe. Then left.').sentences).toHaveLength(2);
  });

  it('ends a sentence at a line break', () => {
    expect(tokenize('one\ntwo\r\nthree').sentences).toHaveLength(3);
  });

  it('treats CJK and RTL letters as words and skips emoji, controls and lone surrogates', () => {
    expect(words('中文测试 שלום עולם')).toEqual(['中文测试', 'שלום', 'עולם']);
    expect(words('😀\u0000\u0007\ud800x\udc00')).toEqual(['x']);
    expect(tokenize('。！').tokens.every((t) => t.kind === 'terminal')).toBe(true);
  });

  it('handles empty and punctuation-only text', () => {
    expect(tokenize('').tokens).toEqual([]);
    expect(tokenize('').sentences).toEqual([]);
    expect(words('?!.,;:()')).toEqual([]);
  });
});
