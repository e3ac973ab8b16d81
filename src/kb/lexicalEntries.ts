// The lexical entries of a snapshot as the store holds them (OntoLex-lemon, src/kb/termQuads.ts):
// each entry's lemma, part of speech, status, senses and quads. Read by the expansion pipeline (to
// leave stored words alone) and the linkers (the emotion terms they reason over).
import { STATUS_OF } from './reviewStatus.js';
import type { Quad } from '@rdfjs/types';
import type { KnowledgeBase } from './KnowledgeBase.js';
import { EMO, ONTOLEX, RDF } from '../rdf/namespaces.js';
import { PARTS_OF_SPEECH, type PartOfSpeech, type TermStatus } from './termQuads.js';

export interface StoredEntry {
  iri: string;
  lemma: string;
  pos: PartOfSpeech | undefined;
  status: TermStatus;
  /** Every quad of the entry: its own, its forms' and its senses' (subjects `<entry>` and `<entry>#...`). */
  quads: Quad[];
  senses: Array<{
    iri: string;
    emotion: string;
    weight: number;
    kind: 'names' | 'evokes';
    method: string;
    evidence: string[];
    score: number | null;
  }>;
}

/** Every lexical entry of a snapshot with its status, senses and quads, in IRI order. */
export function lexicalEntries(kb: KnowledgeBase): Map<string, StoredEntry> {
  const entries = new Set<string>();
  const bySubject = new Map<string, Quad[]>();
  for (const q of kb.quads) {
    if (q.predicate.equals(RDF.type) && q.object.equals(ONTOLEX.LexicalEntry)) entries.add(q.subject.value);
    const list = bySubject.get(q.subject.value);
    if (list) list.push(q);
    else bySubject.set(q.subject.value, [q]);
  }
  const out = new Map<string, StoredEntry>();
  for (const iri of [...entries].sort()) {
    const own = bySubject.get(iri) ?? [];
    const get = (list: Quad[], p: string) => list.filter((q) => q.predicate.value === p).map((q) => q.object.value);
    const formIri = get(own, ONTOLEX.canonicalForm.value)[0];
    const formQuads = formIri ? (bySubject.get(formIri) ?? []) : [];
    const others = get(own, ONTOLEX.otherForm.value).flatMap((f) => bySubject.get(f) ?? []);
    const senseIris = get(own, ONTOLEX.sense.value).sort();
    const senseQuadList = senseIris.flatMap((s) => bySubject.get(s) ?? []);
    // The reviewed part of speech (the one of the IRI); a default given for RDF tools (kb/entryClass.ts) is not one.
    const pos = get(own, 'http://www.lexinfo.net/ontology/3.0/lexinfo#partOfSpeech')
      .map((v) => v.split('#')[1] as PartOfSpeech)
      .find((p) => PARTS_OF_SPEECH.includes(p) && iri.endsWith(`-${p}`));
    out.set(iri, {
      iri,
      lemma: get(formQuads, ONTOLEX.writtenRep.value)[0] ?? '',
      pos,
      status: STATUS_OF[get(own, EMO.status.value)[0] ?? ''] ?? 'accepted',
      quads: [...own, ...formQuads, ...others, ...senseQuadList],
      senses: senseIris.map((s) => {
        const list = bySubject.get(s) ?? [];
        const score = get(list, EMO.score.value)[0];
        return {
          iri: s,
          emotion: get(list, ONTOLEX.reference.value)[0] ?? '',
          weight: Number(get(list, EMO.weight.value)[0] ?? 0),
          kind: get(list, EMO.senseKind.value)[0] === EMO.Evokes.value ? 'evokes' : 'names',
          method: get(list, EMO.method.value)[0] ?? '',
          evidence: get(list, EMO.evidence.value).sort(),
          score: score === undefined ? null : Number(score),
        };
      }),
    });
  }
  return out;
}
