// The web explorer in a real browser (Debian's Chromium through playwright-core) against the real
// server on a fresh store: the sunburst, an emotion's page at its IRI path, search, tagging,
// keyboard use, an automated accessibility check (axe-core), a narrow screen, and no request
// leaving the server. Each test saves a screenshot under test-output/web/.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, openBrowser, type BrowserHandle } from '../helpers/browser.js';
import { tempDir } from '../helpers/cli.js';
import { startServer, type ServerHandle } from '../helpers/server.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PRIMARIES = ['love', 'joy', 'surprise', 'anger', 'sadness', 'fear'];

let server: ServerHandle;
let browser: BrowserHandle;
let page: Page;

/** Serious or critical axe-core violations on the page as it is now, as "rule: target" lines. */
async function seriousViolations(): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const result = (await page.evaluate(() => (window as unknown as { axe: { run(): Promise<unknown> } }).axe.run())) as {
    violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
  };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

/** What has focus, as "tag#id.class" plus its text or label, for following the Tab order. */
function focused(): Promise<string> {
  return page.evaluate(() => {
    const e = document.activeElement!;
    return `${e.tagName.toLowerCase()}|${e.getAttribute('href') ?? e.getAttribute('data-id') ?? e.id ?? ''}|${(e.textContent ?? '').trim().slice(0, 30)}`;
  });
}

/** Presses Tab until focus comes back round; returns the elements reached, in order. */
async function tabCycle(limit = 60): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const now = await focused();
    if (seen.includes(now)) break;
    seen.push(now);
  }
  return seen;
}

describe.skipIf(!browserAvailable())('web explorer in Chromium', () => {
  beforeAll(async () => {
    server = await startServer(join(await tempDir(), 'data'));
    browser = await openBrowser();
    page = browser.page;
  });
  afterAll(async () => {
    await browser?.close();
    expect(await server.stop()).toBe(0);
  });

  it('draws the hierarchy as a sunburst: 6 primary, 25 secondary and 135 tertiary arcs, coloured by primary', async () => {
    await page.goto(`${server.url}/`);
    await page.locator('path.arc').first().waitFor();
    expect(await page.locator('path.arc[data-tier=primary]').count()).toBe(6);
    expect(await page.locator('path.arc[data-tier=secondary]').count()).toBe(25);
    expect(await page.locator('path.arc[data-tier=tertiary]').count()).toBe(135);
    const primaries = await page
      .locator('path.arc[data-tier=primary]')
      .evaluateAll((arcs) => arcs.map((a) => [a.getAttribute('aria-label')!.split(',')[0], a.getAttribute('fill')]));
    expect(primaries.map(([label]) => label).sort()).toEqual([...PRIMARIES].sort());
    expect(new Set(primaries.map(([, fill]) => fill)).size).toBe(6);
    // rage's arc has anger's hue, lighter.
    const rage = await page.locator('path.arc[data-id=rage-secondary]').getAttribute('fill');
    expect(rage).not.toBe(primaries.find(([l]) => l === 'anger')![1]);
    await browser.screenshot('hierarchy');
  });

  it('opens an emotion page at its IRI path when an arc is clicked, and loads the same page from that URL', async () => {
    await page.goto(`${server.url}/`);
    await page.locator('path.arc[data-id=anger-primary]').click();
    await page.waitForURL(`${server.url}/emotion/anger-primary`);
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/^anger/);
    const children = await page.locator('section:has(h2:text("Children")) a.chip').allTextContents();
    expect(children).toEqual(['disgust', 'envy', 'exasperation', 'irritation', 'rage', 'torment']);
    await page.goto(`${server.url}/emotion/disappointment-tertiary`);
    await page.locator('h2:text("Transitions")').waitFor();
    expect(await page.locator('nav.path li').allTextContents()).toEqual(['sadness', 'disappointment', 'disappointment']);
    expect(await page.locator('section:has(h2:text("Terms")) caption').textContent()).toMatch(/accepted terms/);
    expect(await page.locator('.transitions svg rect').count()).toBeGreaterThan(1);
    expect(await page.locator('section:has(h2:text("Mappings")) td').allTextContents()).toContain('goemotions');
    await browser.screenshot('emotion');
    await page.goto(`${server.url}/emotion/no-such-emotion`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Not found');
  });

  it('finds which emotions "furious" names, with anger\'s path', async () => {
    await page.goto(`${server.url}/search`);
    await page.locator('#q').fill('furious');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/search?q=furious`);
    const result = page.locator('.result').first();
    await result.waitFor();
    expect(await result.locator('ol.path li').allTextContents()).toEqual(['anger', 'rage', 'anger']);
    expect(await result.locator('.kind').textContent()).toBe('names');
    await browser.screenshot('search');
  });

  it("tags a text: spans in their emotion's colour, a negated match marked, scores per tier, the result as JSON", async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.goto(`${server.url}/tag`);
    await page.locator('#text').fill('I am not excited, I am furious!');
    await page.locator('button[type=submit]').click();
    const marks = page.locator('mark.match');
    await marks.first().waitFor();
    const spans = await marks.evaluateAll((all) =>
      all.map((m) => ({
        text: m.childNodes[m.childNodes.length - 2]!.textContent,
        primary: m.dataset.primary,
        negated: m.dataset.negated,
      })),
    );
    expect(spans).toEqual([
      { text: 'excited', primary: 'joy', negated: 'true' },
      { text: 'furious', primary: 'anger', negated: 'false' },
    ]);
    expect(await marks.first().locator('.neg').textContent()).toBe('¬');
    // The path and rules show on keyboard focus.
    await marks.nth(1).focus();
    expect(await marks.nth(1).locator('.tip').isVisible()).toBe(true);
    expect(await marks.nth(1).locator('.tip').textContent()).toContain('anger › rage › anger');
    expect(await page.locator('.bars figcaption').allTextContents()).toEqual(['primary', 'secondary', 'tertiary']);
    expect(await page.locator('.bars').first().locator('.bar-label').allTextContents()).toEqual(['anger']);
    await browser.screenshot('tag');
    await page.locator('button:text("Copy the result as JSON")').click();
    await expect.poll(() => page.locator('[role=status]:text("Copied.")').count()).toBe(1);
    const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    expect(copied.dominant.primary).toBe('anger');
    expect(copied.matches.map((m: { text: string; negated: boolean }) => [m.text, m.negated])).toEqual([
      ['excited', true],
      ['furious', false],
    ]);

    // The example: "not happy" is itself a lexicon entry (it names unhappiness), so the span
    // is the whole phrase, in sadness's colour, and not a negated "happy".
    await page.locator('#text').fill('I am not happy, I am furious!');
    await page.locator('#text').press('Control+Enter');
    await expect.poll(() => marks.first().getAttribute('data-primary')).toBe('sadness');
    expect(await marks.evaluateAll((all) => all.map((m) => m.dataset.emotion))).toEqual(['unhappiness', 'anger']);
  });

  it('is usable by keyboard: Tab reaches every control, arrow keys move in the sunburst, Enter opens', async () => {
    await page.goto(`${server.url}/`);
    await page.locator('path.arc').first().waitFor();
    const order = await tabCycle();
    const reached = order.map((f) => f.split('|')[1]);
    for (const control of ['#main', '/', '/search', '/tag', '/graphql', ...PRIMARIES.map((p) => `/emotion/${p}-primary`)])
      expect(reached).toContain(control);
    expect(order.filter((f) => f.startsWith('path|'))).toHaveLength(1);
    expect(order.some((f) => f.startsWith('summary|'))).toBe(true);
    // Into the chart: right to the next primary, up (outwards) to its first secondary, Enter.
    await page.locator('path.arc[tabindex="0"]').focus();
    const start = await focused();
    await page.keyboard.press('ArrowRight');
    expect(await focused()).not.toBe(start);
    await page.keyboard.press('ArrowUp');
    const secondary = (await focused()).split('|')[1]!;
    expect(secondary).toMatch(/-secondary$|-tertiary$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/emotion/${secondary}`);

    await page.goto(`${server.url}/tag`);
    await page.keyboard.press('Tab');
    const tagControls = (await tabCycle()).map((f) => f.split('|')[0]);
    expect(tagControls).toContain('textarea');
    expect(tagControls).toContain('button');
    await page.locator('#text').focus();
    await page.keyboard.press('Control+Enter');
    await page.locator('mark.match').first().waitFor();
    const after = await tabCycle(80);
    expect(after.filter((f) => f.startsWith('mark|'))).toHaveLength(await page.locator('mark.match').count());
    expect(after.some((f) => f.startsWith('button|') && f.includes('Copy'))).toBe(true);
  });

  it('has no serious accessibility violations (axe-core) on any view', async () => {
    const views: [string, string][] = [
      ['/', 'path.arc'],
      ['/emotion/anger-primary', 'table'],
      ['/emotion/disappointment-tertiary', '.transitions'],
      ['/search?q=heart%20broken', '.result'],
    ];
    for (const [path, ready] of views) {
      await page.goto(`${server.url}${path}`);
      await page.locator(ready).first().waitFor();
      expect(await seriousViolations(), path).toEqual([]);
    }
    await page.goto(`${server.url}/tag`);
    await page.locator('button[type=submit]').click();
    await page.locator('mark.match').first().waitFor();
    expect(await seriousViolations(), '/tag').toEqual([]);
  });

  it('fits a narrow screen: nothing wider than the viewport', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    try {
      for (const [path, ready] of [
        ['/', 'path.arc'],
        ['/emotion/anger-primary', 'table'],
        ['/tag', 'textarea'],
      ] as const) {
        await page.goto(`${server.url}${path}`);
        await page.locator(ready).first().waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
      }
      await page.goto(`${server.url}/`);
      await page.locator('path.arc').first().waitFor();
      const chart = await page.locator('svg.sunburst').boundingBox();
      expect(chart!.width).toBeLessThanOrEqual(360);
      expect(chart!.width).toBeGreaterThan(300);
      await browser.screenshot('narrow');
    } finally {
      await page.setViewportSize({ width: 1200, height: 900 });
    }
  });

  it('makes no request beyond the server (no CDN, no web font)', () => {
    expect(browser.requests.length).toBeGreaterThan(20);
    const elsewhere = browser.requests.filter(
      (url) => !url.startsWith(`${server.url}/`) && !url.startsWith('blob:') && !url.startsWith('data:'),
    );
    expect(elsewhere).toEqual([]);
  });
});
