// The connection line: state (connecting, live, reconnecting, refused, disconnected) with its reason, and the
// heartbeat's round trip.

import { fixed } from './dom.js';

export class ConnectionStatus {
  constructor(stateElement, latencyElement) {
    this.stateElement = stateElement;
    this.latencyElement = latencyElement;
  }

  /** @param {{state: string, reason?: string, message?: string, retryInMillis?: number}} change */
  update(change) {
    let text = change.state;
    if (change.reason && change.state !== 'live') {
      text += `: ${change.reason}`;
    }
    if (change.message && change.state !== 'live') {
      text += ` (${change.message})`;
    }
    if (change.retryInMillis !== undefined) {
      text += `, retrying in ${fixed(change.retryInMillis / 1000, 1)} s`;
    }
    this.stateElement.textContent = text;
    this.stateElement.dataset.state = change.state;
    this.stateElement.dataset.reason = change.reason ?? '';
    if (change.state !== 'live') {
      this.latencyElement.textContent = '–';
      delete this.latencyElement.dataset.millis;
    }
  }

  latency(millis) {
    this.latencyElement.textContent = `${fixed(millis, 1)} ms`;
    this.latencyElement.dataset.millis = String(millis);
  }
}
