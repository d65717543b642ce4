// The page's copy of the scene as its session sees it, folded from one state answer and the committed events after
// it, by the rules documented on SceneEvent, EntityChange and Components (schemas/src/main/avro):
//
// - persisted events (persisted = true) change the scene's persisted entities;
// - transient events (persisted = false) change the session's overlay, whose entry for an entity replaces the
//   persisted one within the session (a transient update of a persisted entity starts from the persisted copy);
// - events are applied in version order, each once: an event at or below the version already folded is a duplicate
//   and dropped. Versions may skip (other sessions' transient events), so a gap is not an error.
//
// Entities are plain objects {entityId, version, sceneVersion, components, overlay}; components are avsc-shaped
// records (see protocol.js) whose null fields are absent components.

const COMPONENT_FIELDS = ['name', 'transform', 'parent', 'mesh', 'material', 'camera', 'light', 'tags', 'visible'];

/** ComponentKind symbols (RemoveComponents, EntityChange.removed) by the Components field they clear. */
const FIELD_OF_KIND = Object.freeze({
  NAME: 'name', TRANSFORM: 'transform', PARENT: 'parent', MESH: 'mesh', MATERIAL: 'material', CAMERA: 'camera',
  LIGHT: 'light', TAGS: 'tags', VISIBLE: 'visible',
});

/** Presence entities carry this tag: each is a client's camera, not part of the scene a person edits. */
export const PRESENCE_TAG = 'scenelog:presence';

/** A full component set: every field present, null where the entity lacks the component. */
export function fullComponents(partial = {}) {
  const components = {};
  for (const field of COMPONENT_FIELDS) {
    components[field] = partial[field] ?? null;
  }
  return components;
}

/**
 * The scene as one session sees it.
 */
export class SceneMirror {
  /**
   * @param {{sessionId: string}} scope the session whose transient events and overlay this mirror follows
   */
  constructor({ sessionId }) {
    this.sessionId = sessionId;
    this.persisted = new Map();
    this.overlay = new Map();
    this.version = 0;
    this.loaded = false;
    this.buffered = [];
    this.listeners = new Set();
  }

  /** Calls `listener(changedEntityIds, mirror)` after every change; returns a function that removes it. */
  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Forgets the state and buffers events until the next state answer: call before sending a fresh EntityStateQuery
   * (first join, or a RESET resume) so that the events arriving meanwhile are applied above the answer's version.
   */
  beginLoad() {
    this.loaded = false;
    this.buffered = [];
  }

  /**
   * Replaces the state with an EntityStateQuery answer consistent at `sceneVersion`, then applies the buffered events
   * above it.
   *
   * @param {number} sceneVersion the answer's QueryResult.sceneVersion
   * @param {object[]} entities every EntityState of every part of the answer (sessionId set = overlay entries)
   */
  load(sceneVersion, entities) {
    this.persisted = new Map();
    this.overlay = new Map();
    for (const state of entities) {
      const target = state.sessionId === null || state.sessionId === undefined ? this.persisted : this.overlay;
      target.set(state.entityId, entityFrom(state, target === this.overlay));
    }
    this.version = sceneVersion;
    this.loaded = true;
    const pending = this.buffered;
    this.buffered = [];
    const changed = new Set([...this.persisted.keys(), ...this.overlay.keys()]);
    for (const event of pending) {
      this.fold(event, changed);
    }
    this.notify(changed);
  }

  /**
   * Applies one committed SceneEvent (buffered while a state answer is awaited).
   *
   * @returns {'applied'|'duplicate'|'buffered'|'foreign'} what happened: a duplicate (at or below the folded
   *   version) and an event of another session's overlay change nothing
   */
  apply(event) {
    if (!this.loaded) {
      this.buffered.push(event);
      return 'buffered';
    }
    const changed = new Set();
    const outcome = this.fold(event, changed);
    if (changed.size > 0) {
      this.notify(changed);
    }
    return outcome;
  }

  /**
   * Notes a version the bridge vouches for (its heartbeat's sceneVersion: every event up to it was queued to this
   * client before the heartbeat), so that a resume after a quiet spell starts there and not further back.
   */
  acknowledge(sceneVersion) {
    if (this.loaded && this.buffered.length === 0 && sceneVersion > this.version) {
      this.version = sceneVersion;
    }
  }

  /**
   * The version to resume from after a dropped connection (Hello.resumeFromVersion), or null when the state was never
   * loaded and a fresh join must query it instead.
   */
  resumeFromVersion() {
    return this.loaded ? this.version : null;
  }

  /** The entity as the session sees it (its overlay entry, else the persisted one), or undefined. */
  entity(entityId) {
    return this.overlay.get(entityId) ?? this.persisted.get(entityId);
  }

  /** Every entity the session sees. */
  entities() {
    const all = new Map(this.persisted);
    for (const [id, entity] of this.overlay) {
      all.set(id, entity);
    }
    return [...all.values()];
  }

  /** The entities whose parent is `parentId` (null: the roots), sorted by name then id; presence entities left out. */
  children(parentId) {
    return this.entities()
      .filter((entity) => (entity.components.parent ?? null) === parentId && !isPresence(entity))
      .sort(byNameThenId);
  }

  /** Entities whose parent is not in the scene (a parent deleted meanwhile): shown as roots so none is lost. */
  orphans() {
    return this.entities()
      .filter((entity) => entity.components.parent && !this.entity(entity.components.parent) && !isPresence(entity))
      .sort(byNameThenId);
  }

  fold(event, changed) {
    if (event.version <= this.version) {
      return 'duplicate';
    }
    this.version = event.version;
    if (!event.persisted && event.emitter.sessionId !== this.sessionId) {
      return 'foreign';
    }
    for (const change of event.changes) {
      if (event.persisted) {
        applyChange(this.persisted, this.persisted, change, event.version, false);
      } else {
        applyChange(this.overlay, this.persisted, change, event.version, true);
      }
      changed.add(change.entityId);
    }
    return 'applied';
  }

  notify(changed) {
    for (const listener of this.listeners) {
      listener(changed, this);
    }
  }
}

/** Whether an entity is a client's presence camera (the bridge tags them). */
export function isPresence(entity) {
  return (entity.components.tags ?? []).includes(PRESENCE_TAG);
}

function entityFrom(state, overlay) {
  return {
    entityId: state.entityId,
    version: state.version,
    sceneVersion: state.sceneVersion,
    components: fullComponents(state.components),
    overlay,
  };
}

/**
 * Applies one EntityChange to `target` (the persisted entities, or the overlay); `base` is where an entity the
 * target does not hold yet comes from (the persisted entities, when an overlay changes a persisted entity).
 */
function applyChange(target, base, change, sceneVersion, overlay) {
  const id = change.entityId;
  if (change.kind === 'DELETED') {
    target.delete(id);
    return;
  }
  const current = target.get(id) ?? base.get(id);
  let components;
  if (change.kind === 'CREATED') {
    components = fullComponents(change.components);
  } else {
    // UPDATED, REPARENTED, COMPONENTS_REMOVED, and any newer kind, which the schema says to treat as UPDATED: set
    // the components given, then clear the ones removed.
    components = fullComponents(current?.components);
    for (const field of COMPONENT_FIELDS) {
      if (change.components[field] !== null && change.components[field] !== undefined) {
        components[field] = change.components[field];
      }
    }
    for (const kind of change.removed ?? []) {
      if (FIELD_OF_KIND[kind]) {
        components[FIELD_OF_KIND[kind]] = null;
      }
    }
  }
  target.set(id, {
    entityId: id,
    version: change.entityVersion,
    sceneVersion,
    components,
    overlay,
  });
}

function byNameThenId(a, b) {
  const nameA = a.components.name ?? '';
  const nameB = b.components.name ?? '';
  return nameA.localeCompare(nameB) || a.entityId.localeCompare(b.entityId);
}
