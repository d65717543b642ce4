// Input capture on the video canvas: pointer drags, the wheel and keys become camera gestures and key events
// (../video/gestures.js), sent as one Input frame per animation frame. A click picks the entity under the cursor
// (PickQuery) and selects it; an editor dragging the selected entity moves it (one transform update at the end).

import { Channel } from '../protocol.js';
import { GestureBatcher, PointerGestures } from '../video/gestures.js';

const WHEEL_LINE_PIXELS = 16;

/** Modifier keys as Input's bit mask: 1 Shift, 2 Control, 4 Alt, 8 Meta. */
export function modifiersOf(event) {
  return (event.shiftKey ? 1 : 0) | (event.ctrlKey ? 2 : 0) | (event.altKey ? 4 : 0) | (event.metaKey ? 8 : 0);
}

export class InputCapture {
  /**
   * @param {HTMLCanvasElement} canvas
   * @param {() => import('../connection.js').LivelinkConnection|null} connection
   * @param {object} picking
   * @param {(x: number, y: number) => void} picking.click select what is under the point
   * @param {(x: number, y: number) => Promise<boolean>} picking.grabs whether a press there grabs the selection
   * @param {(from: {x, y}, to: {x, y}) => void} picking.move the grabbed entity was dragged
   */
  constructor(canvas, connection, picking) {
    this.canvas = canvas;
    this.connection = connection;
    this.gestures = new GestureBatcher({
      send: (input) => this.connection()?.send(Channel.INPUT, input),
      schedule: (callback) => requestAnimationFrame(callback),
      nowMicros: () => performance.now() * 1000,
    });
    this.pointers = new PointerGestures({ gestures: this.gestures, ...picking });
    canvas.addEventListener('pointerdown', (event) => {
      canvas.focus();
      canvas.setPointerCapture?.(event.pointerId);
      if (this.live()) {
        const { x, y } = this.fractions(event);
        this.pointers.down(x, y, event.button);
      }
    });
    canvas.addEventListener('pointermove', (event) => {
      const { x, y } = this.fractions(event);
      this.pointers.moveTo(x, y);
    });
    canvas.addEventListener('pointerup', (event) => {
      const { x, y } = this.fractions(event);
      this.pointers.up(x, y);
    });
    canvas.addEventListener('pointercancel', () => this.pointers.cancel());
    canvas.addEventListener('wheel', (event) => this.wheel(event), { passive: false });
    canvas.addEventListener('keydown', (event) => this.key(event, 'DOWN'));
    canvas.addEventListener('keyup', (event) => this.key(event, 'UP'));
    canvas.addEventListener('contextmenu', (event) => event.preventDefault());
  }

  live() {
    return this.connection()?.live === true;
  }

  wheel(event) {
    event.preventDefault(); // the canvas zooms the camera; the page must not scroll instead
    if (!this.live()) {
      return;
    }
    const scale = event.deltaMode === 1 ? WHEEL_LINE_PIXELS : event.deltaMode === 2 ? this.canvas.clientHeight : 1;
    this.gestures.zoom(event.deltaY * scale);
  }

  key(event, action) {
    if (event.key === 'Tab' || !this.live()) {
      return; // keep keyboard navigation out of the canvas working
    }
    if (!event.ctrlKey && !event.metaKey) {
      event.preventDefault(); // the renderer gets the keys; the browser's own shortcuts keep working
    }
    this.gestures.key(action, event.code, event.key, event.repeat, modifiersOf(event));
  }

  fractions(event) {
    const box = this.canvas.getBoundingClientRect();
    return {
      x: box.width > 0 ? (event.clientX - box.left) / box.width : 0,
      y: box.height > 0 ? (event.clientY - box.top) / box.height : 0,
    };
  }
}
