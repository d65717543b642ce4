// Input on the video canvas, without the DOM: pointer drags become camera gestures (main button: CameraOrbit;
// secondary: CameraPan), the wheel CameraZoom, keys KeyInput. Gestures of one animation frame are merged (orbits and
// pans add up, zooms multiply) and sent as one Input frame per animation frame. A click (a press that barely moved)
// is a pick; a drag that starts on the selected entity, for an editor, moves the entity instead of the camera.

const LIVELINK = 'io.scenelog.livelink';
/** Degrees the camera turns for a drag across the whole canvas. */
export const ORBIT_DEGREES_PER_WIDTH = 180;
export const ORBIT_DEGREES_PER_HEIGHT = 90;
/** How much one wheel pixel zooms: factor = exp(deltaY * this); positive deltaY (scrolling down) moves away. */
export const ZOOM_PER_WHEEL_PIXEL = 0.001;
/** A press that moves less than this (a fraction of the canvas) is a click. */
export const CLICK_SLOP = 0.01;
const MAX_BATCH = 256;

const wrapped = (type, value) => ({ [`${LIVELINK}.${type}`]: value });

export class GestureBatcher {
  /**
   * @param {object} options
   * @param {(input: {events: object[]}) => void} options.send sends an Input payload
   * @param {(callback: () => void) => void} options.schedule runs the callback at the next animation frame
   * @param {() => number} options.nowMicros the page's monotonic clock in microseconds
   */
  constructor({ send, schedule, nowMicros }) {
    Object.assign(this, { send, schedule, nowMicros });
    this.events = [];
    this.scheduled = false;
  }

  orbit(dx, dy) {
    this.merge('CameraOrbit', { yawDegrees: -dx * ORBIT_DEGREES_PER_WIDTH, pitchDegrees: -dy * ORBIT_DEGREES_PER_HEIGHT },
      (a, b) => ({ yawDegrees: a.yawDegrees + b.yawDegrees, pitchDegrees: a.pitchDegrees + b.pitchDegrees }));
  }

  pan(dx, dy) {
    this.merge('CameraPan', { dx, dy }, (a, b) => ({ dx: a.dx + b.dx, dy: a.dy + b.dy }));
  }

  zoom(deltaY) {
    this.merge('CameraZoom', { factor: Math.exp(deltaY * ZOOM_PER_WHEEL_PIXEL) },
      (a, b) => ({ factor: a.factor * b.factor }));
  }

  key(action, code, key, repeat, modifiers) {
    this.add('KeyInput', { action, code, key, repeat, modifiers });
  }

  /** Adds a gesture, or folds it into the batch's last one of the same type. */
  merge(type, value, combine) {
    const last = this.events[this.events.length - 1];
    if (last?.type === type) {
      last.event.event = wrapped(type, combine(last.value, value));
      last.value = combine(last.value, value);
      return;
    }
    this.add(type, value);
  }

  add(type, value) {
    if (this.events.length >= MAX_BATCH) {
      this.events.shift(); // the oldest gives way; a later gesture of the same kind supersedes it anyway
    }
    this.events.push({ type, value, event: { timeMicros: Math.round(this.nowMicros()), event: wrapped(type, value) } });
    if (!this.scheduled) {
      this.scheduled = true;
      this.schedule(() => this.flush());
    }
  }

  flush() {
    this.scheduled = false;
    const events = this.events.map((entry) => entry.event);
    this.events = [];
    if (events.length > 0) {
      this.send({ events });
    }
  }
}

/**
 * One pointer press at a time: what it turns out to be. The callbacks get positions as fractions of the canvas.
 *
 * @param {object} options
 * @param {GestureBatcher} options.gestures
 * @param {(x: number, y: number) => void} options.click a press that barely moved
 * @param {(x: number, y: number) => Promise<boolean>} options.grabs whether a press here grabs the selected entity
 *   (an editor pressing on it); until it answers, the drag is held back
 * @param {(from: {x, y}, to: {x, y}) => void} options.move the selected entity was dragged from `from` to `to`
 */
export class PointerGestures {
  constructor({ gestures, click, grabs, move }) {
    Object.assign(this, { gestures, click, grabs, move });
    this.press = null;
  }

  down(x, y, button) {
    const press = { start: { x, y }, last: { x, y }, button, moved: false, intent: 'undecided', held: [] };
    this.press = press;
    if (button !== 0) {
      press.intent = 'pan';
      return;
    }
    this.grabs(x, y).then((grabbed) => {
      if ((this.press !== press && !press.ended) || press.intent !== 'undecided') {
        return; // another press began, or this one was a click
      }
      press.intent = grabbed ? 'move' : 'orbit';
      if (!grabbed) {
        press.held.forEach(({ dx, dy }) => this.gestures.orbit(dx, dy));
      }
      press.held = [];
      if (press.ended) {
        this.finish(press);
      }
    }, () => {
      press.intent = 'orbit';
    });
  }

  moveTo(x, y) {
    const press = this.press;
    if (press === null) {
      return;
    }
    const dx = x - press.last.x;
    const dy = y - press.last.y;
    press.last = { x, y };
    press.moved ||= Math.hypot(x - press.start.x, y - press.start.y) >= CLICK_SLOP;
    if (!press.moved) {
      return;
    }
    if (press.intent === 'pan') {
      this.gestures.pan(dx, dy);
    } else if (press.intent === 'orbit') {
      this.gestures.orbit(dx, dy);
    } else if (press.intent === 'undecided') {
      press.held.push({ dx, dy });
    }
  }

  up(x, y) {
    const press = this.press;
    if (press === null) {
      return;
    }
    this.moveTo(x, y);
    this.press = null;
    press.ended = true;
    if (!press.moved && press.button === 0) {
      press.intent = 'click';
      this.click(press.start.x, press.start.y);
      return;
    }
    if (press.intent !== 'undecided') {
      this.finish(press);
    }
  }

  cancel() {
    this.press = null;
  }

  finish(press) {
    if (press.intent === 'move' && press.moved) {
      this.move(press.start, press.last);
    }
  }
}
