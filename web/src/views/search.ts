// `/search?q=`: which emotions a word or phrase names or evokes, inflected or not, as the `lookup`
// query finds them: each emotion with its path, weight and kind, then each matched form and how it
// reached the lexicon.
import { graphql } from '../api.js';
import { h, notice } from '../dom.js';
import { primaryColour, textOn, tint } from '../palette.js';
import { navigate } from '../router.js';

interface Named {
  id: string;
  label: string;
}
interface LookupResult {
  key: string;
  whole: boolean;
  matches: { text: string; via: string; lemma: string; source: string; why: string }[];
  emotions: { emotion: Named; path: Named[]; weight: number; kind: string; matches: string[] }[];
}

const QUERY = `query Lookup($text: String!) { lookup(text: $text) {
  key whole
  matches { text via lemma source why }
  emotions { emotion { id label } path { id label } weight kind matches }
} }`;

function pathLinks(path: Named[]): HTMLElement {
  const fill = tint(primaryColour(path[0]?.label), 0.35);
  return h(
    'ol',
    { class: 'path inline', style: `--swatch:${fill};--swatch-text:${textOn(fill)}` },
    path.map((p) => h('li', {}, h('a', { href: `/emotion/${p.id}` }, p.label))),
  );
}

async function results(text: string, into: HTMLElement): Promise<void> {
  into.replaceChildren(notice('Looking up…'));
  try {
    const { lookup } = await graphql<{ lookup: LookupResult }>(QUERY, { text });
    if (!lookup.emotions.length) {
      into.replaceChildren(notice(`“${text}” names or evokes no emotion in the lexicon.`));
      return;
    }
    into.replaceChildren(
      notice(
        `${lookup.emotions.length} emotion${lookup.emotions.length > 1 ? 's' : ''} for “${text}”${lookup.whole ? ' (one lexicon entry)' : ''}`,
      ),
      h(
        'ol',
        { class: 'results' },
        lookup.emotions.map((e) =>
          h(
            'li',
            { class: 'result', style: `border-color:${primaryColour(e.path[0]?.label)}` },
            h('h3', {}, h('a', { href: `/emotion/${e.emotion.id}` }, e.emotion.label)),
            pathLinks(e.path),
            h(
              'p',
              {},
              h('span', { class: `kind ${e.kind.toLowerCase()}` }, e.kind === 'NAMES' ? 'names' : 'evokes'),
              ` weight ${e.weight.toFixed(2)} · from “${e.matches.join('”, “')}”`,
            ),
          ),
        ),
      ),
      h('h2', {}, 'How the words reached the lexicon'),
      h(
        'ul',
        { class: 'why' },
        lookup.matches.map((m) => h('li', {}, h('code', {}, m.why))),
      ),
    );
  } catch (error) {
    into.replaceChildren(notice((error as Error).message, 'error'));
  }
}

export function searchView(main: HTMLElement, url: URL): void {
  document.title = 'Search · emokb';
  const query = url.searchParams.get('q') ?? '';
  const input = h('input', {
    id: 'q',
    name: 'q',
    type: 'search',
    value: query,
    required: true,
    maxlength: 1000,
    autocomplete: 'off',
    placeholder: 'furious, heart broken, fed up…',
  });
  const out = h('div', { 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'search', role: 'search' },
    h('label', { for: 'q' }, 'A word or phrase'),
    h('div', { class: 'row' }, input, h('button', { type: 'submit' }, 'Look up')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (text) void navigate(`/search?q=${encodeURIComponent(text)}`);
  });
  main.append(h('h1', {}, 'Which emotions does a word name or evoke?'), form, out);
  if (query) void results(query, out);
  else input.focus();
}
