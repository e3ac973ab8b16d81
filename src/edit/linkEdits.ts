// Edits of the relations between emotions:
//   opposite     FROM emo:isOppositeOf TO, always stored both ways (the relation is symmetric);
//   composition  FROM (a blend) emo:isComposedOf each TO; a blend has two or more components, so
//                components are added and removed together (`link add composition envy sadness anger`);
//   transition   an emo:Transition node with emo:from / emo:trigger / emo:to and FROM emo:leadsTo it.
// Opposites and compositions are plain triples (the change log says who added them and when); a
// transition node, being a node, also carries its own provenance (method, author, time, status).
import { DataFactory } from '../rdf/n3.js';
import type { Quad } from '@rdfjs/types';
import { fieldError } from '../errors.js';
import type { Emotion } from '../kb/Emotion.js';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import { EMO, EMOKB_BASE, PROV, RDF, XSD } from '../rdf/namespaces.js';
import { quadKey } from '../rdf/turtle.js';
import type { LinkType } from '../kb/edges.js';
import type { EditRequest } from './EditRequest.js';
import { badInput, conflict, named, resolveEmotion, type EditContext, type EditPlan } from './EditPlan.js';
import { GraphView } from '../kb/GraphView.js';
import { attributionQuad } from '../kb/agents.js';
import { isA } from './removal.js';

const { namedNode, literal, quad } = DataFactory;
export const TRANSITION_BASE = `${EMOKB_BASE}transition/`;
type LinkRequest = Extract<EditRequest, { kind: 'link-add' | 'link-remove' }>;

/** Where an edge came from when a linker proposed it (src/linkers/): recorded on a transition node. */
export interface LinkProvenance {
  method: string;
  /** The linker's evidence node (emo:EdgeEvidence) the edge was accepted from. */
  evidence: string;
}

export function planLink(kb: KnowledgeBase, req: LinkRequest, ctx: EditContext, provenance?: LinkProvenance): EditPlan {
  const from = resolveEmotion(kb, req.from, 'from');
  const to = req.to.map((ref, i) => resolveEmotion(kb, ref, req.to.length > 1 ? `to[${i}]` : 'to'));
  for (const [i, target] of to.entries()) {
    if (target.iri === from.iri) throw badInput(to.length > 1 ? `to[${i}]` : 'to', `${named(from)} cannot be linked to itself`);
  }
  if (new Set(to.map((t) => t.iri)).size !== to.length) throw badInput('to', 'an emotion is listed twice');
  if (req.trigger && req.type !== 'transition')
    throw badInput('trigger', `only a transition has a trigger, not ${req.type === 'opposite' ? 'an' : 'a'} ${req.type}`);
  if (req.type !== 'composition' && to.length !== 1)
    throw badInput('to', `${req.type === 'opposite' ? 'an' : 'a'} ${req.type} links to exactly one emotion, not ${to.length}`);
  const view = GraphView.of(kb);
  const adding = req.kind === 'link-add';
  switch (req.type) {
    case 'opposite':
      return opposite(view, from, to[0]!, adding);
    case 'composition':
      return composition(kb, view, from, to, adding);
    case 'transition':
      return transition(kb, view, from, to[0]!, req.trigger, adding, ctx, provenance);
  }
}

function opposite(view: GraphView, a: Emotion, b: Emotion, adding: boolean): EditPlan {
  const quads = [quad(namedNode(a.iri), EMO.isOppositeOf, namedNode(b.iri)), quad(namedNode(b.iri), EMO.isOppositeOf, namedNode(a.iri))];
  const present = quads.filter((q) => view.has(q)).length;
  if (adding && present === 2) throw conflict(`${named(a)} and ${named(b)} are already opposites`);
  if (!adding && present === 0) throw fieldError('NOT_FOUND', 'to', `${named(a)} and ${named(b)} are not opposites`);
  return plan(
    adding,
    quads,
    a.iri,
    `${adding ? 'link' : 'unlink'} opposites ${named(a)} <-> ${named(b)}`,
    command(adding, 'opposite', a, [b]),
  );
}

function composition(kb: KnowledgeBase, view: GraphView, blend: Emotion, components: Emotion[], adding: boolean): EditPlan {
  const current = new Set(view.objects(blend.iri, EMO.isComposedOf).map((t) => t.value));
  const label = (iri: string) => kb.emotion(iri)?.label ?? iri;
  if (adding) {
    const ancestors = new Set(kb.ancestors(blend.iri).map((e) => e.iri));
    const bad = components.find((c) => ancestors.has(c.iri));
    if (bad) throw badInput('to', `${named(bad)} is an ancestor of ${named(blend)}; a blend's components are not its own ancestors`);
    const fresh = components.filter((c) => !current.has(c.iri));
    if (!fresh.length) throw conflict(`${named(blend)} is already composed of ${components.map((c) => c.label).join(' and ')}`);
    const total = new Set([...current, ...components.map((c) => c.iri)]);
    if (total.size < 2) {
      throw badInput(
        'to',
        `a blend has two or more components, and ${named(blend)} would have only ${[...total].map(label).join('')}; give all components at once, e.g. \`emokb link add composition ${blend.id} ${components[0]!.id} OTHER\``,
      );
    }
  } else {
    const missing = components.find((c) => !current.has(c.iri));
    if (missing) throw fieldError('NOT_FOUND', 'to', `${named(missing)} is not a component of ${named(blend)}`);
    const left = [...current].filter((c) => !components.some((x) => x.iri === c));
    if (left.length === 1) {
      throw badInput(
        'to',
        `${named(blend)} would be left with one component (${label(left[0]!)}), and a blend has two or more; remove all of them: \`emokb link remove composition ${blend.id} ${[...current].map((c) => kb.emotion(c)?.id ?? c).join(' ')}\``,
      );
    }
  }
  const quads = components.map((c) => quad(namedNode(blend.iri), EMO.isComposedOf, namedNode(c.iri)));
  const summary = `${adding ? 'add' : 'remove'} component(s) ${components.map((c) => named(c)).join(', ')} ${adding ? 'to' : 'of'} the blend ${named(blend)}`;
  return plan(adding, quads, blend.iri, summary, command(adding, 'composition', blend, components));
}

function transition(
  kb: KnowledgeBase,
  view: GraphView,
  from: Emotion,
  to: Emotion,
  triggerRef: string | undefined,
  adding: boolean,
  ctx: EditContext,
  provenance?: LinkProvenance,
): EditPlan {
  const trigger = triggerRef ? resolveEmotion(kb, triggerRef, 'trigger') : undefined;
  const matching = view
    .subjects(EMO.from, from.iri)
    .filter((node) => isA(view, node, EMO.Transition))
    .filter((node) => view.objects(node, EMO.to).some((t) => t.value === to.iri))
    .filter((node) => !trigger || view.objects(node, EMO.trigger).some((t) => t.value === trigger.iri));
  const what = `transition ${named(from)} -> ${named(to)}${trigger ? ` (trigger ${named(trigger)})` : ''}`;
  if (!adding) {
    if (!matching.length) throw fieldError('NOT_FOUND', 'to', `there is no ${what}`);
    const quads = new Map<string, Quad>();
    for (const node of matching) for (const q of [...view.out(node), ...view.in(node)]) quads.set(quadKey(q), q);
    const summary = `remove ${matching.length > 1 ? `${matching.length} transitions` : 'the transition'} ${named(from)} -> ${named(to)}${trigger ? ` (trigger ${named(trigger)})` : ''}`;
    return plan(false, [...quads.values()], from.iri, summary, command(false, 'transition', from, [to], trigger));
  }
  if (!trigger)
    throw badInput('trigger', `a transition needs a trigger emotion: \`emokb link add transition ${from.id} ${to.id} --trigger T\``);
  if (matching.length) throw conflict(`there is already a ${what}: ${matching[0]}`);
  const node = namedNode(`${TRANSITION_BASE}${from.id}--${trigger.id}--${to.id}`);
  const quads = [
    quad(node, RDF.type, EMO.Transition),
    quad(node, EMO.from, namedNode(from.iri)),
    quad(node, EMO.trigger, namedNode(trigger.iri)),
    quad(node, EMO.to, namedNode(to.iri)),
    quad(namedNode(from.iri), EMO.leadsTo, node),
    quad(node, EMO.status, EMO.Accepted),
    quad(node, EMO.method, literal(provenance?.method ?? 'manual')),
    ...(provenance ? [quad(node, PROV.wasDerivedFrom, namedNode(provenance.evidence))] : []),
    attributionQuad(node, ctx.author),
    quad(node, PROV.generatedAtTime, literal(ctx.time, XSD.dateTime)),
  ];
  return {
    ...plan(true, quads, from.iri, `add the ${what}`, command(true, 'transition', from, [to], trigger)),
    details: [`node ${node.value}`],
  };
}

function plan(adding: boolean, quads: Quad[], subject: string, summary: string, cmd: string): EditPlan {
  return { add: adding ? quads : [], remove: adding ? [] : quads, subject, summary, command: cmd, details: [] };
}

function command(adding: boolean, type: LinkType, from: Emotion, to: Emotion[], trigger?: Emotion): string {
  return `link ${adding ? 'add' : 'remove'} ${type} ${from.id} ${to.map((t) => t.id).join(' ')}${trigger ? ` --trigger ${trigger.id}` : ''}`;
}
