// `/tag`: paste a text, see each matched span in its emotion's colour (negated matches struck
// through and marked ¬), the emotion, path, kind and rules of each match on hover or keyboard
// focus, each tier's scores as bars, and the whole `classify` result to copy as JSON.
import { graphql } from '../api.js';
import { h, notice } from '../dom.js';
import { primaryColour, textOn, tint } from '../palette.js';

interface Match {
  text: string;
  start: number;
  end: number;
  lemma: string;
  emotion: string;
  emotionId: string;
  path: string[];
  weight: number;
  negated: boolean;
  intensity: number;
  kind: string;
  via: string;
  rules: string[];
  readAs: string[] | null;
}
interface Score {
  label: string;
  score: number;
  emotion: { id: string; path: { label: string }[] };
}
interface TagResult {
  dominant: { primary: string | null; secondary: string | null; tertiary: string | null };
  scores: { primary: Score[]; secondary: Score[]; tertiary: Score[] };
  matches: Match[];
}

const SCORE = 'label score emotion { id path { label } }';
const QUERY = `query Tag($text: String!) { classify(text: $text) {
  dominant { primary secondary tertiary }
  scores { primary { ${SCORE} } secondary { ${SCORE} } tertiary { ${SCORE} } }
  matches { text start end lemma emotion emotionId path weight negated intensity kind via rules readAs }
} }`;
const EXAMPLE = 'I am not happy, I am furious! My best friend moved away and I miss her terribly.';
const BARS_PER_TIER = 8;

function describe(m: Match): string {
  const read = m.readAs ? `, read as ${m.readAs.join(' › ')}` : '';
  const rules = m.rules.length ? `; rules: ${m.rules.join(', ')}` : '';
  return `${m.negated ? 'negated, not counted: ' : ''}${m.path.join(' › ')}${read} (${m.kind === 'NAMES' ? 'names' : 'evokes'}, weight ${m.weight.toFixed(2)}, via ${m.via} “${m.lemma}”${rules})`;
}

/** The text with its matched spans marked; several senses of one span share its mark. */
function highlighted(text: string, matches: Match[]): HTMLElement {
  const spans = new Map<string, Match[]>();
  for (const m of matches) {
    const key = `${m.start}:${m.end}`;
    spans.set(key, [...(spans.get(key) ?? []), m]);
  }
  const out = h('p', { class: 'tagged' });
  let at = 0;
  let n = 0;
  for (const group of [...spans.values()].sort((a, b) => a[0]!.start - b[0]!.start)) {
    const first = group[0]!;
    if (first.start < at) continue;
    out.append(text.slice(at, first.start));
    const fill = tint(primaryColour(first.path[0]), first.negated ? 0.6 : 0.25);
    const id = `match-${n++}`;
    const negated = group.every((m) => m.negated);
    out.append(
      h(
        'mark',
        {
          class: `match${negated ? ' negated' : ''}`,
          tabindex: 0,
          style: `background:${fill};color:${textOn(fill)}`,
          'data-emotion': first.emotion,
          'data-primary': first.path[0] ?? '',
          'data-negated': String(negated),
          'aria-describedby': id,
        },
        negated ? h('span', { class: 'neg', 'aria-hidden': 'true' }, '¬') : null,
        text.slice(first.start, first.end),
        h('span', { class: 'tip', role: 'tooltip', id }, group.map(describe).join(' | ')),
      ),
    );
    at = first.end;
  }
  out.append(text.slice(at));
  return out;
}

function bars(tier: string, scores: Score[]): HTMLElement {
  const shown = scores.slice(0, BARS_PER_TIER);
  return h(
    'figure',
    { class: 'bars' },
    h('figcaption', {}, `${tier}${scores.length > shown.length ? ` (top ${shown.length} of ${scores.length})` : ''}`),
    h(
      'ul',
      {},
      shown.map((s) =>
        h(
          'li',
          {},
          h('a', { class: 'bar-label', href: `/emotion/${s.emotion.id}` }, s.label),
          h(
            'span',
            { class: 'bar-track' },
            h('span', {
              class: 'bar',
              style: `width:${(s.score * 100).toFixed(1)}%;background:${primaryColour(s.emotion.path[0]?.label)}`,
            }),
          ),
          h('span', { class: 'num' }, `${(s.score * 100).toFixed(0)}%`),
        ),
      ),
    ),
  );
}

async function tag(text: string, out: HTMLElement): Promise<void> {
  out.replaceChildren(notice('Tagging…'));
  try {
    const { classify } = await graphql<{ classify: TagResult }>(QUERY, { text });
    const json = JSON.stringify(classify, null, 2);
    const copy = h('button', { type: 'button' }, 'Copy the result as JSON');
    const copied = h('span', { role: 'status', class: 'muted' });
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(json);
        copied.textContent = ' Copied.';
      } catch {
        copied.textContent = ' The browser refused the clipboard: copy it from “The result as JSON” below.';
      }
    });
    const d = classify.dominant;
    const dominant = [d.primary, d.secondary, d.tertiary].filter(Boolean).join(' › ');
    out.replaceChildren(
      h('h2', {}, 'Matches'),
      classify.matches.length ? highlighted(text, classify.matches) : notice('No emotion word matched.'),
      h('p', { class: 'muted' }, 'Hover or focus (Tab) a highlighted span to see its emotion, path and the rules that shaped it.'),
      h('p', { class: 'dominant' }, 'Dominant path: ', h('strong', {}, dominant || 'none')),
      h('h2', {}, 'Scores by tier'),
      h(
        'div',
        { class: 'tiers' },
        bars('primary', classify.scores.primary),
        bars('secondary', classify.scores.secondary),
        bars('tertiary', classify.scores.tertiary),
      ),
      h('p', {}, copy, copied),
      h('details', {}, h('summary', {}, 'The result as JSON'), h('pre', { class: 'json', tabindex: 0 }, json)),
    );
  } catch (error) {
    out.replaceChildren(notice((error as Error).message, 'error'));
  }
}

export function tagView(main: HTMLElement): void {
  document.title = 'Tag a text · emokb';
  const input = h('textarea', { id: 'text', name: 'text', rows: 5, required: true, maxlength: 100000 }, EXAMPLE);
  const out = h('div', { 'aria-live': 'polite', class: 'tag-result' });
  const form = h(
    'form',
    { class: 'tag' },
    h('label', { for: 'text' }, 'A text to tag'),
    input,
    h('div', { class: 'row' }, h('button', { type: 'submit' }, 'Tag'), h('span', { class: 'muted' }, 'Ctrl+Enter tags too.')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (input.value.trim()) void tag(input.value, out);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.requestSubmit();
  });
  main.append(h('h1', {}, 'Tag a text with emotions'), form, out);
}
