// The video canvas: says what the bridge's VideoStatus says (until a renderer is attached: "No renderer attached"),
// decodes VideoFrames with WebCodecs (../video/stream.js) and paints them on a 2D canvas, shows fps, bit rate and
// latency over the picture, and tells the bridge its size and codecs (Configure, ../video/settings.js) after each
// Welcome, after a resize (debounced) and when the tab is hidden (no video) or shown again.

import { Channel, wrap } from '../protocol.js';
import { VideoStream } from '../video/stream.js';
import { videoSettings, videoSize } from '../video/settings.js';

const LIVELINK = 'io.scenelog.livelink';
const RESIZE_DEBOUNCE_MILLIS = 150;
const STATS_INTERVAL_MILLIS = 500;

const STATUS_TEXT = Object.freeze({
  NO_RENDERER: 'No renderer attached',
  STARTING: 'Renderer starting…',
  SUSPENDED: 'Video paused',
  FAILED: 'Video failed',
  UNKNOWN: 'Video state unknown',
});

export class VideoView {
  /**
   * @param {HTMLCanvasElement} canvas
   * @param {HTMLElement} overlay the status text over the canvas
   * @param {() => import('../connection.js').LivelinkConnection|null} connection the current link
   * @param {string[]} codecs what this browser decodes, preferred first
   */
  constructor(canvas, overlay, connection, codecs) {
    this.canvas = canvas;
    this.overlay = overlay;
    this.connection = connection;
    this.codecs = codecs;
    this.context = canvas.getContext('2d');
    this.stats = document.createElement('div');
    this.stats.className = 'video-stats';
    this.stats.dataset.testid = 'video-stats';
    canvas.insertAdjacentElement('afterend', this.stats);
    this.stream = typeof VideoDecoder === 'function' ? new VideoStream({
      createDecoder: (init) => new VideoDecoder(init),
      createChunk: (chunk) => new EncodedVideoChunk(chunk),
      requestKeyFrame: (lastFrameNumber) => this.requestKeyFrame(lastFrameNumber),
      paint: (decoded) => this.paint(decoded),
      now: () => performance.now(),
      wallNow: () => Date.now(),
    }) : null;
    this.showStatus({ state: 'NO_RENDERER', message: '' });
    new ResizeObserver(() => this.resized()).observe(canvas);
    document.addEventListener('visibilitychange', () => this.configure());
    setInterval(() => this.showStats(), STATS_INTERVAL_MILLIS);
  }

  /** Sends the current wish: video at the canvas's device-pixel size, or none while the tab is hidden. */
  configure() {
    const link = this.connection();
    if (!link?.live) {
      return;
    }
    const size = videoSize(this.canvas.clientWidth, this.canvas.clientHeight, window.devicePixelRatio || 1);
    const video = videoSettings(size, this.codecs, document.visibilityState === 'hidden');
    link.send(Channel.CONFIGURE, { video });
    this.stream?.reset(); // the renderer starts the new stream with a key frame
  }

  /** Control VideoStatus from the bridge (or the renderer, through it). */
  showStatus(status) {
    this.canvas.dataset.videoState = status.state;
    if (status.state === 'STREAMING') {
      this.overlay.hidden = true;
      return;
    }
    const text = STATUS_TEXT[status.state] ?? STATUS_TEXT.UNKNOWN;
    this.overlay.textContent = status.message ? `${text}: ${status.message}` : text;
    this.overlay.hidden = false;
    this.stream?.reset();
  }

  /** One VideoFrame from the bridge. */
  frame(frame) {
    if (this.stream === null) {
      return;
    }
    if (this.stream.frame(frame) === 'decoded') {
      this.overlay.hidden = true;
    } else if (this.stream.lastError) {
      this.overlay.textContent = `Cannot decode the video (${this.stream.lastError.message}); asking for a key frame`;
      this.overlay.hidden = false;
      this.stream.lastError = null;
    }
  }

  /** The bridge's clock minus this page's (heartbeat), so latency compares like with like. */
  clockOffset(millis) {
    this.stream?.setClockOffset(millis);
  }

  paint(decoded) {
    try {
      this.context.drawImage(decoded, 0, 0, this.canvas.width, this.canvas.height);
      this.canvas.dataset.framesPainted = String(Number(this.canvas.dataset.framesPainted ?? 0) + 1);
    } finally {
      decoded.close();
    }
  }

  showStats() {
    if (this.stream === null) {
      this.stats.textContent = 'This browser has no WebCodecs video decoder';
      return;
    }
    const { fps, kbps, latencyMillis } = this.stream.stats.figures();
    this.stats.hidden = fps === 0 && kbps === 0;
    this.stats.textContent = `${fps} fps · ${kbps} kbit/s · ${latencyMillis === null ? '–'
      : `${Math.round(latencyMillis)} ms`}`;
    this.stats.dataset.fps = String(fps);
  }

  requestKeyFrame(lastFrameNumber = null) {
    this.connection()?.send(Channel.CONTROL, {
      command: wrap(LIVELINK, 'RequestKeyFrame', { lastFrameNumber }),
    });
  }

  resized() {
    const ratio = window.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(this.canvas.clientWidth * ratio));
    const height = Math.max(1, Math.round(this.canvas.clientHeight * ratio));
    if (width === this.canvas.width && height === this.canvas.height) {
      return;
    }
    this.canvas.width = width;
    this.canvas.height = height;
    clearTimeout(this.resizeTimer);
    this.resizeTimer = setTimeout(() => this.configure(), RESIZE_DEBOUNCE_MILLIS); // one Configure per gesture
  }
}
