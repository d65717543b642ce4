// End to end in Debian's headless Chromium against a running platform whose bridge serves this page: two editors
// join the same session in two browser contexts, one adds a box and moves it, and the other's entity tree shows the
// new position; a viewer in a third context tries to persist a move and sees FORBIDDEN_PERSIST, which changes nothing.
//
//   node e2e/two-viewers.mjs '{"pageUrl": "http://127.0.0.1:8082", "sessionId": "...", "editorToken": "...",
//                             "viewerToken": "...", "chromium": "/usr/bin/chromium", "out": "/tmp/e2e"}'
//
// Prints one JSON line {"ok": true, ...} and exits 0, or prints what failed (and leaves screenshots in `out`) and
// exits 1. Playwright only drives the browser: it never downloads one (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD).

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const STEP_TIMEOUT_MILLIS = 20000;
/** As KNOWN-FACTS.md says Chromium must run here: headless, as root, quiet on a closed network. */
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function main(options) {
  const browser = await chromium.launch({ executablePath: options.chromium ?? '/usr/bin/chromium', headless: true,
    args: CHROMIUM_FLAGS });
  const problems = [];
  const pages = [];
  try {
    const open = async (label, token, role) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      page.setDefaultTimeout(STEP_TIMEOUT_MILLIS);
      page.on('pageerror', (error) => problems.push(`${label}: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && !/favicon/.test(message.text())) {
          problems.push(`${label} console: ${message.text()}`);
        }
      });
      pages.push({ label, page });
      await page.goto(`${options.pageUrl}/view?session=${options.sessionId}&role=${role}#token=${token}`);
      await page.waitForSelector('[data-testid=connection-state][data-state=live]');
      await page.waitForSelector('[data-testid=entity-row], [data-testid=entity-tree-empty]');
      return page;
    };
    const first = await open('editor-1', options.editorToken, 'editor');
    const second = await open('editor-2', options.editorToken, 'editor');
    const viewer = await open('viewer', options.viewerToken, 'viewer');
    if (new URL(first.url()).hash !== '') {
      throw new Error(`the credentials stayed in the address bar: ${first.url()}`);
    }

    const name = `e2e box ${Date.now()}`;
    await first.fill('[data-testid=create-name]', name);
    await first.click('[data-testid=create-entity]');
    const row = (page) => page.locator('[data-testid=entity-row]', {
      has: page.locator('[data-testid=entity-name]', { hasText: name }),
    });
    await row(second).waitFor();
    const entityId = await row(second).getAttribute('data-entity-id');

    await row(first).click();
    await first.fill('[data-testid=inspector-position-x]', '2.5');
    await first.fill('[data-testid=inspector-position-z]', '-1');
    await first.click('[data-testid=apply-transform]');
    await expectPosition(second, entityId, '(2.50, 0.50, -1.00)', 'the second editor\'s tree after the move');

    await row(viewer).click();
    await viewer.uncheck('[data-testid=transient-toggle]');
    await viewer.click('[data-testid="nudge-y+"]');
    const rejection = viewer.locator('[data-testid=last-rejection]');
    await rejection.waitFor();
    const rejectionText = await rejection.textContent();
    if (!rejectionText.startsWith('FORBIDDEN_PERSIST: ')) {
      throw new Error(`the viewer's persisted move was answered "${rejectionText}", not FORBIDDEN_PERSIST`);
    }
    const errorNextToControl = await viewer.textContent('[data-testid=error-transform]');
    await expectPosition(first, entityId, '(2.50, 0.50, -1.00)', 'the first editor\'s tree after the refused move');

    if (problems.length > 0) {
      throw new Error(`the pages reported errors: ${problems.join(' | ')}`);
    }
    return { ok: true, entityId, rejection: rejectionText, errorNextToControl };
  } catch (error) {
    if (options.out) {
      await mkdir(options.out, { recursive: true });
      for (const { label, page } of pages) {
        await page.screenshot({ path: join(options.out, `${label}.png`), fullPage: true }).catch(() => {});
      }
    }
    error.message += problems.length ? ` (page errors: ${problems.join(' | ')})` : '';
    throw error;
  } finally {
    await browser.close();
  }
}

/** Waits until an entity's row shows a position text; fails naming what it saw instead. */
async function expectPosition(page, entityId, expected, what) {
  const selector = `[data-testid=entity-row][data-entity-id="${entityId}"] [data-testid=entity-position]`;
  try {
    await page.waitForFunction(([css, text]) => document.querySelector(css)?.textContent === text,
      [selector, expected]);
  } catch {
    const actual = await page.locator(selector).textContent({ timeout: 1000 }).catch(() => 'no such row');
    throw new Error(`${what}: expected "${expected}", saw "${actual}"`);
  }
}

main(JSON.parse(process.argv[2] ?? '{}')).then(
  (report) => console.log(JSON.stringify(report)),
  (error) => {
    console.error(`two-viewers: ${error.message}`);
    process.exitCode = 1;
  },
);
