// Inflected forms from the real WordNet and corpus word list (compiled into a shared test cache on
// first use): irregular and doubled forms, and forms that are other words.
import { beforeAll, describe, expect, it } from 'vitest';
import { formsFor } from '../../src/expansion/morphology.js';
import { loadResources, type Resources } from '../../src/expansion/pipeline.js';
import { TEST_CACHE } from './cache.js';

let r: Resources;

beforeAll(async () => {
  r = await loadResources({ cache: TEST_CACHE });
}, 120_000);

describe('morphology', () => {
  it('generates regular, doubled and irregular forms that lemmatise back', () => {
    expect(formsFor('angry', 'adjective', r).forms).toEqual(expect.arrayContaining(['angrier', 'angriest', 'angrily']));
    expect(formsFor('panic', 'verb', r).forms).toEqual(expect.arrayContaining(['panics', 'panicked', 'panicking']));
    expect(formsFor('dread', 'verb', r).forms).toContain('dreaded');
    expect(formsFor('infuriate', 'verb', r).forms).toEqual(expect.arrayContaining(['infuriated', 'infuriating', 'infuriates']));
    expect(formsFor('fret', 'verb', r).forms).toEqual(expect.arrayContaining(['fretted', 'fretting']));
    expect(formsFor('sad', 'adjective', r).forms).toEqual(expect.arrayContaining(['sadder', 'saddest', 'sadly']));
    expect(formsFor('fury', 'noun', r).forms).toEqual(['furies']);
  });

  it('does not invent forms the corpus never uses', () => {
    const furious = formsFor('furious', 'adjective', r).forms;
    expect(furious).not.toContain('furiouser');
    expect(furious).toContain('furiously');
    expect(formsFor('panic', 'verb', r).forms).not.toContain('paniced');
  });

  it('inflects the head of a multiword expression', () => {
    expect(formsFor('freak out', 'verb', r).forms).toEqual(expect.arrayContaining(['freaked out', 'freaking out', 'freaks out']));
    expect(formsFor('panic attack', 'noun', r).forms).toEqual(['panic attacks']);
    expect(formsFor('fed up', 'adjective', r).forms).toEqual([]);
    expect(formsFor('a bitter pill to swallow', 'noun', r).forms).toEqual([]);
    expect(formsFor('light at the end of the tunnel', 'noun', r).forms).toEqual([]);
  });

  it('flags a form that is another word with another meaning instead of adding it', () => {
    const mad = formsFor('mad', 'adjective', r);
    expect(mad.forms).not.toContain('madder');
    expect(mad.flagged.map((f) => f.form)).toContain('madder');
    expect(mad.flagged[0]!.reason).toMatch(/madder.*no emotional sense/);
    // A noun derived from the verb itself is the same meaning, not a clash.
    expect(formsFor('sob', 'verb', r).forms).toContain('sobbing');
  });
});
