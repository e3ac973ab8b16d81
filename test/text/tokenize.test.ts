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

  it('treats CJK and RTL letters as words and skips controls and lone surrogates', () => {
    expect(words('中文测试 שלום עולם')).toEqual(['中文测试', 'שלום', 'עולם']);
    expect(words('😀\u0000\u0007\ud800x\udc00')).toEqual(['x']);
    expect(tokenize('。！').tokens.every((t) => t.kind === 'terminal')).toBe(true);
  });

  it('cuts an emoji, with its skin tone, selector and joined parts, into a symbol token of its base', () => {
    const symbols = (text: string) =>
      tokenize(text)
        .tokens.filter((t) => t.kind === 'symbol')
        .map((t) => [t.text, t.norm]);
    expect(symbols('so funny 😂 ok')).toEqual([['😂', '😂']]);
    expect(symbols('I ❤️ you')).toEqual([['❤️', '❤']]);
    expect(symbols('nice 👍🏽')).toEqual([['👍🏽', '👍']]);
    expect(symbols('🤦‍♂️ why')).toEqual([['🤦‍♂️', '🤦']]);
    // a joined part other than a gender sign or hair shows something else, and stays in the form
    expect(symbols('😮‍💨 done')).toEqual([['😮‍💨', '😮\u200d💨']]);
    // a run of the same emoji is one token; different ones or a space between are several
    expect(symbols('lol 😂😂😂')).toEqual([['😂😂😂', '😂']]);
    expect(symbols('😂😭 😂')).toEqual([
      ['😂', '😂'],
      ['😭', '😭'],
      ['😂', '😂'],
    ]);
    // a symbol sits in its sentence like a word, and its offsets slice back to it
    const text = 'Great game 😂. Sad 😢';
    const { tokens, sentences } = tokenize(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(sentences).toHaveLength(2);
    expect(words(text)).toEqual(['great', 'game', 'sad']);
  });

  it('cuts an ASCII face only where it stands as a word stands, normalised without its nose', () => {
    const symbols = (text: string) =>
      tokenize(text)
        .tokens.filter((t) => t.kind === 'symbol')
        .map((t) => t.norm);
    expect(symbols('thanks :) see you :-) =)')).toEqual([':)', ':)', ':)']);
    expect(symbols("so sad :( and :'( and >:( (really :D)")).toEqual([':(', ":'(", '>:(', ':D']);
    expect(symbols('love you <3, miss you </3')).toEqual(['<3', '</3']);
    // times, labels, code, URLs and "less than three" are no faces
    expect(symbols('at 10:30 Note:Dave f(x): https://x.org/a I<3u :Done a[:] in <3 hours')).toEqual([]);
  });

  it('handles empty and punctuation-only text', () => {
    expect(tokenize('').tokens).toEqual([]);
    expect(tokenize('').sentences).toEqual([]);
    expect(words('?!.,;:()')).toEqual([]);
  });
});
