// Input capture on the video canvas: pointer, wheel and key events become Livelink InputEvents, batched and sent at
// most once per animation frame (Input's contract). Positions are fractions of the canvas; times are the page's
// monotonic clock in microseconds.

import { Channel, wrap } from '../protocol.js';

const LIVELINK = 'io.scenelog.livelink';
/** A batch never grows past this; the oldest moves give way first (they are superseded by later ones anyway). */
const MAX_BATCH = 256;
const POINTER_ACTIONS = { pointerdown: 'DOWN', pointermove: 'MOVE', pointerup: 'UP', pointercancel: 'CANCEL' };
const POINTER_TYPES = { mouse: 'MOUSE', pen: 'PEN', touch: 'TOUCH' };
const WHEEL_LINE_PIXELS = 16;

/** Modifier keys as Input's bit mask: 1 Shift, 2 Control, 4 Alt, 8 Meta. */
export function modifiersOf(event) {
  return (event.shiftKey ? 1 : 0) | (event.ctrlKey ? 2 : 0) | (event.altKey ? 4 : 0) | (event.metaKey ? 8 : 0);
}

export class InputCapture {
  /**
   * @param {HTMLCanvasElement} canvas
   * @param {() => import('../connection.js').LivelinkConnection|null} connection
   */
  constructor(canvas, connection) {
    this.canvas = canvas;
    this.connection = connection;
    this.batch = [];
    for (const type of Object.keys(POINTER_ACTIONS)) {
      canvas.addEventListener(type, (event) => this.pointer(event));
    }
    canvas.addEventListener('wheel', (event) => this.wheel(event), { passive: false });
    canvas.addEventListener('keydown', (event) => this.key(event, 'DOWN'));
    canvas.addEventListener('keyup', (event) => this.key(event, 'UP'));
    canvas.addEventListener('contextmenu', (event) => event.preventDefault());
  }

  pointer(event) {
    if (event.type === 'pointerdown') {
      this.canvas.focus();
      this.canvas.setPointerCapture?.(event.pointerId);
    }
    const { x, y } = this.fractions(event);
    this.add(wrap(LIVELINK, 'PointerInput', {
      action: POINTER_ACTIONS[event.type],
      pointerId: event.pointerId,
      pointerType: POINTER_TYPES[event.pointerType] ?? 'UNKNOWN',
      x, y,
      button: event.type === 'pointermove' ? -1 : event.button,
      buttons: event.buttons,
      modifiers: modifiersOf(event),
    }), event.type === 'pointermove');
  }

  wheel(event) {
    event.preventDefault(); // the canvas zooms the camera; the page must not scroll instead
    const scale = event.deltaMode === 1 ? WHEEL_LINE_PIXELS : event.deltaMode === 2 ? this.canvas.clientHeight : 1;
    const { x, y } = this.fractions(event);
    this.add(wrap(LIVELINK, 'WheelInput', {
      x, y, deltaX: event.deltaX * scale, deltaY: event.deltaY * scale, deltaZ: event.deltaZ * scale,
      modifiers: modifiersOf(event),
    }), false);
  }

  key(event, action) {
    if (event.key === 'Tab') {
      return; // keep keyboard navigation out of the canvas working
    }
    if (!event.ctrlKey && !event.metaKey) {
      event.preventDefault(); // the renderer gets the keys; the browser's own shortcuts keep working
    }
    this.add(wrap(LIVELINK, 'KeyInput', {
      action, code: event.code, key: event.key, repeat: event.repeat, modifiers: modifiersOf(event),
    }), false);
  }

  fractions(event) {
    const box = this.canvas.getBoundingClientRect();
    return {
      x: box.width > 0 ? (event.clientX - box.left) / box.width : 0,
      y: box.height > 0 ? (event.clientY - box.top) / box.height : 0,
    };
  }

  add(event, isMove) {
    if (!this.connection()?.live) {
      return;
    }
    if (this.batch.length >= MAX_BATCH) {
      const oldestMove = this.batch.findIndex((entry) => entry.isMove);
      this.batch.splice(oldestMove >= 0 ? oldestMove : 0, 1);
    }
    this.batch.push({ isMove, event: { timeMicros: Math.round(performance.now() * 1000), event } });
    if (this.frame === undefined) {
      this.frame = requestAnimationFrame(() => this.flush());
    }
  }

  flush() {
    this.frame = undefined;
    const events = this.batch.map((entry) => entry.event);
    this.batch = [];
    if (events.length > 0) {
      this.connection()?.send(Channel.INPUT, { events });
    }
  }
}
