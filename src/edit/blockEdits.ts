// Edits of the non-emotional expressions (src/kb/nonEmotional.ts): `term block "best friend"
// --reason ...` stores the expression so that the tagger no longer matches the emotion word inside
// it; `term unblock` takes it out again. Both are ordinary edits: validated, logged, undoable.
import type { Quad } from '@rdfjs/types';
import { fieldError } from '../errors.js';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import { GraphView } from '../kb/GraphView.js';
import { nonEmotionalIri, nonEmotionalQuads } from '../kb/nonEmotional.js';
import { normaliseLemma } from '../kb/termQuads.js';
import { EMO, ONTOLEX } from '../rdf/namespaces.js';
import { quadKey } from '../rdf/turtle.js';
import { entriesBlockedBy } from '../lexicon/blockedEntries.js';
import type { EditRequest } from './EditRequest.js';
import { arg, conflict, type EditContext, type EditPlan } from './EditPlan.js';
import { isA, lemmaOf } from './removal.js';

type Req<K extends EditRequest['kind']> = Extract<EditRequest, { kind: K }>;

export function planTermBlock(kb: KnowledgeBase, req: Req<'term-block'>, ctx: EditContext): EditPlan {
  const view = GraphView.of(kb);
  const lemma = normaliseLemma(req.text);
  const entry = nonEmotionalIri(lemma);
  if (isA(view, entry, EMO.NonEmotional))
    throw conflict(`text: "${lemma}" is already blocked; \`term unblock ${arg(lemma)}\` first to change it`);
  const blocks = entriesBlockedBy(kb, lemma);
  if (!blocks.length) {
    throw fieldError('NOT_FOUND', 'text', `"${lemma}" holds no word the lexicon matches as an emotion; there is nothing to block`, {
      text: lemma,
    });
  }
  const add = nonEmotionalQuads({
    lemma,
    blocks,
    reason: req.reason,
    provenance: { method: 'manual', author: ctx.author, time: ctx.time },
  });
  const names = blocks.map((b) => `"${lemmaOf(view, b)}"`).join(', ');
  return {
    add,
    remove: [],
    subject: entry,
    summary: `block "${lemma}" (not emotional: ${names} ${blocks.length > 1 ? 'no longer match' : 'no longer matches'} inside it)`,
    command: `term block ${arg(lemma)} --reason ${arg(normaliseLemma(req.reason))}`,
    details: [`entry ${entry}`, ...blocks.map((b) => `blocks ${b}`)],
  };
}

export function planTermUnblock(kb: KnowledgeBase, req: Req<'term-unblock'>): EditPlan {
  const view = GraphView.of(kb);
  const lemma = normaliseLemma(req.text);
  const entry = nonEmotionalIri(lemma);
  if (!isA(view, entry, EMO.NonEmotional)) throw fieldError('NOT_FOUND', 'text', `"${lemma}" is not blocked`, { text: lemma });
  const nodes = [entry, ...view.objects(entry, ONTOLEX.canonicalForm).map((t) => t.value)];
  const remove = new Map<string, Quad>();
  for (const node of nodes) for (const q of [...view.out(node), ...view.in(node)]) remove.set(quadKey(q), q);
  return {
    add: [],
    remove: [...remove.values()],
    subject: entry,
    summary: `unblock "${lemma}" (the emotion words inside it match again)`,
    command: `term unblock ${arg(lemma)}`,
    details: [`entry ${entry}`],
  };
}
