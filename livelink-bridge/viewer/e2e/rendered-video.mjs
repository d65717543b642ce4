// End to end in Debian's headless Chromium against a whole running platform (`scenelog up`: bridge, render node,
// real Vulkan renderer, FFmpeg encoder): a browser joins a session, decodes its video with WebCodecs and shows a known
// red cube in the middle of the picture; another client (this script, through the REST API) paints the cube blue,
// and the first client's picture turns blue.
//
//   node e2e/rendered-video.mjs '{"pageUrl": "http://127.0.0.1:8082", "apiUrl": "http://127.0.0.1:8080",
//       "sessionId": "...", "sceneId": "...", "entityId": "...", "viewerToken": "...", "editorToken": "...",
//       "chromium": "/usr/bin/chromium", "out": "/tmp/e2e"}'
//
// Prints one JSON line {"ok": true, ...} and exits 0, or prints what failed (and leaves screenshots in `out`) and
// exits 1. Playwright only drives the browser: it never downloads one (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD).

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const STEP_TIMEOUT_MILLIS = 60000;
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The colour at the middle of the video canvas, as the page painted it. */
async function centreColour(page) {
  return page.evaluate(() => {
    const canvas = document.querySelector('canvas[data-video-state]');
    const context = canvas.getContext('2d');
    const [r, g, b] = context.getImageData(Math.floor(canvas.width / 2), Math.floor(canvas.height / 2), 1, 1).data;
    return { r, g, b, framesPainted: Number(canvas.dataset.framesPainted ?? 0), state: canvas.dataset.videoState };
  });
}

/** Whether one channel clearly dominates the other two. */
function dominated(colour, channel) {
  const others = ['r', 'g', 'b'].filter((c) => c !== channel);
  return others.every((c) => colour[channel] > colour[c] + 40);
}

async function awaitColour(page, channel, label) {
  const deadline = Date.now() + STEP_TIMEOUT_MILLIS;
  let last;
  while (Date.now() < deadline) {
    last = await centreColour(page);
    if (last.framesPainted > 2 && dominated(last, channel)) {
      return last;
    }
    await page.waitForTimeout(200);
  }
  throw new Error(`${label}: the middle of the picture never became ${channel}-dominant; last ${JSON.stringify(last)}`);
}

async function main(options) {
  const browser = await chromium.launch({ executablePath: options.chromium ?? '/usr/bin/chromium', headless: true,
    args: CHROMIUM_FLAGS });
  const problems = [];
  let page;
  try {
    const context = await browser.newContext({ viewport: { width: 960, height: 720 } });
    page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MILLIS);
    page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
    await page.goto(`${options.pageUrl}/view?session=${options.sessionId}&role=viewer#token=${options.viewerToken}`);
    await page.waitForSelector('[data-testid=connection-state][data-state=live]');
    await page.waitForSelector('canvas[data-video-state=STREAMING]');
    const red = await awaitColour(page, 'r', 'the red cube');

    const response = await fetch(`${options.apiUrl}/scenes/${options.sceneId}/entities/${options.entityId}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${options.editorToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ set: { material: { baseColor: { r: 0.1, g: 0.15, b: 0.9, a: 1 }, metallic: 0,
        roughness: 0.6 } } }),
    });
    if (response.status !== 200) {
      throw new Error(`the edit was refused: ${response.status} ${await response.text()}`);
    }
    const blue = await awaitColour(page, 'b', 'the cube painted blue');
    const stats = await page.locator('[data-testid=video-stats]').textContent();
    if (problems.length > 0) {
      throw new Error(problems.join('\n'));
    }
    console.log(JSON.stringify({ ok: true, red, blue, stats }));
  } catch (error) {
    if (page && options.out) {
      await mkdir(options.out, { recursive: true });
      await page.screenshot({ path: join(options.out, 'rendered-video.png') }).catch(() => {});
    }
    console.log(JSON.stringify({ ok: false, error: String(error.stack ?? error), problems }));
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

await main(JSON.parse(process.argv[2]));
