// Planning term edits and the shared OntoLex term shape (src/kb/termQuads.ts): IRIs, weights,
// senses, provenance, and the refusals a curator meets.
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/kb/KnowledgeBase.js';
import { entryIri, senseIri, weightLiteral } from '../../src/kb/termQuads.js';
import { applied, ctx, E, LEX, lines, plan, refusal, seededKb } from './helpers.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await seededKb();
});

const O = 'http://www.w3.org/ns/lemon/ontolex#';
const EMO = 'https://w3id.org/emokb/ontology#';

describe('term IRIs and quads (src/kb/termQuads.ts)', () => {
  it('derives the entry IRI from the lowercase lemma and part of speech, percent-encoding what is unsafe', () => {
    expect(entryIri('Fed up', 'adjective')).toBe(`${LEX}fed_up-adjective`);
    expect(entryIri("can't stand")).toBe(`${LEX}can%27t_stand`);
    expect(entryIri('  über   glücklich ')).toBe(`${LEX}%C3%BCber_gl%C3%BCcklich`);
    expect(senseIri(`${LEX}furious`, `${E}rage-secondary`)).toBe(`${LEX}furious#sense-rage-secondary`);
  });

  it('writes weights as xsd:decimal with at least one decimal, never in exponent form, and refuses out-of-range ones', () => {
    expect(weightLiteral(1).value).toBe('1.0');
    expect(weightLiteral(0.8).value).toBe('0.8');
    expect(weightLiteral(0.0000001).value).toBe('0.0');
    expect(weightLiteral(0.25).datatype.value).toBe('http://www.w3.org/2001/XMLSchema#decimal');
    refusal(() => weightLiteral(1.5), 'BAD_INPUT');
    refusal(() => weightLiteral(Number.NaN), 'BAD_INPUT');
  });
});

describe('term add', () => {
  it('adds an accepted OntoLex entry with its form, part of speech and a sense with weight, kind and provenance', () => {
    const p = plan(kb, { kind: 'term-add', text: 'Fed  up', emotion: 'exasperation-secondary', weight: '0.8', pos: 'ADJECTIVE' });
    const entry = `${LEX}fed_up-adjective`;
    const sense = `${entry}#sense-exasperation-secondary`;
    const RUN = 'https://w3id.org/emokb/activity/edit/20260102T030405000Z';
    expect(p.subject).toBe(entry);
    expect(lines(p.add)).toEqual(
      [
        `<${entry}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${O}LexicalEntry> .`,
        `<${entry}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${O}MultiwordExpression> .`,
        `<${entry}> <${O}canonicalForm> <${entry}#form> .`,
        `<${entry}#form> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${O}Form> .`,
        `<${entry}#form> <${O}writtenRep> "Fed up"@en .`,
        `<${entry}> <http://www.lexinfo.net/ontology/3.0/lexinfo#partOfSpeech> <http://www.lexinfo.net/ontology/3.0/lexinfo#adjective> .`,
        `<${entry}> <${EMO}status> <${EMO}Accepted> .`,
        `<${entry}> <${O}sense> <${sense}> .`,
        `<${sense}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${O}LexicalSense> .`,
        `<${sense}> <${O}reference> <${E}exasperation-secondary> .`,
        `<${sense}> <${EMO}weight> "0.8"^^<http://www.w3.org/2001/XMLSchema#decimal> .`,
        `<${sense}> <${EMO}senseKind> <${EMO}Names> .`,
        `<${sense}> <${EMO}method> "manual" .`,
        `<${sense}> <http://www.w3.org/ns/prov#wasAttributedTo> <https://w3id.org/emokb/agent/Test_Curator> .`,
        `<${sense}> <http://www.w3.org/ns/prov#generatedAtTime> "${ctx.time}"^^<http://www.w3.org/2001/XMLSchema#dateTime> .`,
        // the edit as a PROV activity of its author, named by its time
        `<${sense}> <http://www.w3.org/ns/prov#wasGeneratedBy> <${RUN}> .`,
        `<${RUN}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/prov#Activity> .`,
        `<${RUN}> <http://www.w3.org/2000/01/rdf-schema#label> "edit 20260102T030405000Z" .`,
        `<${RUN}> <http://www.w3.org/ns/prov#wasAssociatedWith> <https://w3id.org/emokb/agent/Test_Curator> .`,
        `<${RUN}> <http://www.w3.org/ns/prov#startedAtTime> "${ctx.time}"^^<http://www.w3.org/2001/XMLSchema#dateTime> .`,
        `<${RUN}> <http://www.w3.org/ns/prov#endedAtTime> "${ctx.time}"^^<http://www.w3.org/2001/XMLSchema#dateTime> .`,
      ].sort(),
    );
  });

  it('gives a term added without a part of speech the standard one an RDF tool expects: "ugh" is an interjection and a Word', () => {
    const p = plan(kb, { kind: 'term-add', text: 'meh-ugh', emotion: 'exasperation-secondary' });
    expect(lines(p.add)).toContain(
      `<${LEX}meh-ugh> <http://www.lexinfo.net/ontology/3.0/lexinfo#partOfSpeech> <http://www.lexinfo.net/ontology/3.0/lexinfo#interjection> .`,
    );
    expect(lines(p.add)).toContain(`<${LEX}meh-ugh> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${O}Word> .`);
    // the IRI keeps the reviewed part of speech only (none here)
    expect(p.subject).toBe(`${LEX}meh-ugh`);
  });

  it('adds a further sense to an existing entry (weight 1.0 by default, Evokes on request) and refuses a second sense for the same emotion', () => {
    const k = applied(kb, plan(kb, { kind: 'term-add', text: 'funeral', emotion: 'grief', weight: 0.6, evokes: true }));
    const p = plan(k, { kind: 'term-add', text: 'Funeral', emotion: 'sorrow' });
    expect(p.add.filter((q) => q.predicate.value === `${O}writtenRep`)).toEqual([]);
    expect(lines(p.add).join('\n')).toContain('"1.0"^^<http://www.w3.org/2001/XMLSchema#decimal>');
    expect(lines(k.quads.filter((q) => q.subject.value.endsWith('#sense-grief')))).toContain(
      `<${LEX}funeral#sense-grief> <${EMO}senseKind> <${EMO}Evokes> .`,
    );
    const twice = refusal(() => plan(k, { kind: 'term-add', text: 'funeral', emotion: 'grief' }), 'CONFLICT');
    expect(twice.message).toContain('already has a sense for "grief" (grief) (weight 0.6)');
  });

  it('refuses a term the tagger would not read whole, naming what it would drop; takes emoji, known faces and loose apostrophes', () => {
    // ":P" is no face the tokenizer knows: its key would be the letter "p"
    const face = refusal(() => plan(kb, { kind: 'term-add', text: ':P', emotion: 'amusement' }), 'BAD_INPUT');
    expect(face.message).toMatch(/^text: the tagger would not read ":" of ":P"/);
    expect(face.details).toMatchObject({ field: 'text', unread: ':' });
    expect(refusal(() => plan(kb, { kind: 'term-add', text: '(sigh)', emotion: 'sadness-tertiary' }), 'BAD_INPUT').details?.unread).toBe(
      '()',
    );
    // a run of marks the compiler reads no entry for ("?!": only "?" and "!" are punctuation cues)
    expect(refusal(() => plan(kb, { kind: 'term-add', text: '?!', emotion: 'surprise-secondary' }), 'BAD_INPUT').details?.unread).toBe(
      '?!',
    );
    for (const text of ['🥹', '<3', "at one's wits' end", 'oh, no', '?'])
      expect(plan(kb, { kind: 'term-add', text, emotion: 'gladness' }).add.length).toBeGreaterThan(0);
  });

  it('refuses a bad weight, an unknown part of speech and an unknown emotion, naming the field', () => {
    expect(refusal(() => plan(kb, { kind: 'term-add', text: 'x', emotion: 'fury', weight: '1.5' }), 'BAD_INPUT').message).toMatch(
      /^weight: "1.5" is not a weight/,
    );
    expect(refusal(() => plan(kb, { kind: 'term-add', text: 'x', emotion: 'fury', weight: '-0.1' }), 'BAD_INPUT').details?.field).toBe(
      'weight',
    );
    expect(refusal(() => plan(kb, { kind: 'term-add', text: 'x', emotion: 'fury', pos: 'adj' }), 'BAD_INPUT').message).toMatch(
      /^pos: "adj" is not a part of speech/,
    );
    expect(refusal(() => plan(kb, { kind: 'term-add', text: 'x', emotion: 'furry' }), 'NOT_FOUND').message).toMatch(
      /^emotion: no emotion "furry"; did you mean "fury"/,
    );
  });
});

describe('term remove, reweight, move', () => {
  let k: KnowledgeBase;
  beforeAll(() => {
    k = applied(kb, plan(kb, { kind: 'term-add', text: 'livid', emotion: 'fury', pos: 'adjective', weight: 0.9 }));
    k = applied(k, plan(k, { kind: 'term-add', text: 'livid', emotion: 'rage-tertiary', pos: 'adjective', weight: 0.5 }));
  });

  it('removes one sense, or the whole entry with its form and senses', () => {
    const one = applied(k, plan(k, { kind: 'term-remove', text: 'livid', emotion: 'fury' }));
    expect(one.counts).toMatchObject({ terms: 1, senses: 1 });
    const all = applied(k, plan(k, { kind: 'term-remove', text: 'livid' }));
    expect(all.quads.filter((q) => q.subject.value.startsWith(`${LEX}livid`) || q.object.value.startsWith(`${LEX}livid`))).toEqual([]);
    const last = applied(one, plan(one, { kind: 'term-remove', text: 'livid', emotion: 'rage-tertiary' }));
    expect(last.counts).toMatchObject({ terms: 0, senses: 0 });
  });

  it('reweights the sense that is meant, and asks which one when the term has several', () => {
    const asked = refusal(() => plan(k, { kind: 'term-reweight', text: 'livid', weight: 0.5 }), 'BAD_INPUT');
    expect(asked.message).toContain('has 2 senses (fury, rage-tertiary); say which with --emotion');
    const p = plan(k, { kind: 'term-reweight', text: 'livid', emotion: 'fury', weight: 0.25 });
    expect(lines(p.add)).toEqual([
      `<${LEX}livid-adjective#sense-fury> <${EMO}weight> "0.25"^^<http://www.w3.org/2001/XMLSchema#decimal> .`,
    ]);
    expect(lines(p.remove)).toEqual([
      `<${LEX}livid-adjective#sense-fury> <${EMO}weight> "0.9"^^<http://www.w3.org/2001/XMLSchema#decimal> .`,
    ]);
  });

  it('moves a sense to another emotion, keeping its data, and refuses a move onto a sense it already has', () => {
    const moved = applied(k, plan(k, { kind: 'term-move', text: 'livid', emotion: 'fury', to: 'wrath' }));
    const sense = `${LEX}livid-adjective#sense-wrath`;
    expect(moved.quads.filter((q) => q.subject.value === sense).map((q) => q.object.value)).toEqual(
      expect.arrayContaining([`${E}wrath`, '0.9', 'manual', 'https://w3id.org/emokb/agent/Test_Curator']),
    );
    expect(moved.quads.some((q) => q.subject.value.endsWith('#sense-fury') || q.object.value.endsWith('#sense-fury'))).toBe(false);
    refusal(() => plan(k, { kind: 'term-move', text: 'livid', emotion: 'fury', to: 'rage-tertiary' }), 'CONFLICT');
  });

  it('finds no term that is not there, and tells entries of several parts of speech apart', () => {
    expect(refusal(() => plan(k, { kind: 'term-remove', text: 'lived' }), 'NOT_FOUND').message).toBe('text: no term "lived"');
    const noun = applied(k, plan(k, { kind: 'term-add', text: 'livid', emotion: 'fury', pos: 'noun', weight: 0.1 }));
    const ambiguous = refusal(() => plan(noun, { kind: 'term-remove', text: 'livid' }), 'AMBIGUOUS_LABEL');
    expect(ambiguous.message).toContain('give --pos');
    expect(plan(noun, { kind: 'term-remove', text: 'livid', pos: 'noun' }).subject).toBe(`${LEX}livid-noun`);
  });
});
