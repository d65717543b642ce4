// What the page asks the renderer for (Configure's VideoSettings): the canvas's size in device pixels, even (4:2:0
// video), at least 16 pixels, scaled down to fit 1280x720 keeping its shape; no video while the tab is hidden.

export const MAX_VIDEO_WIDTH = 1280;
export const MAX_VIDEO_HEIGHT = 720;
export const MIN_VIDEO_SIDE = 16;
export const MAX_FRAMES_PER_SECOND = 30;

const even = (value) => Math.max(MIN_VIDEO_SIDE, 2 * Math.floor(value / 2));

/** The video size for a canvas of `cssWidth` x `cssHeight` CSS pixels at `ratio` device pixels per CSS pixel. */
export function videoSize(cssWidth, cssHeight, ratio = 1) {
  const width = Math.max(1, cssWidth * ratio);
  const height = Math.max(1, cssHeight * ratio);
  const scale = Math.min(1, MAX_VIDEO_WIDTH / width, MAX_VIDEO_HEIGHT / height);
  return { width: even(Math.round(width * scale)), height: even(Math.round(height * scale)) };
}

/**
 * Configure's `video`: null (no video) while hidden or when the browser decodes none of the renderer's codecs.
 *
 * @param {{width: number, height: number}} size from videoSize
 * @param {string[]} codecs what the browser decodes, preferred first
 * @param {boolean} hidden whether the tab is hidden
 */
export function videoSettings(size, codecs, hidden) {
  if (hidden || codecs.length === 0) {
    return null;
  }
  return { width: size.width, height: size.height, maxFramesPerSecond: MAX_FRAMES_PER_SECOND, codecs,
    maxBitrateKbps: null };
}
