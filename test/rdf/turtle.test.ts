import { describe, expect, it } from 'vitest';
import { readSeed } from '../../src/kb/seed.js';
import { LEXICON_BASE } from '../../src/rdf/namespaces.js';
import { parseRdf, parseTurtle, quadKey, RDF_FORMATS, serialize } from '../../src/rdf/turtle.js';

const keys = (quads: { subject: unknown }[]) => new Set((quads as never[]).map(quadKey));

describe('Turtle input', () => {
  it('names file, line and column of a syntax error', () => {
    const text = '@prefix ex: <https://example.org/> .\nex:a ex:b ex:c .\nex:d ex:e ;; ex:f .\n';
    expect(() => parseTurtle(text, 'broken.ttl')).toThrowError(
      expect.objectContaining({
        code: 'PARSE_ERROR',
        message: expect.stringMatching(/^broken\.ttl:3:\d+: /),
        details: expect.objectContaining({ file: 'broken.ttl', line: 3 }),
      }),
    );
  });

  it('turns blank nodes into the same IRIs every time the same text is read', () => {
    const text = '@prefix ex: <https://example.org/> .\nex:a ex:b [ ex:c "x" ] .\n';
    const first = parseTurtle(text, 'a.ttl');
    const second = parseTurtle(text, 'a.ttl');
    expect([...keys(first)]).toEqual([...keys(second)]);
    expect(first.every((q) => q.subject.termType === 'NamedNode' && q.object.termType !== 'BlankNode')).toBe(true);
  });
});

describe('export', () => {
  it.each(RDF_FORMATS)('%s is deterministic and round-trips to the same graph', async (format) => {
    // The ontology part and a slice of the lexicon: every kind of term and literal, a tenth of the time.
    const all = await readSeed();
    const lexical = all.filter((q) => q.subject.value.startsWith(LEXICON_BASE));
    const seed = [...all.filter((q) => !q.subject.value.startsWith(LEXICON_BASE)), ...lexical.slice(0, 5000)];
    const text = await serialize(seed, format);
    expect(await serialize([...seed].reverse(), format)).toBe(text);
    const back = await parseRdf(text, format, `export.${format}`);
    expect(keys(back)).toEqual(keys(seed));
  });
});
