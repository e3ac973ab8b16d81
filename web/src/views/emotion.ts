// `/emotion/<id>`, the emotion's own IRI path: definition, path, children, its terms with weights,
// kind and provenance, opposites, components, blends, transitions as a small graph, and mappings.
import { graphql } from '../api.js';
import { h, notice } from '../dom.js';
import { primaryColour, textOn, tint } from '../palette.js';
import { transitionsGraph, type Named, type Transition } from './relationsGraph.js';

interface Evidence {
  methods: string[];
  score: number;
  status: string;
}
interface TermView {
  lemma: string;
  partOfSpeech: string | null;
  status: string;
  senses: { emotion: { id: string }; weight: number; kind: string; provenance: { method: string | null; author: string | null } }[];
}
interface EmotionPage extends Named {
  iri: string;
  tier: string;
  definition: string;
  valence: string;
  path: Named[];
  children: (Named & { terms: { totalCount: number } })[];
  terms: { totalCount: number; edges: { node: TermView }[] };
  opposites: { emotion: Named; evidence: Evidence | null }[];
  components: { emotion: Named }[];
  blends: { blend: Named; components: Named[] }[];
  transitionsIn: Transition[];
  transitionsOut: Transition[];
  mappings: { scheme: string; notation: string; relation: string; concept: string }[];
}

const TERMS_SHOWN = 200;
const NAMED = 'id label path { label }';
const QUERY = `query Emotion($id: ID!, $first: Int!) {
  emotion(id: $id) {
    ${NAMED} iri tier definition valence
    path { ${NAMED} }
    children { ${NAMED} terms(first: 0) { totalCount } }
    terms(first: $first) { totalCount edges { node { lemma partOfSpeech status
      senses { emotion { id } weight kind provenance { method author } } } } }
    opposites { emotion { ${NAMED} } evidence { methods score status } }
    components { emotion { ${NAMED} } }
    blends { blend { ${NAMED} } components { ${NAMED} } }
    transitionsIn { from { ${NAMED} } trigger { ${NAMED} } to { ${NAMED} } method }
    transitionsOut { from { ${NAMED} } trigger { ${NAMED} } to { ${NAMED} } method }
    mappings { scheme notation relation concept }
  }
}`;

function chip(e: Named): HTMLAnchorElement {
  const fill = tint(primaryColour(e.path[0]?.label), 0.35);
  return h('a', { class: 'chip', href: `/emotion/${e.id}`, style: `background:${fill};color:${textOn(fill)}` }, e.label);
}

function section(title: string, ...content: (Node | string | null)[]): HTMLElement {
  return h(
    'section',
    { 'aria-labelledby': `h-${title.replace(/\W+/g, '-')}` },
    h('h2', { id: `h-${title.replace(/\W+/g, '-')}` }, title),
    ...content,
  );
}

function termsTable(page: EmotionPage): HTMLElement {
  if (!page.terms.totalCount) return h('p', { class: 'muted' }, 'No terms of its own (its children carry the vocabulary).');
  const rows = page.terms.edges.map(({ node: term }) => {
    const sense = term.senses.find((s) => s.emotion.id === page.id) ?? term.senses[0]!;
    const others = term.senses.length - 1;
    return h(
      'tr',
      {},
      h('th', { scope: 'row' }, term.lemma),
      h('td', {}, term.partOfSpeech?.toLowerCase() ?? ''),
      h('td', { class: 'num' }, sense.weight.toFixed(2), h('span', { class: 'weight', style: `width:${Math.round(sense.weight * 48)}px` })),
      h('td', {}, h('span', { class: `kind ${sense.kind.toLowerCase()}` }, sense.kind === 'NAMES' ? 'names' : 'evokes')),
      h('td', {}, [sense.provenance.method ?? '', sense.provenance.author ? ` · ${sense.provenance.author}` : ''].join('')),
      h('td', { class: 'muted' }, others > 0 ? `+${others} other sense${others > 1 ? 's' : ''}` : ''),
    );
  });
  return h(
    'div',
    { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': 'Terms' },
    h(
      'table',
      {},
      h(
        'caption',
        {},
        `${page.terms.totalCount} accepted terms${page.terms.totalCount > TERMS_SHOWN ? `, the first ${TERMS_SHOWN} by lemma` : ', by lemma'}`,
      ),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['term', 'part of speech', 'weight', 'kind', 'provenance', ''].map((c) => h('th', { scope: 'col' }, c)),
        ),
      ),
      h('tbody', {}, rows),
    ),
  );
}

function schemeName(iri: string): string {
  return iri.replace(/\/$/, '').split('/').pop() ?? iri;
}

export async function emotionView(main: HTMLElement, url: URL): Promise<void> {
  const id = decodeURIComponent(url.pathname.slice('/emotion/'.length));
  const status = main.appendChild(notice('Loading…'));
  let page: EmotionPage | null;
  try {
    page = (await graphql<{ emotion: EmotionPage | null }>(QUERY, { id, first: TERMS_SHOWN })).emotion;
  } catch (error) {
    page = null;
    status.replaceWith(h('h1', {}, 'Not found'), notice((error as Error).message, 'error'));
    document.title = 'not found · emokb';
    return;
  }
  if (!page) return;
  status.remove();
  document.title = `${page.label} · emokb`;
  const colour = primaryColour(page.path[0]?.label);
  const breadcrumbs = h(
    'nav',
    { 'aria-label': 'Path', class: 'path' },
    h(
      'ol',
      {},
      page.path.map((p, i) =>
        h(
          'li',
          {},
          i === page!.path.length - 1 ? h('span', { 'aria-current': 'page' }, p.label) : h('a', { href: `/emotion/${p.id}` }, p.label),
        ),
      ),
    ),
  );
  const none = (what: string) => h('p', { class: 'muted' }, `No ${what}.`);
  main.append(
    h(
      'header',
      { class: 'emotion-head', style: `border-color:${colour}` },
      breadcrumbs,
      h(
        'h1',
        {},
        page.label,
        ' ',
        h('span', { class: 'badge' }, page.tier.toLowerCase()),
        ' ',
        h('span', { class: 'badge' }, page.valence.toLowerCase()),
      ),
      h('p', { class: 'definition' }, page.definition),
      h(
        'p',
        { class: 'muted iri' },
        'IRI ',
        h('code', {}, page.iri),
        ' · as RDF (Turtle, N-Triples or JSON-LD by Accept): ',
        h('code', {}, `curl -H 'Accept: text/turtle' ${location.origin}${url.pathname}`),
      ),
    ),
    section(
      'Children',
      page.children.length
        ? h(
            'ul',
            { class: 'chips' },
            page.children.map((c) => h('li', {}, chip(c), h('span', { class: 'muted' }, ` ${c.terms.totalCount} terms`))),
          )
        : none('children: a tertiary emotion'),
    ),
    section('Terms', termsTable(page)),
    section(
      'Opposites',
      page.opposites.length
        ? h(
            'ul',
            { class: 'chips' },
            page.opposites.map((o) =>
              h(
                'li',
                {},
                chip(o.emotion),
                o.evidence
                  ? h('span', { class: 'muted' }, ` ${o.evidence.methods.join(', ')} · ${o.evidence.score.toFixed(2)}`)
                  : h('span', { class: 'muted' }, ' by hand'),
              ),
            ),
          )
        : none('opposites'),
    ),
    section(
      'Components',
      page.components.length
        ? h(
            'ul',
            { class: 'chips' },
            page.components.map((c) => h('li', {}, chip(c.emotion))),
          )
        : none('components: not a blend'),
    ),
    section(
      'Blends',
      page.blends.length
        ? h(
            'ul',
            {},
            page.blends.map((b) =>
              h('li', {}, chip(b.blend), ' = ', ...b.components.flatMap((c, i) => (i ? [' + ', chip(c)] : [chip(c)]))),
            ),
          )
        : none('blends with this emotion as a component'),
    ),
    section(
      'Transitions',
      page.transitionsIn.length + page.transitionsOut.length
        ? transitionsGraph(page, page.transitionsIn, page.transitionsOut)
        : none('transitions'),
    ),
    section(
      'Mappings to other schemes',
      page.mappings.length
        ? h(
            'table',
            {},
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ['scheme', 'concept', 'relation'].map((c) => h('th', { scope: 'col' }, c)),
              ),
            ),
            h(
              'tbody',
              {},
              page.mappings.map((m) => h('tr', {}, h('td', {}, schemeName(m.scheme)), h('td', {}, m.notation), h('td', {}, m.relation))),
            ),
          )
        : none('mappings'),
    ),
  );
}
