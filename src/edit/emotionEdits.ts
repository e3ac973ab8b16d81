// Edits of the hierarchy itself: add, rename, move, define and remove an emotion. Each turns a
// request and a snapshot into the quads to add and remove; the SHACL rules are checked afterwards
// on the whole proposed graph, but the common mistakes are refused here first with a message that
// says what to do instead.
//
// Moving keeps tiers fixed: an emotion moves only to a parent at the same tier as its old one, so
// it and its subtree keep their tiers. Parrott's tiers are three fixed levels of granularity; a
// secondary moved under another secondary would push its tertiaries to a fourth tier, and a tertiary
// promoted under a primary would change what the node means. Such a change is a remove and an add.
import { DataFactory } from '../rdf/n3.js';
import type { Quad } from '@rdfjs/types';
import { TIERS, type Emotion } from '../kb/Emotion.js';
import { normaliseLabel, type KnowledgeBase } from '../kb/KnowledgeBase.js';
import { EMO, RDF, SKOS } from '../rdf/namespaces.js';
import type { EditRequest } from './EditRequest.js';
import { arg, badInput, conflict, named, resolveEmotion, type EditContext, type EditPlan } from './EditPlan.js';
import { mintEmotionIri } from './emotionIri.js';
import { GraphView } from '../kb/GraphView.js';
import { planRemoval } from './removal.js';
import { EmokbError } from '../errors.js';

const { namedNode, literal, quad } = DataFactory;
const TIER_NODE = { primary: EMO.Primary, secondary: EMO.Secondary, tertiary: EMO.Tertiary };
const VALENCE_NODE = { positive: EMO.Positive, negative: EMO.Negative, ambiguous: EMO.Ambiguous };
const LANGUAGE = 'en';

type Req<K extends EditRequest['kind']> = Extract<EditRequest, { kind: K }>;

export function planEmotionAdd(kb: KnowledgeBase, req: Req<'emotion-add'>, _ctx: EditContext): EditPlan {
  const parent = resolveEmotion(kb, req.parent, 'parent');
  const tier = TIERS[TIERS.indexOf(parent.tier) + 1];
  if (!tier) {
    throw badInput(
      'parent',
      `${named(parent)} is tertiary, the lowest of Parrott's three tiers; put the new emotion under a primary or a secondary emotion`,
    );
  }
  assertNoSibling(kb, parent, req.label);
  const view = GraphView.of(kb);
  const iri = mintEmotionIri(req.label, tier, (candidate) => view.mentions(candidate));
  const node = namedNode(iri);
  const valence = req.valence ?? parent.valence;
  const add: Quad[] = [
    quad(node, RDF.type, EMO.Emotion),
    quad(node, RDF.type, SKOS.Concept),
    quad(node, SKOS.inScheme, EMO.Parrott),
    quad(node, SKOS.prefLabel, literal(req.label, LANGUAGE)),
    quad(node, SKOS.definition, literal(req.definition, LANGUAGE)),
    quad(node, EMO.tier, TIER_NODE[tier]),
    quad(node, EMO.valence, VALENCE_NODE[valence]),
    quad(node, SKOS.broader, namedNode(parent.iri)),
    quad(namedNode(parent.iri), SKOS.narrower, node),
  ];
  return {
    add,
    remove: [],
    subject: iri,
    summary: `add ${tier} emotion "${req.label}" under ${named(parent)}`,
    command: `emotion add ${arg(req.label)} --parent ${parent.id} --definition ${arg(req.definition)}${req.valence ? ` --valence ${req.valence}` : ''}`,
    details: [`iri ${iri}`, `tier ${tier}, valence ${valence}${req.valence ? '' : ` (the parent's)`}`],
  };
}

export function planEmotionRename(kb: KnowledgeBase, req: Req<'emotion-rename'>): EditPlan {
  const e = resolveEmotion(kb, req.emotion, 'emotion');
  if (e.label === req.label) throw conflict(`emotion: ${named(e)} is already labelled "${req.label}"`);
  if (e.parent) assertNoSibling(kb, kb.emotion(e.parent)!, req.label, e.iri);
  else if (kb.tier('primary').some((p) => p.iri !== e.iri && normaliseLabel(p.label) === normaliseLabel(req.label))) {
    throw conflict(`label: another primary emotion is already labelled "${req.label}"`);
  }
  const node = namedNode(e.iri);
  return {
    add: [quad(node, SKOS.prefLabel, literal(req.label, LANGUAGE))],
    remove: GraphView.of(kb).out(e.iri, SKOS.prefLabel),
    subject: e.iri,
    summary: `rename ${named(e)} to "${req.label}" (the IRI stays)`,
    command: `emotion rename ${e.id} ${arg(req.label)}`,
    details: [],
  };
}

export function planEmotionDefine(kb: KnowledgeBase, req: Req<'emotion-define'>): EditPlan {
  const e = resolveEmotion(kb, req.emotion, 'emotion');
  if (e.definition === req.definition) throw conflict(`emotion: ${named(e)} already has that definition`);
  return {
    add: [quad(namedNode(e.iri), SKOS.definition, literal(req.definition, LANGUAGE))],
    remove: GraphView.of(kb).out(e.iri, SKOS.definition),
    subject: e.iri,
    summary: `redefine ${named(e)}`,
    command: `emotion define ${e.id} ${arg(req.definition)}`,
    details: [`was: ${e.definition}`],
  };
}

export function planEmotionMove(kb: KnowledgeBase, req: Req<'emotion-move'>): EditPlan {
  const e = resolveEmotion(kb, req.emotion, 'emotion');
  const parent = resolveEmotion(kb, req.parent, 'parent');
  if (!e.parent) throw badInput('emotion', `${named(e)} is a primary emotion: it has no parent to change`);
  const old = kb.emotion(e.parent)!;
  if (parent.iri === old.iri) throw conflict(`parent: ${named(e)} is already under ${named(parent)}`);
  if (parent.tier !== old.tier) {
    throw badInput(
      'parent',
      `${named(parent)} is ${parent.tier} but ${named(e)}'s parent ${named(old)} is ${old.tier}; ` +
        `an emotion moves only to a parent at the same tier, so that it${kb.descendants(e.iri).length ? ` and its ${kb.descendants(e.iri).length} descendant(s)` : ''} keeps its tier ` +
        `(to change a tier, remove the emotion and add it again)`,
    );
  }
  assertNoSibling(kb, parent, e.label, e.iri);
  const node = namedNode(e.iri);
  return {
    add: [quad(node, SKOS.broader, namedNode(parent.iri)), quad(namedNode(parent.iri), SKOS.narrower, node)],
    remove: [quad(node, SKOS.broader, namedNode(old.iri)), quad(namedNode(old.iri), SKOS.narrower, node)],
    subject: e.iri,
    summary: `move ${named(e)} from ${named(old)} to ${named(parent)}`,
    command: `emotion move ${e.id} --parent ${parent.id}`,
    details: kb.descendants(e.iri).length ? [`its ${kb.descendants(e.iri).length} descendant(s) move with it`] : [],
  };
}

/**
 * Removes an emotion. With children, terms or relations it is refused (listing them) unless
 * `cascade` (the descendants, every sense of a term that points at any of them, and their
 * relations go too) or `reparent` (the children move to that emotion, which must be at the same
 * tier; terms and relations still need `cascade`).
 */
export function planEmotionRemove(kb: KnowledgeBase, req: Req<'emotion-remove'>): EditPlan {
  const e = resolveEmotion(kb, req.emotion, 'emotion');
  const view = GraphView.of(kb);
  const children = kb.children(e.iri);
  const add: Quad[] = [];
  const details: string[] = [];
  let target: Emotion | undefined;
  if (req.reparent) {
    target = resolveEmotion(kb, req.reparent, 'reparent');
    if (target.iri === e.iri) throw badInput('reparent', `cannot move the children of ${named(e)} to the emotion being removed`);
    if (target.tier !== e.tier) {
      throw badInput(
        'reparent',
        `${named(target)} is ${target.tier} but ${named(e)} is ${e.tier}; the children need a new parent at the same tier so that they keep theirs`,
      );
    }
    for (const child of children) {
      assertNoSibling(kb, target, child.label, child.iri);
      add.push(
        quad(namedNode(child.iri), SKOS.broader, namedNode(target.iri)),
        quad(namedNode(target.iri), SKOS.narrower, namedNode(child.iri)),
      );
    }
    if (children.length) details.push(`children moved to ${named(target)}: ${children.map((c) => c.label).join(', ')}`);
  }
  // Without --reparent, what goes is the whole subtree; listed in full when the removal is refused.
  const goes = target ? [e.iri] : [e.iri, ...kb.descendants(e.iri).map((d) => d.iri)];
  const removal = planRemoval(kb, view, goes);
  const listing = describeRemoval(removal, e);

  const blockers = [
    ...(!target && children.length ? [`${children.length} child emotion(s)`] : []),
    ...(removal.senses.length ? [`${removal.senses.length} term sense(s)`] : []),
    ...(removal.relations.length ? [`${removal.relations.length} relation(s)`] : []),
  ];
  if (blockers.length && !req.cascade) {
    const how = [
      ...(!target && children.length ? [`--reparent TO to keep the children under another ${e.tier} emotion`] : []),
      `--cascade to remove all of it (${removal.quads.length} triples)`,
    ];
    throw new EmokbError(
      'BAD_INPUT',
      `emotion: ${named(e)} has ${blockers.join(', ')}${target ? ' besides its children' : ''}; nothing was removed. ${target ? 'With --cascade, removing' : 'Removing'} it would take:\n${listing.map((l) => `  ${l}`).join('\n')}\nUse ${how.join(', or ')}.`,
      { field: 'emotion', emotion: e.iri, wouldRemove: listing, triples: removal.quads.length },
    );
  }
  return {
    add,
    remove: removal.quads,
    subject: e.iri,
    summary: `remove ${named(e)}${goes.length > 1 ? ` and its ${goes.length - 1} descendant(s)` : ''}`,
    command: `emotion remove ${e.id}${req.cascade ? ' --cascade' : ''}${target ? ` --reparent ${target.id}` : ''}`,
    details: [...details, ...listing],
  };
}

function describeRemoval(removal: ReturnType<typeof planRemoval>, self: Emotion): string[] {
  const lines: string[] = [];
  const others = removal.emotions.filter((x) => x.iri !== self.iri);
  if (others.length) lines.push(`${others.length} descendant(s): ${others.map((x) => `${x.label} (${x.id})`).join(', ')}`);
  for (const s of removal.senses) {
    lines.push(
      `term "${s.lemma}": its sense for ${s.emotion.slice(s.emotion.lastIndexOf('/') + 1)}${s.entryGoes ? ' (its last sense: the entry goes too)' : ''}`,
    );
  }
  for (const r of removal.relations) lines.push(`${r.type}: ${r.description}`);
  if (removal.mappings) lines.push(`${removal.mappings} crosswalk mapping(s)`);
  return lines;
}

/** Two children of one parent must not share a label (that is what the tier suffix is for). */
function assertNoSibling(kb: KnowledgeBase, parent: Emotion, label: string, self?: string): void {
  const clash = kb.children(parent.iri).find((c) => c.iri !== self && normaliseLabel(c.label) === normaliseLabel(label));
  if (clash) throw conflict(`label: ${named(parent)} already has a child labelled "${clash.label}" (${clash.id})`, { existing: clash.iri });
}
