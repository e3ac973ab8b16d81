// `/`: Parrott's three tiers as a sunburst (primaries inside, tertiaries outside), each arc sized by
// its vocabulary (terms of the node and everything below it, plus one so an emotion with no terms
// of its own still shows) and coloured by its primary. The arcs are one keyboard stop: arrow keys
// move among siblings (left/right) and between tiers (up: outwards, down: inwards), Enter opens the
// emotion. The same tree follows as nested lists, for screen readers and for reading.
import { hierarchy, partition, type HierarchyRectangularNode } from 'd3-hierarchy';
import { arc } from 'd3-shape';
import { select } from 'd3-selection';
import { h, notice, svg } from '../dom.js';
import { allEmotions, type EmotionNode } from '../hierarchyData.js';
import { PRIMARY_COLOURS, textOn, tierColour } from '../palette.js';
import { navigate } from '../router.js';

interface TreeDatum {
  node?: EmotionNode;
  children: TreeDatum[];
}
type Arc = HierarchyRectangularNode<TreeDatum>;

const RADIUS = 300;
const TIERS = ['', 'primary', 'secondary', 'tertiary'];

function tree(nodes: EmotionNode[]): TreeDatum {
  const data = new Map<string, TreeDatum>(nodes.map((n) => [n.id, { node: n, children: [] }]));
  const root: TreeDatum = { children: [] };
  for (const n of nodes) (n.parent ? data.get(n.parent.id)! : root).children.push(data.get(n.id)!);
  return root;
}

function describe(d: Arc): string {
  const n = d.data.node!;
  return `${n.label}, ${TIERS[d.depth]}${d.depth > 1 ? ` (${n.primary})` : ''}, ${n.terms.totalCount} terms`;
}

function sunburst(root: Arc): SVGSVGElement {
  // Depth 1..3 sit in y 1..4 of the partition (the root, 0..1, is the hole in the middle).
  const radius = (y: number) => RADIUS * (0.2 + ((y - 1) / 3) * 0.79);
  const shape = arc<Arc>()
    .startAngle((d) => d.x0)
    .endAngle((d) => d.x1)
    .padAngle(0.004)
    .innerRadius((d) => radius(d.y0))
    .outerRadius((d) => radius(d.y1) - 1);
  const chart = svg('svg', { viewBox: `${-RADIUS} ${-RADIUS} ${2 * RADIUS} ${2 * RADIUS}`, class: 'sunburst' });
  chart.setAttribute('role', 'group');
  chart.setAttribute('aria-label', 'Sunburst of the emotion hierarchy: arrow keys move, Enter opens an emotion');
  const arcs = root.descendants().filter((d) => d.depth > 0);
  const selection = select(chart)
    .append('g')
    .selectAll<SVGPathElement, Arc>('path')
    .data(arcs)
    .join('path')
    .attr('d', shape)
    .attr('fill', (d) => tierColour(d.data.node!.primary, d.depth as 1 | 2 | 3))
    .attr('stroke', '#ffffff')
    .attr('class', 'arc')
    .attr('data-tier', (d) => TIERS[d.depth]!)
    .attr('data-id', (d) => d.data.node!.id)
    .attr('role', 'link')
    .attr('tabindex', (d, i) => (i === 0 ? 0 : -1))
    .attr('aria-label', describe);
  selection.append('title').text(describe);
  // Labels where they fit: every primary and secondary, a tertiary when its arc is wide enough.
  const labels = select(chart).append('g').attr('aria-hidden', 'true').attr('pointer-events', 'none');
  for (const d of arcs) {
    const angle = ((d.x0 + d.x1) / 2) * (180 / Math.PI);
    const r = (radius(d.y0) + radius(d.y1)) / 2;
    const span = (d.x1 - d.x0) * r;
    if (span < 11) continue;
    const label = d.data.node!.label;
    const text = labels
      .append('text')
      .attr('transform', `rotate(${angle - 90}) translate(${r},0) rotate(${angle < 180 ? 0 : 180})`)
      .attr('dy', '0.35em')
      .attr('text-anchor', 'middle')
      .attr('class', `arc-label tier-${d.depth}`)
      .attr('fill', textOn(tierColour(d.data.node!.primary, d.depth as 1 | 2 | 3)))
      .text(label.length > 14 && d.depth === 3 ? `${label.slice(0, 12)}…` : label);
    if (d.depth === 1)
      text.attr('transform', `translate(${Math.sin((angle * Math.PI) / 180) * r},${-Math.cos((angle * Math.PI) / 180) * r})`);
  }
  keyboard(chart, root);
  chart.addEventListener('click', (event) => {
    const target = (event.target as Element).closest<SVGPathElement>('path.arc');
    if (target) void navigate(`/emotion/${target.dataset.id}`);
  });
  return chart;
}

function keyboard(chart: SVGSVGElement, root: Arc): void {
  const pathOf = new Map<Arc, SVGPathElement>();
  select(chart)
    .selectAll<SVGPathElement, Arc>('path.arc')
    .each(function (d) {
      pathOf.set(d, this);
    });
  chart.addEventListener('keydown', (event) => {
    const element = (event.target as Element).closest<SVGPathElement>('path.arc');
    if (!element) return;
    const d = select<SVGPathElement, Arc>(element).datum();
    const siblings = d.parent!.children!;
    const at = siblings.indexOf(d);
    let next: Arc | undefined;
    switch (event.key) {
      case 'ArrowRight':
        next = siblings[(at + 1) % siblings.length];
        break;
      case 'ArrowLeft':
        next = siblings[(at - 1 + siblings.length) % siblings.length];
        break;
      case 'ArrowUp':
        next = d.children?.[0];
        break;
      case 'ArrowDown':
        next = d.parent === root ? undefined : d.parent!;
        break;
      case 'Home':
        next = root.children![0];
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        void navigate(`/emotion/${d.data.node!.id}`);
        return;
      default:
        return;
    }
    event.preventDefault();
    if (!next) return;
    element.setAttribute('tabindex', '-1');
    const to = pathOf.get(next)!;
    to.setAttribute('tabindex', '0');
    to.focus();
  });
}

function outline(data: TreeDatum): HTMLUListElement {
  return h(
    'ul',
    {},
    data.children.map((child) =>
      h(
        'li',
        {},
        h('a', { href: `/emotion/${child.node!.id}` }, child.node!.label),
        h('span', { class: 'muted' }, ` ${child.node!.terms.totalCount} terms`),
        child.children.length ? outline(child) : null,
      ),
    ),
  );
}

function legend(): HTMLElement {
  return h(
    'ul',
    { class: 'legend', 'aria-label': 'Colours of the primary emotions' },
    Object.entries(PRIMARY_COLOURS).map(([label, colour]) =>
      h('li', {}, h('span', { class: 'swatch', style: `background:${colour}` }), h('a', { href: `/emotion/${label}-primary` }, label)),
    ),
  );
}

export async function hierarchyView(main: HTMLElement): Promise<void> {
  document.title = 'emokb explorer';
  main.append(h('h1', {}, "Parrott's emotion hierarchy"));
  const status = main.appendChild(notice('Loading the hierarchy…'));
  try {
    const nodes = await allEmotions();
    const data = tree(nodes);
    const root = partition<TreeDatum>().size([2 * Math.PI, 4])(
      hierarchy(data)
        .sum((d) => (d.node ? d.node.terms.totalCount + 1 : 0))
        .sort((a, b) => (b.value ?? 0) - (a.value ?? 0)),
    );
    const counts = [1, 2, 3].map((depth) => nodes.filter((n) => TIERS[depth] === n.tier.toLowerCase()).length);
    status.remove();
    main.append(
      h(
        'p',
        { class: 'lede' },
        `${counts[0]} primary, ${counts[1]} secondary and ${counts[2]} tertiary emotions, from the centre outwards. `,
        'An arc is as wide as its vocabulary (the terms of the emotion and everything below it). ',
        'Click an arc, or tab to the chart and use the arrow keys and Enter.',
      ),
      h('div', { class: 'chart' }, sunburst(root), legend()),
      h('details', { class: 'outline' }, h('summary', {}, 'The hierarchy as a list'), outline(data)),
    );
  } catch (error) {
    status.replaceWith(notice(`The hierarchy could not be loaded: ${(error as Error).message}`, 'error'));
  }
}
