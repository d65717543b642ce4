// The video stream's decoding, without the DOM: a small state machine around a WebCodecs VideoDecoder (injected, so
// Node tests drive it with a fake). It opens a decoder from a key frame's codec and size, decodes frames in order,
// and when a frame is missing (a frame-number gap: the bridge dropped video for a client behind on it) or the decoder
// fails, it asks for a key frame once and drops everything until one arrives. It also keeps the overlay's figures.

/** Ask again when a requested key frame has not come within this long (the request or the frame was lost). */
export const KEY_FRAME_RETRY_MILLIS = 1000;

export const StreamState = Object.freeze({ WAITING_FOR_KEY_FRAME: 'waiting-for-key-frame', DECODING: 'decoding' });

export class VideoStream {
  /**
   * @param {object} options
   * @param {(init: {output: Function, error: Function}) => object} options.createDecoder a VideoDecoder
   * @param {(chunk: {type: string, timestamp: number, data: Uint8Array}) => object} options.createChunk an
   *   EncodedVideoChunk
   * @param {(lastFrameNumber: number|null) => void} options.requestKeyFrame sends Control RequestKeyFrame
   * @param {(decoded: object) => void} options.paint draws (and closes) a decoded VideoFrame
   * @param {() => number} options.now a monotonic clock in milliseconds
   * @param {() => number} options.wallNow the wall clock in milliseconds since the epoch
   */
  constructor({ createDecoder, createChunk, requestKeyFrame, paint, now, wallNow }) {
    Object.assign(this, { createDecoder, createChunk, requestKeyFrame, paint, now, wallNow });
    this.decoder = null;
    this.config = null;
    this.state = StreamState.WAITING_FOR_KEY_FRAME;
    this.lastFrameNumber = null;
    this.keyRequestedAt = null;
    this.stats = new VideoStats(now);
    this.clockOffsetMillis = 0;
  }

  /**
   * One VideoFrame payload from the bridge.
   *
   * @returns {'decoded'|'dropped'} what became of it
   */
  frame(frame) {
    this.stats.received(frame.data.byteLength ?? frame.data.length,
      this.wallNow() + this.clockOffsetMillis - frame.capturedAt);
    const gap = this.lastFrameNumber !== null && frame.frameNumber !== this.lastFrameNumber + 1;
    this.lastFrameNumber = frame.frameNumber;
    if (frame.keyFrame) {
      this.keyRequestedAt = null;
    } else if (gap || this.state !== StreamState.DECODING) {
      this.waitForKeyFrame();
      return 'dropped';
    }
    if (frame.keyFrame && !this.fits(frame)) {
      this.open(frame);
    }
    try {
      this.decoder.decode(this.createChunk({
        type: frame.keyFrame ? 'key' : 'delta',
        timestamp: frame.timestampMicros,
        data: frame.data,
      }));
      this.state = StreamState.DECODING;
      return 'decoded';
    } catch (error) {
      this.failed(error);
      return 'dropped';
    }
  }

  /** The decoder failed (now or later, through its error callback): start again from a key frame. */
  failed(error) {
    this.lastError = error;
    this.close();
    this.waitForKeyFrame();
  }

  /** Forgets the stream (the renderer changed, or the video stopped): the next stream starts with a key frame. */
  reset() {
    this.close();
    this.state = StreamState.WAITING_FOR_KEY_FRAME;
    this.lastFrameNumber = null;
    this.keyRequestedAt = null;
  }

  /** The bridge's clock minus this page's, from the heartbeat, for the latency figure. */
  setClockOffset(millis) {
    this.clockOffsetMillis = millis;
  }

  waitForKeyFrame() {
    this.state = StreamState.WAITING_FOR_KEY_FRAME;
    const now = this.now();
    if (this.keyRequestedAt === null || now - this.keyRequestedAt >= KEY_FRAME_RETRY_MILLIS) {
      this.keyRequestedAt = now;
      this.requestKeyFrame(this.lastFrameNumber);
    }
  }

  fits(frame) {
    return this.decoder !== null && this.decoder.state !== 'closed' && this.config.codec === frame.codec
      && this.config.codedWidth === frame.width && this.config.codedHeight === frame.height;
  }

  open(frame) {
    this.close();
    this.config = {
      codec: frame.codec,
      codedWidth: frame.width,
      codedHeight: frame.height,
      optimizeForLatency: true,
      hardwareAcceleration: 'no-preference',
    };
    const decoder = this.createDecoder({
      output: (decoded) => this.painted(decoded),
      error: (error) => {
        if (decoder === this.decoder) {
          this.failed(error);
        }
      },
    });
    this.decoder = decoder;
    decoder.configure(this.config);
  }

  painted(decoded) {
    this.stats.painted();
    this.paint(decoded);
  }

  close() {
    if (this.decoder !== null && this.decoder.state !== 'closed') {
      this.decoder.close();
    }
    this.decoder = null;
  }
}

/** Frames per second, bit rate and latency over the last second. */
export class VideoStats {
  constructor(now) {
    this.now = now;
    this.arrivals = [];
    this.paints = [];
    this.latencyMillis = null;
  }

  received(bytes, latencyMillis) {
    this.arrivals.push({ at: this.now(), bytes });
    this.latencyMillis = latencyMillis;
    this.trim();
  }

  painted() {
    this.paints.push(this.now());
    this.trim();
  }

  /** {fps, kbps, latencyMillis} over the last second (fps counts painted frames). */
  figures() {
    this.trim();
    const bytes = this.arrivals.reduce((sum, arrival) => sum + arrival.bytes, 0);
    return { fps: this.paints.length, kbps: Math.round((bytes * 8) / 1000), latencyMillis: this.latencyMillis };
  }

  trim() {
    const since = this.now() - 1000;
    while (this.arrivals.length > 0 && this.arrivals[0].at <= since) {
      this.arrivals.shift();
    }
    while (this.paints.length > 0 && this.paints[0] <= since) {
      this.paints.shift();
    }
  }
}
