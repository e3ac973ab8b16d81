// Step 5: candidates into the store, in the same OntoLex-lemon shape as hand-made terms
// (src/kb/termQuads.ts) with emo:status emo:Candidate, the pipeline's emo:score and its
// evidence. Idempotent: an entry that exists already, whatever its status, is left alone, so a
// re-run adds nothing twice and never revives a rejected word. Words the ambiguity rules reject are
// stored as emo:Rejected straight away, so that they are remembered (and can be listed) too.
import type { Quad } from '@rdfjs/types';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import { lexicalEntries, type StoredEntry } from '../kb/lexicalEntries.js';
import { candidateQuads, entryIri, entryQuads, senseIri, senseQuads, type TermStatus } from '../kb/termQuads.js';
import type { Candidate } from './pipeline.js';

export const PIPELINE_AGENT = 'emokb expand';

export interface CandidatePlan {
  add: Quad[];
  remove: Quad[];
  added: { candidates: number; rejected: number };
  /** Entries already in the store, by status, that were left as they are. */
  kept: Record<TermStatus, number>;
  /** Accepted or rejected entries replaced through `replaces`. */
  replaced: number;
}

export interface PlanOptions {
  /** ISO time stamped on new candidates (prov:generatedAtTime). */
  time: string;
  /** Replace pending (emo:Candidate) entries with this run's proposal instead of keeping them. */
  refresh?: boolean;
  /**
   * Whether an existing entry may be replaced by this run's proposal anyway. The corpus source
   * uses it for words rejected as *WordNet* proposals: that rejection judged a WordNet sense
   * ("fuck" as a feeling verb), not the word's use in text, so the new proposal is reviewed anew.
   */
  replaces?: (prior: StoredEntry) => boolean;
}

export function planCandidates(kb: KnowledgeBase, candidates: readonly Candidate[], options: PlanOptions): CandidatePlan {
  const existing = lexicalEntries(kb);
  const plan: CandidatePlan = {
    add: [],
    remove: [],
    added: { candidates: 0, rejected: 0 },
    kept: { candidate: 0, accepted: 0, rejected: 0 },
    replaced: 0,
  };
  for (const c of candidates) {
    const iri = entryIri(c.lemma, c.pos);
    const prior = existing.get(iri);
    const replace = prior && ((options.refresh && prior.status === 'candidate') || options.replaces?.(prior));
    if (prior && !replace) {
      plan.kept[prior.status]++;
      continue;
    }
    if (prior) {
      plan.remove.push(...prior.quads);
      if (prior.status !== 'candidate') plan.replaced++;
    }
    plan.add.push(...candidateEntryQuads(c, options.time));
    if (c.rejected) plan.added.rejected++;
    else plan.added.candidates++;
  }
  return plan;
}

export function candidateEntryQuads(c: Candidate, time: string): Quad[] {
  const iri = entryIri(c.lemma, c.pos);
  const status: TermStatus = c.rejected ? 'rejected' : 'candidate';
  const quads = entryQuads({ lemma: c.lemma, pos: c.pos, status });
  for (const s of c.senses) {
    quads.push(
      ...senseQuads({
        entry: iri,
        emotion: s.emotion,
        weight: s.weight,
        kind: s.kind,
        provenance: { method: s.method, time, evidence: s.path, ...(c.rejected ? { author: `${PIPELINE_AGENT} (ambiguity rule)` } : {}) },
      }),
      ...candidateQuads({
        sense: senseIri(iri, s.emotion),
        score: s.score,
        evidence: [...(c.synset ? [`wordnet:sense:${c.synset}`] : []), ...s.evidence, ...(c.rejected ? [`rejected:${c.rejected}`] : [])],
      }),
    );
  }
  return quads;
}
