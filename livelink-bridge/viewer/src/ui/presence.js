// Who is here: one row per client of the session, from the bridge's Presence frames (PRESENT at join, then JOINED,
// LEFT, CAMERA). A client that left stays listed, dimmed, until it joins again.

import { el, positionText } from './dom.js';

export class PresenceList {
  constructor(root) {
    this.root = root;
    this.clients = new Map();
    this.ownClientId = null;
  }

  /** Marks this page's own client; forgets everyone (a fresh list follows every Welcome). */
  reset(ownClientId) {
    this.ownClientId = ownClientId;
    this.clients.clear();
    this.render();
  }

  update(presence) {
    const known = this.clients.get(presence.clientId);
    switch (presence.kind) {
      case 'PRESENT':
      case 'JOINED':
        this.clients.set(presence.clientId, { ...presence, state: presence.kind.toLowerCase() });
        break;
      case 'LEFT':
        this.clients.set(presence.clientId, { ...(known ?? presence), camera: null, state: 'left' });
        break;
      case 'CAMERA':
        this.clients.set(presence.clientId, { ...(known ?? presence), camera: presence.camera,
          state: known?.state ?? 'present' });
        break;
      default:
        return; // UNKNOWN: a kind newer than this page; ignored as the schema says
    }
    this.render();
  }

  render() {
    const rows = [...this.clients.values()]
      .sort((a, b) => (a.state === 'left') - (b.state === 'left') || label(a).localeCompare(label(b)))
      .map((client) => el('li', {
        class: `presence ${client.state}`,
        'data-testid': 'presence-row',
        dataset: { clientId: client.clientId, state: client.state, role: client.role.toLowerCase() },
      },
      el('span', { class: 'who' }, label(client)),
      client.clientId === this.ownClientId ? el('span', { class: 'badge' }, 'you') : null,
      el('span', { class: 'role' }, client.role.toLowerCase()),
      client.headless ? el('span', { class: 'badge' }, 'headless') : null,
      client.state === 'left' ? el('span', { class: 'badge' }, 'left') : null,
      client.camera ? el('span', { class: 'camera', title: 'camera position' },
        positionText(client.camera.transform.position)) : null));
    this.root.replaceChildren(...rows);
  }
}

function label(client) {
  return client.displayName || client.clientId;
}
