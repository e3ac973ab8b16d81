// Step 6: review decisions. A decision (accept, reject, reassign, add, block, skip) becomes the quads to
// remove and add; decisions files (TSV or JSON) are parsed and checked as a whole first, so a file
// with an unknown term or emotion names its line and applies nothing. Accepted entries get their
// inflected forms (morphology.ts). Every decision records the reviewer and the time on the entry
// (prov:wasAttributedTo, prov:generatedAtTime) and on each sense, and the change log keeps it too.
import { DataFactory } from '../rdf/n3.js';
import type { NamedNode, Quad } from '@rdfjs/types';
import { EmokbError } from '../errors.js';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import { EMO, ONTOLEX, PROV, XSD } from '../rdf/namespaces.js';
import {
  entryIri,
  entryQuads,
  normaliseLemma,
  otherFormQuads,
  parsePartOfSpeech,
  senseIri,
  senseQuads,
  type PartOfSpeech,
  type SenseKind,
} from '../kb/termQuads.js';
import type { StoredEntry } from '../kb/lexicalEntries.js';
import { formsFor, type MorphologyContext } from './morphology.js';
import { jsonRows, tsvRows } from '../decisionsFile.js';
import { nonEmotionalIri, nonEmotionalQuads } from '../kb/nonEmotional.js';
import { entriesBlockedBy } from '../lexicon/blockedEntries.js';
import { attributionQuad } from '../kb/agents.js';
import { activityQuads, generationQuad } from '../kb/activities.js';

const { literal, namedNode, quad } = DataFactory;

/** Entry evidence of a reject decision on an accepted entry. */
export const REJECTED_AFTER_ACCEPT = 'rejected-after-accept';

/** `block`: the term is a non-emotional expression ("best friend"); its note is the reason (src/kb/nonEmotional.ts). */
export type Action = 'accept' | 'reject' | 'reassign' | 'add' | 'block' | 'skip';
export const ACTIONS: readonly Action[] = ['accept', 'reject', 'reassign', 'add', 'block', 'skip'];

export interface Decision {
  term: string;
  pos?: PartOfSpeech;
  action: Action;
  /** For reassign and add: emotion references (id, label or IRI) with optional weights. */
  emotions?: Array<{ emotion: string; weight?: number }>;
  kind?: SenseKind;
  note?: string;
  /** Where it came from, for messages: `file:line`. */
  source?: string;
}

export interface ResolvedDecision extends Decision {
  entry: string;
  resolvedEmotions: Array<{ iri: string; weight?: number }>;
  /** For block: the entries it stops. */
  blocks?: string[];
}

/** TSV: term, pos, decision, emotions (`id[:weight],...`), kind (names|evokes), note. `#` starts a comment. */
export function parseDecisionsTsv(text: string, file: string): Decision[] {
  return tsvRows(text, file, 'term', 2).map(({ value: [term = '', pos = '', action = '', emotions = '', kind = '', note = ''], source }) =>
    decisionFrom({ term, pos, decision: action, emotions, kind, note }, source),
  );
}

export function parseDecisionsJson(text: string, file: string): Decision[] {
  return jsonRows(text, file, 'an array of decisions').map(({ value: r, source }) => {
    const emotions = Array.isArray(r.emotions) ? r.emotions.join(',') : String(r.emotion ?? r.emotions ?? '');
    return decisionFrom(
      {
        term: String(r.term ?? ''),
        pos: String(r.pos ?? ''),
        decision: String(r.decision ?? ''),
        emotions,
        kind: String(r.kind ?? ''),
        note: String(r.note ?? ''),
      },
      source,
    );
  });
}

function decisionFrom(f: Record<'term' | 'pos' | 'decision' | 'emotions' | 'kind' | 'note', string>, source: string): Decision {
  const fail = (message: string) => {
    throw new EmokbError('BAD_INPUT', `${source}: ${message}; nothing was applied`, { source });
  };
  const term = normaliseLemma(f.term);
  if (!term) fail('no term');
  const action = f.decision.trim().toLowerCase() as Action;
  if (!ACTIONS.includes(action)) fail(`"${f.decision}" is not a decision; use one of ${ACTIONS.join(', ')}`);
  let pos: PartOfSpeech | undefined;
  if (f.pos.trim()) {
    try {
      pos = parsePartOfSpeech(f.pos);
    } catch {
      fail(`"${f.pos}" is not a part of speech (noun, verb, adjective, adverb)`);
    }
  }
  const emotions = f.emotions
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)
    .map((e) => {
      const m = /^(.*?)(?::(\d*\.?\d+))?$/.exec(e)!;
      const weight = m[2] === undefined ? undefined : Number(m[2]);
      if (weight !== undefined && !(weight >= 0 && weight <= 1)) fail(`weight ${m[2]} of ${m[1]} is not in [0, 1]`);
      return { emotion: m[1]!, ...(weight === undefined ? {} : { weight }) };
    });
  if ((action === 'reassign' || action === 'add') && !emotions.length) fail(`${action} needs an emotion`);
  if (action === 'block' && emotions.length) fail('block takes no emotion (a non-emotional expression has none)');
  if (action === 'block' && f.note.trim().length < 3) fail('block needs the reason in the note column');
  const kind = f.kind.trim().toLowerCase();
  if (kind && kind !== 'names' && kind !== 'evokes') fail(`"${f.kind}" is not a sense kind; use names or evokes`);
  return {
    term,
    action,
    source,
    ...(pos ? { pos } : {}),
    ...(emotions.length ? { emotions } : {}),
    ...(kind ? { kind: kind as SenseKind } : {}),
    ...(f.note ? { note: f.note } : {}),
  };
}

/** Checks every decision against the snapshot; the first problem (with its line) throws, nothing is applied. */
export function resolveDecisions(
  kb: KnowledgeBase,
  entries: ReadonlyMap<string, StoredEntry>,
  decisions: readonly Decision[],
): ResolvedDecision[] {
  const byLemma = new Map<string, StoredEntry[]>();
  for (const e of entries.values()) {
    const key = e.lemma.toLowerCase();
    (byLemma.get(key) ?? (byLemma.set(key, []), byLemma.get(key)!)).push(e);
  }
  return decisions.map((d) => {
    const where = d.source ? `${d.source}: ` : '';
    const resolvedEmotions = (d.emotions ?? []).map((e) => {
      try {
        return { iri: kb.resolve(e.emotion).iri, ...(e.weight === undefined ? {} : { weight: e.weight }) };
      } catch (error) {
        throw new EmokbError('NOT_FOUND', `${where}unknown emotion "${e.emotion}" (${(error as Error).message}); nothing was applied`, {
          source: d.source,
        });
      }
    });
    let entry: string;
    if (d.action === 'block') {
      const blocks = entriesBlockedBy(kb, d.term);
      if (!blocks.length) {
        throw new EmokbError(
          'NOT_FOUND',
          `${where}"${d.term}" holds no word the lexicon matches as an emotion; nothing to block; nothing was applied`,
          {
            source: d.source,
          },
        );
      }
      return { ...d, entry: nonEmotionalIri(d.term), resolvedEmotions, blocks };
    }
    if (d.action === 'add') {
      // Interjections and formulae ("phew", "oh no") have no lexinfo part of speech here.
      entry = entryIri(d.term, d.pos);
    } else {
      const matches = (byLemma.get(d.term.toLowerCase()) ?? []).filter((e) => !d.pos || e.pos === d.pos);
      if (!matches.length) {
        throw new EmokbError(
          'NOT_FOUND',
          `${where}no candidate "${d.term}"${d.pos ? ` (${d.pos})` : ''} in the store; nothing was applied`,
          { source: d.source },
        );
      }
      if (matches.length > 1) {
        throw new EmokbError(
          'BAD_INPUT',
          `${where}"${d.term}" is ${matches.length} entries (${matches.map((m) => m.pos).join(', ')}); give the part of speech; nothing was applied`,
          { source: d.source },
        );
      }
      entry = matches[0]!.iri;
    }
    return { ...d, entry, resolvedEmotions };
  });
}

export interface DecisionContext {
  reviewer: string;
  time: string;
  /** The review run's prov:Activity (kb/activities.ts): what every entry and sense it writes was generated by. */
  activity?: NamedNode;
  morphology?: MorphologyContext;
}

export interface DecisionPlan {
  add: Quad[];
  remove: Quad[];
  /** Generated forms that were left out because they are other words. */
  flagged: Array<{ term: string; form: string; reason: string }>;
  counts: Record<Action, number>;
}

const DEFAULT_WEIGHT: Record<SenseKind, number> = { names: 0.8, evokes: 0.5 };

/** The quads for a list of resolved decisions; later decisions on the same entry see earlier ones. */
export function planDecisions(
  entries: Map<string, StoredEntry>,
  decisions: readonly ResolvedDecision[],
  ctx: DecisionContext,
): DecisionPlan {
  const plan: DecisionPlan = { add: [], remove: [], flagged: [], counts: { accept: 0, reject: 0, reassign: 0, add: 0, block: 0, skip: 0 } };
  for (const d of decisions) {
    plan.counts[d.action]++;
    if (d.action === 'skip') continue;
    const prior = entries.get(d.entry);
    const next =
      d.action === 'block'
        ? nonEmotionalQuads({
            lemma: prior?.lemma ?? d.term,
            blocks: d.blocks ?? [],
            reason: d.note ?? '',
            provenance: {
              method: 'manual',
              author: ctx.reviewer,
              time: ctx.time,
              ...(ctx.activity ? { activity: ctx.activity.value } : {}),
            },
          })
        : decisionQuads(prior, d, ctx, plan.flagged);
    if (prior) plan.remove.push(...prior.quads);
    plan.add.push(...next);
    const lemma = prior?.lemma ?? d.term;
    entries.set(d.entry, {
      iri: d.entry,
      lemma,
      pos: prior?.pos ?? d.pos,
      status: d.action === 'reject' ? 'rejected' : 'accepted',
      quads: next,
      senses: d.action === 'block' ? [] : (prior?.senses ?? []),
    });
  }
  // The run's own description, made from what it generated (kb/activities.ts).
  if (ctx.activity) plan.add.push(...activityQuads(plan.add));
  // A quad both removed and re-added stays; KnowledgeService drops removals of re-added quads.
  return plan;
}

function decisionQuads(
  prior: StoredEntry | undefined,
  d: ResolvedDecision,
  ctx: DecisionContext,
  flagged: DecisionPlan['flagged'],
): Quad[] {
  const entry = namedNode(d.entry);
  const lemma = prior?.lemma ?? d.term;
  const pos = prior?.pos ?? d.pos;
  const status = d.action === 'reject' ? 'rejected' : 'accepted';
  const out = entryQuads({ lemma, ...(pos ? { pos } : {}), status });
  const reviewed = [attributionQuad(entry, ctx.reviewer), quad(entry, PROV.generatedAtTime, literal(ctx.time, XSD.dateTime))];
  if (ctx.activity) reviewed.push(generationQuad(entry, ctx.activity));
  const keep = (q: Quad) =>
    !(
      q.subject.equals(entry) &&
      (q.predicate.equals(EMO.status) ||
        q.predicate.equals(PROV.wasAttributedTo) ||
        q.predicate.equals(PROV.generatedAtTime) ||
        q.predicate.equals(PROV.wasGeneratedBy))
    );
  const priorQuads = (prior?.quads ?? []).filter(keep);
  if (d.action === 'accept' || d.action === 'reject') {
    if (!prior) throw new EmokbError('NOT_FOUND', `${d.source ?? d.term}: no candidate to ${d.action}`);
    // Keep the senses as proposed, with the reviewer added.
    // The sense is now this review's output: its earlier attribution and generating activity give way.
    out.push(...priorQuads.filter((q) => !q.predicate.equals(PROV.wasAttributedTo) && !q.predicate.equals(PROV.wasGeneratedBy)));
    // A word taken back after acceptance is a judgement of the word, not of one proposal: marked so
    // that no later candidate source reopens it (`replacesWordNetRejection`).
    if (d.action === 'reject' && prior.status === 'accepted') out.push(quad(entry, EMO.evidence, literal(REJECTED_AFTER_ACCEPT)));
    for (const s of prior.senses) {
      out.push(attributionQuad(namedNode(s.iri), ctx.reviewer));
      if (ctx.activity) out.push(generationQuad(namedNode(s.iri), ctx.activity));
    }
  } else {
    // reassign / add: the senses are replaced by the given emotions.
    const first = prior?.senses[0];
    const kind: SenseKind = d.kind ?? first?.kind ?? 'names';
    const baseWeight = first ? Math.max(...prior!.senses.map((s) => s.weight)) : DEFAULT_WEIGHT[kind];
    const n = d.resolvedEmotions.length;
    // The evidence that still speaks for the word under its new emotion: a WordNet proposal's
    // relation path (its sense choice and competitors were about the old emotion); everything
    // else a source recorded (a corpus's counts and surface forms).
    const carried = !first
      ? []
      : first.method.startsWith('wordnet')
        ? [first.evidence.find((x) => x.startsWith('wordnet:') && !x.startsWith('wordnet:sense:')) ?? first.evidence[0]].filter(
            (x): x is string => x !== undefined,
          )
        : first.evidence;
    const senseIris = new Set(prior?.senses.map((s) => s.iri) ?? []);
    out.push(...priorQuads.filter((q) => !senseIris.has(q.subject.value) && !q.predicate.equals(ONTOLEX.sense)));
    for (const e of d.resolvedEmotions) {
      const weight = e.weight ?? Math.round((baseWeight / n) * 100) / 100;
      out.push(
        ...senseQuads({
          entry: d.entry,
          emotion: e.iri,
          weight,
          kind,
          provenance: {
            method: first ? first.method : 'manual',
            author: ctx.reviewer,
            time: ctx.time,
            ...(ctx.activity ? { activity: ctx.activity.value } : {}),
            ...(first ? { evidence: carried[0] } : d.note ? { evidence: `manual:${d.note}` } : {}),
          },
        }),
      );
      if (first) {
        const sense = namedNode(senseIri(d.entry, e.iri));
        for (const x of carried.slice(1)) out.push(quad(sense, EMO.evidence, literal(x)));
        out.push(quad(sense, EMO.evidence, literal(`reassigned-from:${first.emotion.split('/').pop()}`)));
      }
    }
  }
  if (status === 'accepted' && pos && ctx.morphology) {
    const { forms, flagged: bad } = formsFor(lemma, pos, ctx.morphology);
    for (const f of forms) out.push(...otherFormQuads(d.entry, f));
    for (const b of bad) {
      flagged.push({ term: lemma, ...b });
      out.push(quad(entry, EMO.evidence, literal(`form-flagged:${b.form}`)));
    }
  }
  out.push(...reviewed);
  return dedupe(out);
}

function dedupe(quads: Quad[]): Quad[] {
  const seen = new Set<string>();
  return quads.filter((q) => {
    const k = `${q.subject.value} ${q.predicate.value} ${q.object.termType}:${q.object.value}:${(q.object as { datatype?: { value: string } }).datatype?.value ?? ''}:${(q.object as { language?: string }).language ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
