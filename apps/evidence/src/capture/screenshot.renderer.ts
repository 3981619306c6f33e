import { access, constants } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import type { FetchedExchange } from '@phoi-hop/safe-fetch';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export type Rendering = { taken: true; png: Buffer; text: string | null } | { taken: false; reason: string };

/**
 * A full-page screenshot of a captured page, rendered by headless Chromium from the captured
 * bytes only: every request the browser makes is answered from the exchanges already fetched (and
 * checked) or refused, so the browser itself never reaches the network.
 */
export async function renderScreenshot(chromiumPath: string | null, finalUrl: string, exchanges: FetchedExchange[], timeoutMs: number): Promise<Rendering> {
  if (!chromiumPath) return { taken: false, reason: 'no Chromium configured (EVIDENCE_CHROMIUM_PATH)' };
  try {
    await access(chromiumPath, constants.X_OK);
  } catch {
    return { taken: false, reason: `Chromium is not installed at ${chromiumPath}` };
  }
  const byUrl = new Map(exchanges.filter((e) => e.status < 300 || e.status >= 400).map((e) => [e.url, e]));
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS, timeout: timeoutMs });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.route('**/*', async (route) => {
      const found = byUrl.get(route.request().url());
      if (!found) return route.abort('blockedbyclient');
      const headers = Object.fromEntries(
        found.responseHeaders.filter(([name]) => !/^(content-length|transfer-encoding|content-encoding|connection)$/i.test(name)),
      );
      await route.fulfill({ status: found.status, headers, body: found.body });
    });
    await page.goto(finalUrl, { waitUntil: 'load', timeout: timeoutMs });
    const png = await page.screenshot({ fullPage: true, type: 'png', timeout: timeoutMs });
    const text = await page
      .evaluate(() => (globalThis as unknown as { document: { body?: { innerText: string } } }).document.body?.innerText ?? '')
      .catch(() => null);
    return { taken: true, png, text };
  } catch (error) {
    return { taken: false, reason: `Chromium could not render the page: ${String((error as Error)?.message ?? error).split('\n')[0]}` };
  } finally {
    await browser.close().catch(() => undefined);
  }
}
