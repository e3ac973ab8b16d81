// The lemmatiser's data snapshot (what `emokb tag` hands its worker threads instead of letting each
// compile wink-lexicon's modules) must give exactly the lemmas the modules give.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { lemmasOf, winkDataSnapshot } from '../../src/text/wordForms.js';

const WORDS = [
  'running',
  'ran',
  'feet',
  'happier',
  'happiest',
  'angrily',
  'terrified',
  'hopes',
  'broken',
  'hearts',
  'geese',
  'was',
  'better',
  'worse',
  'loved',
  'cries',
  'axes',
  'data',
  'constructor',
  'toString',
  '__proto__',
  'hasOwnProperty',
  'valueOf',
  'abc',
  "don't",
  'heart-broken',
];

describe('wink data snapshot', () => {
  it('gives the same lemmas as the modules, in a thread that never loaded them', () => {
    const snapshot = winkDataSnapshot();
    expect(snapshot).toBeTypeOf('string');
    const expected = WORDS.map((w) => lemmasOf(w));
    // A fresh process (this one has loaded the modules): register the snapshot, then lemmatise.
    const script = `
      const { useWinkDataSnapshot, lemmasOf } = await import(${JSON.stringify(join(ROOT, 'dist/text/wordForms.js'))});
      const input = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
      const used = useWinkDataSnapshot(input.snapshot);
      console.log(JSON.stringify({ used, lemmas: input.words.map((w) => lemmasOf(w)) }));
    `;
    const child = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { createRequire } from 'node:module'; const require = createRequire(import.meta.url); ${script}`,
      ],
      {
        input: JSON.stringify({ snapshot, words: WORDS }),
        encoding: 'utf8',
      },
    );
    expect(child.stderr).toBe('');
    const out = JSON.parse(child.stdout) as { used: boolean; lemmas: string[][] };
    expect(out.used).toBe(true);
    expect(out.lemmas).toEqual(expected);
  });
});

describe('lemmas of regular forms', () => {
  it('reads an undoubled -ed/-ing form of a one-syllable verb as the verb in silent "e"', () => {
    // wink-lemmatizer strips the suffix: "rated" -> "rat", "hated" -> "hat", "hoped" -> "hop"
    expect(lemmasOf('rated')).toEqual(['rate']);
    expect(lemmasOf('hated')).toEqual(['hate']);
    expect(lemmasOf('hoping')).toEqual(['hope']);
    expect(lemmasOf('scared')).toEqual(['scare']);
  });

  it('keeps the stem where the consonant is doubled, or where English does not double it', () => {
    expect(lemmasOf('ratted')).toEqual(['rat']);
    expect(lemmasOf('hopped')).toEqual(['hop']);
    expect(lemmasOf('scarred')).toEqual(['scar']);
    // two syllables, a final w/x/y, a vowel pair, a consonant pair
    expect(lemmasOf('opened')).toEqual(['open']);
    expect(lemmasOf('boxed')).toEqual(['box']);
    expect(lemmasOf('played')).toEqual(['play']);
    expect(lemmasOf('feared')).toEqual(['fear']);
    expect(lemmasOf('ended')).toEqual(['end']);
  });
});
