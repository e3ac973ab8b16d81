// The compiled lexicon (src/lexicon/): what compiling a snapshot keeps, where a shared label goes,
// and that the compiled data is plain data a worker rebuilds the same tagger from.
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/kb/KnowledgeBase.js';
import { LexiconIndex } from '../../src/lexicon/LexiconIndex.js';
import { Tagger } from '../../src/tagger/Tagger.js';
import { fixtureKb } from '../tagger/helpers.js';

let kb: KnowledgeBase;
let tagger: Tagger;
beforeAll(async () => {
  kb = await fixtureKb();
  tagger = Tagger.for(kb);
});

describe('the compiled lexicon', () => {
  it('holds accepted entries and the labels as seeds, and is cached per snapshot', () => {
    const index = LexiconIndex.for(kb);
    expect(LexiconIndex.for(kb)).toBe(index);
    expect(Tagger.for(kb)).toBe(tagger);
    expect(index.data.stats.lexiconEntries).toBe(9); // not "meh": it is a candidate
    expect(index.data.marks.map(([mark]) => mark)).toEqual(['?']); // the "?" entry is a cue, not a key
    expect(index.data.stats.seedLabels).toBeGreaterThan(120);
    expect(index.word('meh')).toBeNull();
  });

  it('maps a label shared along a line of descent to the most specific node', () => {
    const index = LexiconIndex.for(kb);
    for (const [label, id] of [
      ['rage', 'rage-tertiary'],
      ['sadness', 'sadness-tertiary'],
      ['surprise', 'surprise-tertiary'],
      ['anger', 'anger-tertiary'],
    ] as const) {
      const hit = index.word(label)!;
      expect(index.entries[hit.entry]!.senses.map((s) => index.emotions[s.emotion]!.id)).toEqual([id]);
    }
  });

  it('lets a curated entry win over the label seed', () => {
    expect(tagger.tag('hope').matches![0]).toMatchObject({ emotion: 'eagerness', weight: 0.7, lemma: 'hope' });
  });

  it('is plain data that rebuilds the same tagger in a worker', () => {
    const copy = Tagger.fromData(structuredClone(LexiconIndex.for(kb).data));
    const text = 'I was fed up with everything, heartbroken and furious!';
    expect(copy.tag(text)).toEqual(tagger.tag(text));
  });
});
