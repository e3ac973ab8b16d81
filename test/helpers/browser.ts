// Headless Chromium from Debian (`scripts/test-tools.sh` installs it; no browser is downloaded),
// driven by playwright-core, for the web explorer's end-to-end tests. Every request the pages make
// is recorded, so a test can check that none leaves the server under test.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ROOT, tempDir } from './cli.js';

export const CHROMIUM = process.env.EMOKB_CHROMIUM ?? '/usr/bin/chromium';
/** Where each test's screenshot goes, for a reviewer to look at. */
export const SCREENSHOTS = join(ROOT, 'test-output', 'web');

/**
 * Whether the browser tests can run. Without Chromium they are skipped with a note, unless
 * EMOKB_REQUIRE_BROWSER is set (as .ci/run sets it), when its absence fails the run.
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.EMOKB_REQUIRE_BROWSER) throw new Error(`${CHROMIUM} is missing: run scripts/test-tools.sh (apt-get install chromium)`);
  console.warn(`web explorer browser tests skipped: no ${CHROMIUM} (scripts/test-tools.sh installs it)`);
  return false;
}

export interface BrowserHandle {
  context: BrowserContext;
  page: Page;
  /** Every URL a page of this context requested. */
  requests: string[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function openBrowser(): Promise<BrowserHandle> {
  const context = await chromium.launchPersistentContext(await tempDir('emokb-chromium-'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1200, height: 900 },
  });
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  await mkdir(SCREENSHOTS, { recursive: true });
  return {
    context,
    page,
    requests,
    async screenshot(name) {
      const path = join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    close: () => context.close(),
  };
}
