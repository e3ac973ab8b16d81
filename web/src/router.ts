// Client-side routes at the server's own paths, so every view has a URL that can be shared and
// reloaded: `/` the hierarchy, `/emotion/<id>` an emotion (its IRI path), `/search?q=`, `/tag`.
export type View = (main: HTMLElement, url: URL) => Promise<void> | void;

export interface Routes {
  hierarchy: View;
  emotion: View;
  search: View;
  tag: View;
}

let routes: Routes | undefined;

function viewOf(path: string): keyof Routes | undefined {
  if (path === '/' || path === '/index.html') return 'hierarchy';
  if (path.startsWith('/emotion/')) return 'emotion';
  if (path === '/search') return 'search';
  if (path === '/tag') return 'tag';
  return undefined;
}

async function render(): Promise<void> {
  const main = document.getElementById('main')!;
  const url = new URL(location.href);
  const name = viewOf(url.pathname) ?? 'hierarchy';
  for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-nav]')) {
    if (link.dataset.nav === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  main.replaceChildren();
  await routes![name](main, url);
}

/** Goes to `href` inside the explorer, adding a history entry; focus moves to the new content. */
export async function navigate(href: string, replace = false): Promise<void> {
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  await render();
  document.getElementById('main')!.focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

export function start(table: Routes): void {
  routes = table;
  // Same-origin links to a route are followed in the page; others (GraphiQL) load normally.
  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a') as Element | null;
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    // getAttribute: an SVG <a> (the transitions graph) has no string `href` property.
    const url = new URL(link.getAttribute('href') ?? '', location.href);
    if (url.origin !== location.origin || !viewOf(url.pathname) || link.getAttribute('target')) return;
    event.preventDefault();
    void navigate(url.pathname + url.search);
  });
  window.addEventListener('popstate', () => void render());
  void render();
}
