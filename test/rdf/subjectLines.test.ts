// Placing a subject in the Turtle or N-Triples text it came from, for error messages.
import { describe, expect, it } from 'vitest';
import { subjectLines } from '../../src/rdf/subjectLines.js';

const E = 'https://w3id.org/emokb/emotion/';

describe('subjectLines', () => {
  it('finds a subject written in full, with a prefix, or with the empty prefix, where it opens a statement', () => {
    const text = [
      '@prefix emotion: <https://w3id.org/emokb/emotion/> .',
      'PREFIX : <https://w3id.org/emokb/emotion/>',
      '',
      'emotion:fury-ish skos:broader emotion:fury .', // fury mentioned first as an object
      '  emotion:fury a emo:Emotion ;',
      '    skos:prefLabel "fury"@en .',
      '<https://w3id.org/emokb/emotion/rage> a emo:Emotion .',
      ':glee a emo:Emotion .',
    ].join('\n');
    const lines = subjectLines(text, [`${E}fury`, `${E}rage`, `${E}glee`, `${E}fury-ish`, `${E}absent`]);
    expect(Object.fromEntries(lines)).toEqual({ [`${E}fury`]: 5, [`${E}rage`]: 7, [`${E}glee`]: 8, [`${E}fury-ish`]: 4 });
  });

  it('falls back to the first mention when the subject never opens a statement', () => {
    const text = `<${E}a> <http://x/p> <${E}b> .\n<${E}c> <http://x/p> <${E}b> .\n`;
    expect(subjectLines(text, [`${E}b`]).get(`${E}b`)).toBe(1);
  });
});
