// The structural checks every proposal passes before it is stored as a candidate, whichever
// method found it (issue 17): an edge a reader could never accept because of where its ends sit
// in the hierarchy or in the blends already asserted is not worth a reviewer's time.
//  - an opposite is never the other's ancestor or descendant, nor a component of a blend that is
//    the other's sibling (loathing = hate + disgust: hate set against loathing's sibling would
//    oppose a node to a part of its own neighbour);
//  - a blend's components are not the blend, its ancestors or descendants, and no component is
//    (directly or through other blends) composed of the blend: the composition-cycle rule of
//    shapes.ttl (issue 12), checked here so such an edge is never proposed;
//  - a transition never ends where it starts, nor in an ancestor or descendant of its start (a
//    change of intensity within one emotion is not a course from one emotion to another).
// Transition cycles (hope -> disappointment -> ... -> hope) are allowed: feelings do come back.
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import type { EdgeProposal } from '../kb/edges.js';
import { GraphView } from '../kb/GraphView.js';
import { EMO } from '../rdf/namespaces.js';

export class RelationChecks {
  readonly #kb: KnowledgeBase;
  readonly #view: GraphView;
  readonly #lineage = new Map<string, Set<string>>();

  constructor(kb: KnowledgeBase) {
    this.#kb = kb;
    this.#view = GraphView.of(kb);
  }

  /** Ancestors and descendants of an emotion, with itself. */
  lineage(iri: string): Set<string> {
    let set = this.#lineage.get(iri);
    if (!set) {
      set = new Set([iri, ...this.#kb.ancestors(iri).map((e) => e.iri), ...this.#kb.descendants(iri).map((e) => e.iri)]);
      this.#lineage.set(iri, set);
    }
    return set;
  }

  components(iri: string): string[] {
    return this.#view.objects(iri, EMO.isComposedOf).map((t) => t.value);
  }

  /** Whether `from` reaches `to` through isComposedOf (the asserted blends). */
  composedOf(from: string, to: string): boolean {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length) {
      const x = stack.pop()!;
      for (const c of this.components(x)) {
        if (c === to) return true;
        if (!seen.has(c)) (stack.push(c), seen.add(c));
      }
    }
    return false;
  }

  /** Why a proposal is refused, or undefined when it passes. */
  refusal(p: EdgeProposal): string | undefined {
    const id = (iri: string) => this.#kb.emotion(iri)?.id ?? iri;
    switch (p.type) {
      case 'opposite': {
        const [a, b] = [p.from, p.to[0]!];
        if (this.lineage(a).has(b)) return `${id(a)} and ${id(b)} are in one line of the hierarchy`;
        for (const [x, y] of [
          [a, b],
          [b, a],
        ] as const) {
          const sibling = this.#kb.siblings(x).find((s) => this.components(s.iri).includes(y));
          if (sibling) return `${id(y)} is a component of ${sibling.id}, a sibling of ${id(x)}`;
        }
        return undefined;
      }
      case 'composition': {
        const blend = p.from;
        for (const c of p.to) {
          if (this.lineage(blend).has(c)) return `${id(c)} is ${id(blend)} itself, an ancestor or a descendant`;
          if (this.composedOf(c, blend)) return `${id(c)} is already composed (through blends) of ${id(blend)}: a composition cycle`;
        }
        return undefined;
      }
      case 'transition': {
        const [a, b] = [p.from, p.to[0]!];
        if (this.lineage(a).has(b)) return `${id(b)} is ${id(a)} itself, an ancestor or a descendant`;
        return undefined;
      }
    }
  }
}
