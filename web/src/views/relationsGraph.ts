// An emotion's transitions as a small graph: the emotions that lead to it on the left, the ones it
// leads to on the right, each edge labelled with its trigger ("when disappointment"). Nodes are
// links to their emotions' pages. A list of the same transitions follows the drawing for screen
// readers (the drawing itself is aria-hidden).
import { linkHorizontal } from 'd3-shape';
import { h, svg } from '../dom.js';
import { primaryColour, textOn, tint } from '../palette.js';

export interface Named {
  id: string;
  label: string;
  path: { label: string }[];
}
export interface Transition {
  from: Named;
  trigger: Named;
  to: Named;
  method: string | null;
}

const ROW = 44;
const WIDTH = 640;
const BOX = { w: 150, h: 30 };

function box(target: Named, x: number, y: number): SVGAElement {
  // Out of the Tab order (the drawing is aria-hidden): the list under it has the same links.
  const link = svg('a', { href: `/emotion/${target.id}`, tabindex: -1 });
  const fill = tint(primaryColour(target.path[0]?.label), 0.35);
  link.append(
    svg('rect', { x: x - BOX.w / 2, y: y - BOX.h / 2, width: BOX.w, height: BOX.h, rx: 6, fill, stroke: '#333' }),
    Object.assign(svg('text', { x, y, 'text-anchor': 'middle', dy: '0.35em', fill: textOn(fill) }), { textContent: target.label }),
  );
  return link;
}

export function transitionsGraph(self: Named, incoming: Transition[], outgoing: Transition[]): HTMLElement {
  const rows = Math.max(incoming.length, outgoing.length, 1);
  const height = rows * ROW + 20;
  const drawing = svg('svg', { viewBox: `0 0 ${WIDTH} ${height}`, class: 'graph', 'aria-hidden': 'true' });
  const centre = { x: WIDTH / 2, y: height / 2 };
  const link = linkHorizontal<{ source: [number, number]; target: [number, number] }, [number, number]>();
  const side = (list: Transition[], x: number, incomingSide: boolean) =>
    list.forEach((t, i) => {
      const y = 10 + ROW / 2 + i * ROW + ((rows - list.length) * ROW) / 2;
      const [from, to]: [[number, number], [number, number]] = incomingSide
        ? [
            [x + BOX.w / 2, y],
            [centre.x - BOX.w / 2, centre.y],
          ]
        : [
            [centre.x + BOX.w / 2, centre.y],
            [x - BOX.w / 2, y],
          ];
      drawing.append(
        svg('path', {
          d: link({ source: from, target: to })!,
          fill: 'none',
          stroke: '#555',
          'stroke-width': 1.5,
          'marker-end': 'url(#arrow)',
        }),
      );
      const label = svg('text', { x: (from[0] + to[0]) / 2, y: (from[1] + to[1]) / 2 - 6, 'text-anchor': 'middle', class: 'edge-label' });
      label.textContent = `when ${t.trigger.label}`;
      drawing.append(label, box(incomingSide ? t.from : t.to, x, y));
    });
  const defs = svg('defs');
  const marker = svg('marker', {
    id: 'arrow',
    viewBox: '0 0 10 10',
    refX: 10,
    refY: 5,
    markerWidth: 7,
    markerHeight: 7,
    orient: 'auto-start-reverse',
  });
  marker.append(svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#555' }));
  defs.append(marker);
  drawing.append(defs);
  side(incoming, BOX.w / 2 + 4, true);
  side(outgoing, WIDTH - BOX.w / 2 - 4, false);
  drawing.append(box(self, centre.x, centre.y));
  const describe = (t: Transition) =>
    h(
      'li',
      {},
      h('a', { href: `/emotion/${t.from.id}` }, t.from.label),
      ', when ',
      h('a', { href: `/emotion/${t.trigger.id}` }, t.trigger.label),
      ' arises, leads to ',
      h('a', { href: `/emotion/${t.to.id}` }, t.to.label),
      t.method ? h('span', { class: 'muted' }, ` (${t.method})`) : null,
    );
  return h('figure', { class: 'transitions' }, drawing, h('figcaption', {}, h('ul', {}, [...incoming, ...outgoing].map(describe))));
}
