// The entity tree: the entities the session sees, nested by their parent component, named, with their position.
// Rows are keyed by entity id; a change that keeps the tree's shape (a move) only rewrites that row's position, and
// any number of changes within one animation frame cost one update.

import { el, positionText } from './dom.js';

export class EntityTree {
  /**
   * @param {HTMLElement} root the list element that holds the tree
   * @param {(entityId: string) => void} onSelect
   */
  constructor(root, onSelect) {
    this.root = root;
    this.onSelect = onSelect;
    this.rows = new Map();
    this.selected = null;
    this.pending = null;
    this.shapeChanged = true;
  }

  /** Schedules an update for the entities that changed in the mirror. */
  changed(changedIds, mirror) {
    this.mirror = mirror;
    this.pending ??= new Set();
    for (const id of changedIds) {
      this.pending.add(id);
    }
    if (this.frame === undefined) {
      this.frame = requestAnimationFrame(() => this.flush());
    }
  }

  select(entityId) {
    this.selected = entityId;
    for (const [id, row] of this.rows) {
      row.label.setAttribute('aria-selected', String(id === entityId));
    }
  }

  flush() {
    this.frame = undefined;
    const ids = this.pending ?? new Set();
    this.pending = null;
    for (const id of ids) {
      const entity = this.mirror.entity(id);
      const row = this.rows.get(id);
      if (entity === undefined || row === undefined || row.parent !== (entity.components.parent ?? null)
          || row.name !== (entity.components.name ?? '')) {
        this.shapeChanged = true;
        break;
      }
      row.position.textContent = entity.components.transform ? positionText(entity.components.transform.position) : '';
      row.label.dataset.version = String(entity.version);
    }
    if (this.shapeChanged) {
      this.rebuild();
    }
  }

  rebuild() {
    this.shapeChanged = false;
    this.rows = new Map();
    const seen = new Set();
    const list = (parentId) => this.mirror.children(parentId)
      .filter((entity) => !seen.has(entity.entityId)) // a parent cycle in stored state must not loop forever
      .map((entity) => this.item(entity, seen, list));
    const roots = [...list(null), ...this.mirror.orphans().filter((e) => !seen.has(e.entityId))
      .map((entity) => this.item(entity, seen, list))];
    this.root.replaceChildren(...roots);
    if (roots.length === 0) {
      this.root.append(el('li', { class: 'empty', 'data-testid': 'entity-tree-empty' }, 'No entities yet.'));
    }
  }

  item(entity, seen, list) {
    seen.add(entity.entityId);
    const components = entity.components;
    const position = el('span', { class: 'position', 'data-testid': 'entity-position' },
      components.transform ? positionText(components.transform.position) : '');
    const label = el('div', {
      class: 'row',
      role: 'treeitem',
      tabindex: 0,
      'aria-selected': String(entity.entityId === this.selected),
      'data-testid': 'entity-row',
      dataset: { entityId: entity.entityId, version: String(entity.version) },
      onclick: () => this.onSelect(entity.entityId),
      onkeydown: (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          this.onSelect(entity.entityId);
        }
      },
    },
    el('span', { class: 'name', 'data-testid': 'entity-name' }, components.name || '(unnamed)'),
    entity.overlay ? el('span', { class: 'badge', title: 'changed in this session only' }, 'session') : null,
    position);
    const children = list(entity.entityId);
    this.rows.set(entity.entityId, {
      label, position, parent: components.parent ?? null, name: components.name ?? '',
    });
    return el('li', { role: 'none' }, label, children.length ? el('ul', { role: 'group' }, children) : null);
  }
}
