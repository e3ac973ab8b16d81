// Slots in multiword forms: "one's" in a written form stands for the possessive determiners the
// ontology lists (emo:ownerSlot), so "lose one's job" matches "lost my job" and "lost their jobs".
import { beforeAll, describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../src/kb/KnowledgeBase.js';
import { seedFiles } from '../../src/kb/seed.js';
import { openSlots } from '../../src/lexicon/slots.js';
import { parseTurtle, readTurtleFile } from '../../src/rdf/turtle.js';
import { Tagger } from '../../src/tagger/Tagger.js';

const ENTRY = `@prefix emo: <https://w3id.org/emokb/ontology#> . @prefix emotion: <https://w3id.org/emokb/emotion/> .
@prefix ontolex: <http://www.w3.org/ns/lemon/ontolex#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://w3id.org/emokb/lexicon/en/lose_one's_job-verb> a ontolex:LexicalEntry ; emo:status emo:Accepted ;
  ontolex:canonicalForm <https://w3id.org/emokb/lexicon/en/lose_one's_job-verb#form> ;
  ontolex:sense <https://w3id.org/emokb/lexicon/en/lose_one's_job-verb#sense-sadness-primary> .
<https://w3id.org/emokb/lexicon/en/lose_one's_job-verb#form> a ontolex:Form ; ontolex:writtenRep "lose one's job"@en .
<https://w3id.org/emokb/lexicon/en/lose_one's_job-verb#sense-sadness-primary> a ontolex:LexicalSense ;
  ontolex:reference emotion:sadness-primary ; emo:weight "0.5"^^xsd:decimal ; emo:senseKind emo:Evokes .`;

async function ontology(withSlot: boolean) {
  const files = (await seedFiles()).filter((f) => !f.includes('/lexicons/'));
  const quads = (await Promise.all(files.map(readTurtleFile))).flat();
  return withSlot ? quads : quads.filter((q) => !q.predicate.value.endsWith('#slotFiller'));
}

describe('openSlots', () => {
  const slots = new Map([["one's", ['her', 'my']]]);
  it('fills every slot word with each filler, every combination', () => {
    expect(openSlots("lose one's job", slots)).toEqual(['lose her job', 'lose my job']);
    expect(openSlots("one's own one's", slots)).toEqual(['her own her', 'her own my', 'my own her', 'my own my']);
  });
  it('gives nothing for a key without a slot word', () => {
    expect(openSlots('pass away', slots)).toEqual([]);
    expect(openSlots("lose one's job", new Map())).toEqual([]);
  });
});

describe('the owner slot in the compiled lexicon', () => {
  let tagger: Tagger;
  beforeAll(async () => {
    tagger = Tagger.for(KnowledgeBase.fromQuads([...(await ontology(true)), ...parseTurtle(ENTRY, 'entry.ttl')]));
  });

  it('matches the expression with any possessive, its verb and noun inflected', () => {
    for (const text of ['I lost my job last week', 'they lost their jobs', 'she is losing her job', "lose one's job"]) {
      const m = tagger.tag(text).matches!;
      expect(
        m.map((x) => [x.lemma, x.emotion, x.kind]),
        text,
      ).toEqual([["lose one's job", 'sadness', 'evokes']]);
    }
  });

  it('does not match another determiner, nor without the slot knowledge in the ontology', async () => {
    expect(tagger.tag('I lost the job offer').matches!.map((m) => m.lemma)).not.toContain("lose one's job");
    const without = Tagger.for(KnowledgeBase.fromQuads([...(await ontology(false)), ...parseTurtle(ENTRY, 'entry.ttl')]));
    expect(without.tag('I lost my job').matches!.map((m) => m.lemma)).not.toContain("lose one's job");
  });
});
