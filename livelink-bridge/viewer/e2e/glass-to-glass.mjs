// Glass to glass (issue 6, "Performance"), driven by `scenelog bench glass`: Debian's headless Chromium opens the
// viewer page of a running session as an editor, waits for the video, then edits a big cube's colour N times through
// the page's own controls and Livelink connection, and times each edit on the page's clock (performance.now()):
//
//   sent     the action frame leaving the page (WebSocket.send, hooked)
//   event    the committed SceneEvent of that action arriving on the page's connection (the peer path: no rendering,
//            encoding or decoding)
//   frame    the first VideoFrame whose sceneVersion includes the edit arriving
//   painted  that frame drawn on the canvas (its decoded VideoFrame, matched by timestamp)
//   glass    the first drawImage on the video canvas after which the canvas's centre pixel shows the new colour
//
// Then, if asked (`inputs`), N camera orbit drags on the canvas (the page's own Input frames): each timed from the
// Input frame leaving the page to the first paint whose picture differs from the last one before it (a 32x18
// down-scaled signature of the canvas), beside the next event arriving (the renderer committing the moved camera).
//
// Paints are observed by wrapping CanvasRenderingContext2D.drawImage: right after each drawImage of a VideoFrame on
// the video canvas the hook reads the centre pixel back (getImageData), so a paint is detected in the same task that
// drew it, with performance.now()'s resolution; the compositor then shows the canvas at its next frame (headless
// Chromium has no display, so that last step is not part of the figure).
//
//   node e2e/glass-to-glass.mjs '{"pageUrl": "http://127.0.0.1:8082", "sessionId": "...", "entityId": "...",
//       "token": "...", "width": 640, "height": 360, "edits": 50, "inputs": 50, "intervalMillis": 300,
//       "chromium": "/usr/bin/chromium",
//       "out": "/tmp/glass"}'
//
// Prints one JSON line {"ok": true, "edits": [...], ...} and exits 0, or {"ok": false, "error": ...} (and leaves a
// screenshot in `out`) and exits 1. Playwright only drives the browser: it never downloads one.

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const STEP_TIMEOUT_MILLIS = 90000;
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** The two colours the cube alternates between, and the channel that dominates each on screen. */
const COLOURS = [{ hex: '#1a26e6', channel: 'b' }, { hex: '#e61a14', channel: 'r' }];
/** A channel dominates when it exceeds both others by this much (H.264 keeps a flat colour well within it). */
const DOMINANCE = 40;
/** An orbit drag's length as a fraction of the canvas width: 0.1 turns the camera by 18 degrees. */
const ORBIT_FRACTION = 0.1;
/** A picture changed when this many of its 32x18 cells changed by more than CHANGE_THRESHOLD (sum of r, g, b). */
const CHANGED_CELLS = 3;
const CHANGE_THRESHOLD = 30;

/**
 * Runs in the page before its own scripts: records Livelink frames in both directions and every paint of the video
 * canvas on window.__glass, parsing just the leading Avro fields it needs (schemas/README.md, "Livelink protocol").
 */
function glassHook() {
  const glass = { sends: [], inputs: [], events: [], frames: [], paints: [], unreadable: 0, listeners: new Set(),
    signatures: false };
  window.__glass = glass;
  const text = new TextDecoder();

  /** Avro binary, forward only: zig-zag varints (exact up to 2^53) and length-prefixed strings. */
  class AvroReader {
    constructor(bytes, position) {
      this.bytes = bytes;
      this.position = position;
    }

    long() {
      let value = 0;
      let scale = 1;
      let byte;
      do {
        byte = this.bytes[this.position++];
        value += (byte & 0x7f) * scale;
        scale *= 128;
      } while (byte & 0x80);
      return value % 2 === 0 ? value / 2 : -(value + 1) / 2;
    }

    boolean() {
      return this.bytes[this.position++] === 1;
    }

    string() {
      const length = this.long();
      const value = text.decode(this.bytes.subarray(this.position, this.position + length));
      this.position += length;
      return value;
    }

    skipBytes() {
      const length = this.long();
      this.position += length;
      return length;
    }
  }

  const bytesOf = (data) => (data instanceof ArrayBuffer ? new Uint8Array(data)
    : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : null);

  function incoming(data) {
    const t = performance.now();
    const bytes = bytesOf(data);
    if (bytes === null || bytes.length === 0) {
      glass.unreadable += 1;
      return;
    }
    const reader = new AvroReader(bytes, 1);
    if (bytes[0] === 8) { // event: SceneEvent
      reader.string(); // sceneId
      const version = reader.long();
      const actionId = reader.string();
      reader.string(); // emitter.clientId
      reader.long(); // emitter.role
      if (reader.long() === 1) {
        reader.string(); // emitter.sessionId
      }
      reader.boolean(); // persisted
      glass.events.push({ t, version, actionId, committedAt: reader.long() });
    } else if (bytes[0] === 5) { // video: VideoFrame
      const frame = { t, frameNumber: reader.long(), keyFrame: reader.boolean() };
      frame.codec = reader.string();
      frame.width = reader.long();
      frame.height = reader.long();
      frame.timestampMicros = reader.long();
      frame.sceneVersion = reader.long();
      frame.capturedAt = reader.long();
      frame.renderMicros = reader.long();
      frame.encodeMicros = reader.long();
      frame.bytes = reader.skipBytes();
      glass.frames.push(frame);
    }
  }

  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      // Registered before the page sets onmessage, so it runs first: the arrival time excludes the page's handling.
      this.addEventListener('message', (message) => incoming(message.data));
    }

    send(data) {
      const bytes = bytesOf(data);
      if (bytes !== null && bytes[0] === 7) { // action: SceneAction, actionId first
        const t = performance.now();
        glass.sends.push({ t, wall: performance.timeOrigin + t, actionId: new AvroReader(bytes, 1).string() });
      } else if (bytes !== null && bytes[0] === 6) { // input
        glass.inputs.push({ t: performance.now() });
      }
      return super.send(data);
    }
  };

  // The picture in SIGNATURE_WIDTH x SIGNATURE_HEIGHT cells (the canvas scaled down), to tell whether it changed.
  const SIGNATURE_WIDTH = 32;
  const SIGNATURE_HEIGHT = 18;
  let small = null;
  function signatureOf(canvas) {
    small ??= new OffscreenCanvas(SIGNATURE_WIDTH, SIGNATURE_HEIGHT).getContext('2d', { willReadFrequently: true });
    small.drawImage(canvas, 0, 0, SIGNATURE_WIDTH, SIGNATURE_HEIGHT);
    return small.getImageData(0, 0, SIGNATURE_WIDTH, SIGNATURE_HEIGHT).data;
  }

  const nativeDrawImage = CanvasRenderingContext2D.prototype.drawImage;
  CanvasRenderingContext2D.prototype.drawImage = function drawImage(image, ...rest) {
    const result = nativeDrawImage.call(this, image, ...rest);
    if (typeof VideoFrame === 'function' && image instanceof VideoFrame && this.canvas.dataset.videoState) {
      const { width, height } = this.canvas;
      const [r, g, b] = this.getImageData(Math.floor(width / 2), Math.floor(height / 2), 1, 1).data;
      const paint = { t: performance.now(), timestampMicros: image.timestamp, r, g, b, width, height };
      if (glass.signatures) {
        paint.signature = signatureOf(this.canvas);
      }
      glass.paints.push(paint);
      for (const listener of glass.listeners) {
        listener(paint);
      }
    }
    return result;
  };
}

/**
 * In the page: applies one colour through the inspector (the page's own action on its own Livelink connection) and
 * resolves when a paint shows it, with the action's id.
 */
async function editAndAwaitColour({ hex, channel, dominance, timeoutMillis }) {
  const glass = window.__glass;
  const dominated = (paint) => ['r', 'g', 'b'].filter((c) => c !== channel)
    .every((c) => paint[channel] > paint[c] + dominance);
  const sendsBefore = glass.sends.length;
  const shown = new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      glass.listeners.delete(listener);
      reject(new Error(`no paint showed ${hex} within ${timeoutMillis} ms; last paint ${JSON.stringify(
        glass.paints.at(-1))}`));
    }, timeoutMillis);
    function listener(paint) {
      if (dominated(paint)) {
        clearTimeout(timer);
        glass.listeners.delete(listener);
        resolve(paint);
      }
    }
    glass.listeners.add(listener);
  });
  const colour = document.querySelector('[data-testid=inspector-color]');
  colour.value = hex;
  colour.dispatchEvent(new Event('input', { bubbles: true }));
  colour.form.requestSubmit();
  if (glass.sends.length !== sendsBefore + 1) {
    throw new Error(`applying ${hex} sent ${glass.sends.length - sendsBefore} actions instead of one`);
  }
  const sent = glass.sends.at(-1);
  const paint = await shown;
  return { actionId: sent.actionId, sentAt: sent.t, glassAt: paint.t };
}

/**
 * In the page: watches for the next camera input to leave the page and for the first paint after it whose picture
 * differs from the last one before it (at least `cells` cells of the signature changed by more than `threshold`,
 * summed over red, green and blue); the watch (window.__glass.watch) resolves with both times.
 */
function armChangeWatch({ timeoutMillis, cells, threshold }) {
  const glass = window.__glass;
  const inputsBefore = glass.inputs.length;
  const reference = glass.paints.at(-1).signature;
  const changed = (signature) => {
    let count = 0;
    for (let i = 0; i < signature.length; i += 4) {
      const difference = Math.abs(signature[i] - reference[i]) + Math.abs(signature[i + 1] - reference[i + 1])
        + Math.abs(signature[i + 2] - reference[i + 2]);
      count += difference > threshold ? 1 : 0;
    }
    return count >= cells;
  };
  glass.watch = new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      glass.listeners.delete(listener);
      reject(new Error(`no paint changed within ${timeoutMillis} ms of the camera input (${glass.inputs.length
        - inputsBefore} input frames sent)`));
    }, timeoutMillis);
    function listener(paint) {
      const input = glass.inputs[inputsBefore];
      if (input !== undefined && paint.t > input.t && changed(paint.signature)) {
        clearTimeout(timer);
        glass.listeners.delete(listener);
        resolve({ inputAt: input.t, changedAt: paint.t, inputFrames: glass.inputs.length - inputsBefore });
      }
    }
    glass.listeners.add(listener);
  });
}

/** One orbit drag on the canvas, starting in its upper left (the sky: a press on the selected cube would move it). */
async function orbit(page, box, direction) {
  const x = box.x + box.width * 0.12;
  const y = box.y + box.height * 0.15;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + direction * box.width * ORBIT_FRACTION, y, { steps: 1 });
  await page.mouse.up();
}

/** Per camera input, the times after it left the page of the changed picture and of the next event (its camera). */
function measureInputs(glass, inputs) {
  return inputs.map((input, i) => {
    const until = inputs[i + 1]?.inputAt ?? Infinity;
    const event = glass.events.find((e) => e.t > input.inputAt && e.t < until);
    return {
      glassMillis: input.changedAt - input.inputAt,
      eventMillis: event ? event.t - input.inputAt : null,
      inputFrames: input.inputFrames,
    };
  });
}

/** The colour at the middle of the last paint, and how many paints there were at the requested size. */
async function lastPaint(page, width, height) {
  return page.evaluate(({ w, h }) => {
    const paints = window.__glass.paints.filter((paint) => paint.width === w && paint.height === h);
    return { count: paints.length, last: paints.at(-1) ?? null };
  }, { w: width, h: height });
}

async function awaitCondition(label, check) {
  const deadline = Date.now() + STEP_TIMEOUT_MILLIS;
  let last;
  while (Date.now() < deadline) {
    last = await check();
    if (last.done) {
      return last;
    }
    await new Promise((resolve) => { setTimeout(resolve, 100); });
  }
  throw new Error(`${label} did not happen within ${STEP_TIMEOUT_MILLIS} ms; last ${JSON.stringify(last)}`);
}

/** Per edit, the times after the send (ms) of each step, from the hook's records. */
function measure(glass, edits) {
  return edits.map((edit) => {
    const event = glass.events.find((e) => e.actionId === edit.actionId);
    const sent = glass.sends.find((s) => s.actionId === edit.actionId);
    const frame = event && glass.frames.find((f) => f.t >= edit.sentAt && f.sceneVersion >= event.version);
    const painted = frame && glass.paints.find((p) => p.t >= frame.t && p.timestampMicros === frame.timestampMicros);
    const since = (t) => (t === undefined ? null : t - edit.sentAt);
    return {
      actionId: edit.actionId,
      sentAt: edit.sentAt,
      version: event?.version ?? null,
      glassMillis: edit.glassAt - edit.sentAt,
      eventMillis: since(event?.t),
      committedMillis: event ? event.committedAt - sent.wall : null,
      frameMillis: since(frame?.t),
      capturedMillis: frame ? frame.capturedAt - sent.wall : null,
      framePaintedMillis: since(painted?.t),
      decodeMillis: painted ? painted.t - frame.t : null,
      renderMicros: frame?.renderMicros ?? null,
      encodeMicros: frame?.encodeMicros ?? null,
      frameBytes: frame?.bytes ?? null,
    };
  });
}

async function main(options) {
  const width = options.width ?? 640;
  const height = options.height ?? 360;
  const browser = await chromium.launch({ executablePath: options.chromium ?? '/usr/bin/chromium', headless: true,
    args: CHROMIUM_FLAGS });
  const problems = [];
  let page;
  try {
    const context = await browser.newContext({ viewport: { width: width + 700, height: height + 500 },
      deviceScaleFactor: 1 });
    await context.addInitScript(glassHook);
    page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MILLIS);
    page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
    await page.goto(`${options.pageUrl}/view?session=${options.sessionId}&role=editor#token=${options.token}`);
    await page.waitForSelector('[data-testid=connection-state][data-state=live]');
    // The canvas's CSS size is the video size the page asks for (device pixel ratio 1).
    await page.evaluate(({ w, h }) => {
      const canvas = document.querySelector('canvas[data-video-state]');
      canvas.style.width = `${w}px`;
      canvas.style.height = `${h}px`;
    }, { w: width, h: height });
    await page.waitForSelector('canvas[data-video-state=STREAMING]');
    await awaitCondition(`video at ${width}x${height}`, async () => {
      const paints = await lastPaint(page, width, height);
      return { ...paints, done: paints.count > 5 };
    });
    await page.click(`[data-testid=entity-row][data-entity-id="${options.entityId}"]`);
    await page.waitForSelector('[data-testid=inspector-color]');

    const edits = [];
    const started = Date.now();
    for (let i = 0; i < options.edits; i++) {
      const colour = COLOURS[i % COLOURS.length];
      const edit = await page.evaluate(editAndAwaitColour, { hex: colour.hex, channel: colour.channel,
        dominance: DOMINANCE, timeoutMillis: options.editTimeoutMillis ?? 10000 });
      edits.push(edit);
      // Paced: the next edit goes out `intervalMillis` after this one was sent, or at once if it took longer.
      const next = await page.evaluate(({ sentAt, interval }) => sentAt + interval - performance.now(),
        { sentAt: edit.sentAt, interval: options.intervalMillis ?? 300 });
      if (next > 0) {
        await page.waitForTimeout(next);
      }
    }
    // Every edit's event must have arrived before the figures are read (it normally precedes its picture).
    await awaitCondition('every edit\'s event', async () => {
      const missing = await page.evaluate((ids) => ids.filter((id) => !window.__glass.events
        .some((e) => e.actionId === id)).length, edits.map((e) => e.actionId));
      return { missing, done: missing === 0 };
    });

    const inputs = [];
    if ((options.inputs ?? 0) > 0) {
      await page.evaluate(() => { window.__glass.signatures = true; });
      await awaitCondition('paints with signatures', async () => ({
        done: await page.evaluate(() => window.__glass.paints.at(-1)?.signature !== undefined) }));
      const box = await page.locator('canvas[data-video-state]').boundingBox();
      for (let i = 0; i < options.inputs; i++) {
        await page.evaluate(armChangeWatch, { timeoutMillis: options.editTimeoutMillis ?? 10000,
          cells: CHANGED_CELLS, threshold: CHANGE_THRESHOLD });
        await orbit(page, box, i % 2 === 0 ? 1 : -1);
        const input = await page.evaluate(() => window.__glass.watch);
        inputs.push(input);
        const next = await page.evaluate(({ inputAt, interval }) => inputAt + interval - performance.now(),
          { inputAt: input.inputAt, interval: options.intervalMillis ?? 300 });
        if (next > 0) {
          await page.waitForTimeout(next);
        }
      }
      // The last input's camera event normally follows its picture: give it a few seconds (a missing one is
      // reported as such, not as a failure).
      const last = inputs.at(-1).inputAt;
      const deadline = Date.now() + 3000;
      while (Date.now() < deadline && !await page.evaluate((t) => window.__glass.events.some((e) => e.t > t), last)) {
        await page.waitForTimeout(50);
      }
    }
    const glass = await page.evaluate(() => {
      const { sends, events, frames, paints, unreadable } = window.__glass;
      return { sends, events, frames, paints: paints.map(({ signature, ...paint }) => paint), unreadable };
    });
    const frameSize = glass.frames.at(-1);
    console.log(JSON.stringify({
      ok: problems.length === 0,
      problems,
      width: frameSize.width,
      height: frameSize.height,
      codec: frameSize.codec,
      runMillis: Date.now() - started,
      framesReceived: glass.frames.length,
      framesPainted: glass.paints.length,
      unreadableFrames: glass.unreadable,
      edits: measure(glass, edits),
      inputs: measureInputs(glass, inputs),
    }));
    if (problems.length > 0) {
      process.exitCode = 1;
    }
  } catch (error) {
    if (page && options.out) {
      await mkdir(options.out, { recursive: true });
      await page.screenshot({ path: join(options.out, 'glass-to-glass.png') }).catch(() => {});
    }
    const pageState = page ? await page.evaluate(() => ({
      connection: document.querySelector('[data-testid=connection-state]')?.textContent,
      notes: [...document.querySelectorAll('[data-testid=result-log] li')].slice(0, 5).map((li) => li.textContent),
    })).catch(() => null) : null;
    console.log(JSON.stringify({ ok: false, error: String(error.stack ?? error), problems, pageState }));
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

await main(JSON.parse(process.argv[2]));
