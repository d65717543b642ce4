// Builds the page's SceneActions and remembers the ones without a result: after a reconnect they are sent again
// with the same actionId and clientSeq, which the pipeline answers DUPLICATE with the first outcome if it had
// already decided (schemas/README.md, "Resume"), so nothing is applied twice.

import { wrap } from './protocol.js';
import { fullComponents } from './mirror.js';

const MODEL = 'io.scenelog.model';

/** The identity transform at a position. */
export function transformAt(position, rotation = { x: 0, y: 0, z: 0, w: 1 }, scale = { x: 1, y: 1, z: 1 }) {
  return { position: { ...position }, rotation: { ...rotation }, scale: { ...scale } };
}

/** CreateEntity of a box primitive with a name at a position. */
export function createBox(entityId, name, position) {
  return wrap(MODEL, 'CreateEntity', {
    entityId,
    components: fullComponents({
      name,
      transform: transformAt(position),
      mesh: { asset: null, primitive: 'CUBE' },
      material: { baseColor: { r: 0.8, g: 0.8, b: 0.8, a: 1 }, metallic: 0, roughness: 0.5, baseColorTexture: null },
      visible: true,
    }),
  });
}

/** UpdateComponents setting some components (the others unchanged). */
export function updateComponents(entityId, components, expectedVersion = null) {
  return wrap(MODEL, 'UpdateComponents', { entityId, components: fullComponents(components), expectedVersion });
}

/** DeleteEntity (its descendants go with it). */
export function deleteEntity(entityId, expectedVersion = null) {
  return wrap(MODEL, 'DeleteEntity', { entityId, expectedVersion });
}

/**
 * The actions of one joined client: numbers them (clientSeq counts per client and session, from 1) and keeps the
 * ones awaiting their ActionResult.
 */
export class ActionBook {
  /**
   * @param {{sceneId: string, sessionId: string, clientId: string}} identity the Welcome's ids, which every action
   *   must carry
   * @param {{now?: () => number, newId?: () => string}} [clock]
   */
  constructor(identity, { now = () => Date.now(), newId = () => crypto.randomUUID() } = {}) {
    this.identity = identity;
    this.now = now;
    this.newId = newId;
    this.nextSeq = 1;
    this.pending = new Map();
  }

  /**
   * A new action; kept until its result arrives.
   *
   * @param {object[]} operations wrapped operations (createBox, updateComponents, deleteEntity)
   * @param {{persist: boolean, origin?: string}} options whether to persist, and which control sent it (the UI
   *   shows a rejection next to it)
   * @returns {object} the SceneAction to send
   */
  create(operations, { persist, origin = 'unknown' }) {
    const action = {
      actionId: this.newId(),
      sceneId: this.identity.sceneId,
      sessionId: this.identity.sessionId,
      clientId: this.identity.clientId,
      token: '', // the bridge stamps the connection's token
      clientSeq: this.nextSeq++,
      sentAt: this.now(),
      persist,
      operations,
    };
    this.pending.set(action.actionId, { action, origin });
    return action;
  }

  /** Matches a result to its action and forgets the action; undefined for a result of no pending action. */
  settle(result) {
    const entry = this.pending.get(result.actionId);
    if (entry !== undefined) {
      this.pending.delete(result.actionId);
    }
    return entry;
  }

  /** The actions still awaiting a result, oldest first, to send again after a reconnect. */
  unanswered() {
    return [...this.pending.values()].map((entry) => entry.action);
  }
}
