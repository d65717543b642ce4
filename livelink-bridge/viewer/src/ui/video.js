// The video canvas: says what the bridge's VideoStatus says (until a renderer is attached: "No renderer attached"),
// decodes VideoFrames with WebCodecs and paints them, asks for a key frame when it cannot decode on, and tells the
// bridge its size and codecs (Configure) whenever they change or the tab is hidden or shown again.

import { Channel, wrap } from '../protocol.js';

const LIVELINK = 'io.scenelog.livelink';
const MAX_FRAMES_PER_SECOND = 30;

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
    this.decoder = null;
    this.lastFrameNumber = null;
    this.needKeyFrame = true;
    this.showStatus({ state: 'NO_RENDERER', message: '' });
    new ResizeObserver(() => this.resized()).observe(canvas);
    document.addEventListener('visibilitychange', () => this.configure());
  }

  /** Sends the current wish: video at the canvas's device-pixel size, or none while the tab is hidden. */
  configure() {
    const link = this.connection();
    if (!link?.live) {
      return;
    }
    const visible = document.visibilityState !== 'hidden';
    const video = visible && this.codecs.length > 0 ? {
      width: Math.max(1, this.canvas.width),
      height: Math.max(1, this.canvas.height),
      maxFramesPerSecond: MAX_FRAMES_PER_SECOND,
      codecs: this.codecs,
      maxBitrateKbps: null,
    } : null;
    link.send(Channel.CONFIGURE, { video });
    if (video) {
      this.requestKeyFrame();
    }
  }

  /** Control VideoStatus from the bridge. */
  showStatus(status) {
    this.canvas.dataset.videoState = status.state;
    if (status.state === 'STREAMING') {
      this.overlay.hidden = true;
      return;
    }
    const text = STATUS_TEXT[status.state] ?? STATUS_TEXT.UNKNOWN;
    this.overlay.textContent = status.message ? `${text}: ${status.message}` : text;
    this.overlay.hidden = false;
    if (status.state !== 'STARTING') {
      this.reset();
    }
  }

  /** One VideoFrame from the bridge. */
  frame(frame) {
    if (typeof VideoDecoder !== 'function') {
      return;
    }
    const gap = this.lastFrameNumber !== null && frame.frameNumber !== this.lastFrameNumber + 1;
    this.lastFrameNumber = frame.frameNumber;
    if (gap && !frame.keyFrame) {
      this.needKeyFrame = true;
      this.requestKeyFrame();
    }
    if (this.needKeyFrame && !frame.keyFrame) {
      return; // nothing decodes before the next key frame
    }
    if (this.decoder === null || this.decoderCodec !== frame.codec || this.decoder.state === 'closed') {
      this.openDecoder(frame);
    }
    this.needKeyFrame = false;
    this.overlay.hidden = true;
    try {
      this.decoder.decode(new EncodedVideoChunk({
        type: frame.keyFrame ? 'key' : 'delta',
        timestamp: frame.timestampMicros,
        data: frame.data,
      }));
    } catch (error) {
      this.decodeFailed(error);
    }
  }

  openDecoder(frame) {
    if (this.decoder && this.decoder.state !== 'closed') {
      this.decoder.close();
    }
    this.decoderCodec = frame.codec;
    this.decoder = new VideoDecoder({
      output: (decoded) => this.paint(decoded),
      error: (error) => this.decodeFailed(error),
    });
    this.decoder.configure({ codec: frame.codec, codedWidth: frame.width, codedHeight: frame.height,
      optimizeForLatency: true });
  }

  paint(decoded) {
    try {
      this.context.drawImage(decoded, 0, 0, this.canvas.width, this.canvas.height);
      this.canvas.dataset.framesPainted = String(Number(this.canvas.dataset.framesPainted ?? 0) + 1);
    } finally {
      decoded.close();
    }
  }

  decodeFailed(error) {
    this.overlay.textContent = `Cannot decode the video (${error.message}); asking for a key frame`;
    this.overlay.hidden = false;
    this.reset();
    this.requestKeyFrame();
  }

  requestKeyFrame() {
    this.connection()?.send(Channel.CONTROL, {
      command: wrap(LIVELINK, 'RequestKeyFrame', { lastFrameNumber: this.lastFrameNumber }),
    });
  }

  reset() {
    if (this.decoder && this.decoder.state !== 'closed') {
      this.decoder.close();
    }
    this.decoder = null;
    this.needKeyFrame = true;
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
    this.resizeTimer = setTimeout(() => this.configure(), 150); // one Configure per resize gesture
  }
}
