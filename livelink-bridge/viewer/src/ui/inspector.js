// The inspector: the selected entity's components. Name, transform (position, rotation as Euler degrees, scale),
// visibility, base colour and tags are editable, each group with its own apply control and its own line for a
// rejection; the other components are shown read-only. Values that arrive while a person is typing in a group do
// not overwrite the typing: the group shows them once it is applied or left unchanged.

import { el, fixed } from './dom.js';
import { deleteEntity, transformAt, updateComponents } from '../actions.js';
import { colorFromHex, eulerDegreesFromQuat, hexFromColor, quatFromEulerDegrees } from '../math.js';

const NUDGE = 0.5;
const AXES = ['x', 'y', 'z'];

export class Inspector {
  /**
   * @param {HTMLElement} root
   * @param {(operations: object[], origin: string) => void} act sends an action; origin names the control group
   */
  constructor(root, act) {
    this.root = root;
    this.act = act;
    this.entityId = null;
    this.dirty = new Set();
    this.errors = new Map();
    this.showEmpty();
  }

  /** Shows an entity (or nothing for null). */
  show(entityId, mirror) {
    if (entityId !== this.entityId) {
      this.entityId = entityId;
      this.dirty.clear();
      this.built = false;
    }
    this.mirror = mirror;
    this.refresh();
  }

  /** Re-reads the shown entity after the mirror changed. */
  changed(changedIds, mirror) {
    this.mirror = mirror;
    if (this.entityId !== null && changedIds.has(this.entityId)) {
      this.refresh();
    }
  }

  /** Shows a rejection next to the control group that caused it. */
  showError(origin, text) {
    this.errors.get(origin)?.replaceChildren(text ?? '');
  }

  refresh() {
    const entity = this.entityId && this.mirror?.entity(this.entityId);
    if (!entity) {
      if (this.entityId !== null) {
        this.entityId = null;
        this.built = false;
      }
      this.showEmpty();
      return;
    }
    if (!this.built) {
      this.build();
    }
    this.fill(entity);
  }

  showEmpty() {
    this.root.replaceChildren(el('p', { class: 'hint', 'data-testid': 'inspector-empty' },
      'Select an entity in the tree to inspect and edit it.'));
  }

  build() {
    this.built = true;
    this.fields = {};
    this.errors = new Map();
    const number = (group, key, step = 0.1) => {
      const input = el('input', {
        type: 'number', step, 'data-testid': `inspector-${key}`, 'aria-label': key,
        oninput: () => this.dirty.add(group),
      });
      this.fields[key] = input;
      return input;
    };
    const error = (origin) => {
      const line = el('p', { class: 'control-error', role: 'alert', 'data-testid': `error-${origin}` });
      this.errors.set(origin, line);
      return line;
    };
    const vector = (group, prefix, step) => el('div', { class: 'vector' },
      AXES.map((axis) => el('label', {}, axis, number(group, `${prefix}-${axis}`, step))));

    this.fields.name = el('input', { type: 'text', maxlength: 200, 'data-testid': 'inspector-name',
      'aria-label': 'name', oninput: () => this.dirty.add('name') });
    this.fields.visible = el('input', { type: 'checkbox', 'data-testid': 'inspector-visible',
      onchange: () => this.send('visible', { visible: this.fields.visible.checked }) });
    this.fields.color = el('input', { type: 'color', 'data-testid': 'inspector-color',
      oninput: () => this.dirty.add('material') });
    this.fields.tags = el('input', { type: 'text', 'data-testid': 'inspector-tags', 'aria-label': 'tags',
      placeholder: 'comma, separated', oninput: () => this.dirty.add('tags') });
    this.readOnly = el('dl', { class: 'read-only', 'data-testid': 'inspector-read-only' });
    this.title = el('h3', { 'data-testid': 'inspector-title' });

    const nudges = AXES.flatMap((axis) => [-1, 1].map((sign) => el('button', {
      type: 'button', class: 'nudge', 'data-testid': `nudge-${axis}${sign > 0 ? '+' : '-'}`,
      title: `move ${sign > 0 ? '+' : '-'}${NUDGE} along ${axis}`,
      onclick: () => this.nudge(axis, sign * NUDGE),
    }, `${axis}${sign > 0 ? '+' : '−'}`)));

    this.root.replaceChildren(
      this.title,
      form('name', [el('label', {}, 'Name ', this.fields.name),
        el('button', { type: 'submit', 'data-testid': 'rename' }, 'Rename')], error('name'), () => this.rename()),
      form('transform', [
        el('fieldset', {}, el('legend', {}, 'Position'), vector('transform', 'position', 0.1),
          el('div', { class: 'nudges' }, nudges)),
        el('fieldset', {}, el('legend', {}, 'Rotation (degrees)'), vector('transform', 'rotation', 1)),
        el('fieldset', {}, el('legend', {}, 'Scale'), vector('transform', 'scale', 0.1)),
        el('button', { type: 'submit', 'data-testid': 'apply-transform' }, 'Apply transform'),
      ], error('transform'), () => this.applyTransform()),
      el('div', { class: 'group' }, el('label', {}, this.fields.visible, ' Visible'), error('visible')),
      form('material', [el('label', {}, 'Base colour ', this.fields.color),
        el('button', { type: 'submit', 'data-testid': 'apply-color' }, 'Apply colour')], error('material'),
      () => this.applyColor()),
      form('tags', [el('label', {}, 'Tags ', this.fields.tags),
        el('button', { type: 'submit', 'data-testid': 'apply-tags' }, 'Apply tags')], error('tags'),
      () => this.applyTags()),
      this.readOnly,
      el('div', { class: 'group danger' },
        el('button', { type: 'button', 'data-testid': 'delete-entity', onclick: () => this.remove() },
          'Delete entity'), error('delete')),
    );
  }

  fill(entity) {
    const c = entity.components;
    this.title.replaceChildren(c.name || '(unnamed)', el('small', {}, ` v${entity.version}`),
      entity.overlay ? el('span', { class: 'badge' }, 'session') : '');
    if (!this.dirty.has('name')) {
      this.fields.name.value = c.name ?? '';
    }
    if (!this.dirty.has('transform')) {
      const t = c.transform ?? transformAt({ x: 0, y: 0, z: 0 });
      const euler = eulerDegreesFromQuat(t.rotation);
      for (const axis of AXES) {
        this.fields[`position-${axis}`].value = round(t.position[axis]);
        this.fields[`rotation-${axis}`].value = round(euler[axis]);
        this.fields[`scale-${axis}`].value = round(t.scale[axis]);
      }
    }
    this.fields.visible.checked = c.visible ?? true;
    if (!this.dirty.has('material')) {
      this.fields.color.value = c.material ? hexFromColor(c.material.baseColor) : '#cccccc';
    }
    if (!this.dirty.has('tags')) {
      this.fields.tags.value = (c.tags ?? []).join(', ');
    }
    this.readOnly.replaceChildren(...describe(entity).flatMap(([term, text]) => [el('dt', {}, term),
      el('dd', {}, text)]));
  }

  vectorOf(prefix) {
    const vector = {};
    for (const axis of AXES) {
      vector[axis] = Number.parseFloat(this.fields[`${prefix}-${axis}`].value);
    }
    return vector;
  }

  rename() {
    this.send('name', { name: this.fields.name.value.trim() || null });
  }

  applyTransform() {
    const transform = transformAt(this.vectorOf('position'), quatFromEulerDegrees(this.vectorOf('rotation')),
      this.vectorOf('scale'));
    const numbers = [transform.position, transform.scale].flatMap((v) => AXES.map((a) => v[a]));
    if (!numbers.every(Number.isFinite)) {
      this.showError('transform', 'Every position and scale field needs a number.');
      return;
    }
    this.send('transform', { transform });
  }

  nudge(axis, delta) {
    const entity = this.mirror.entity(this.entityId);
    const current = entity?.components.transform ?? transformAt({ x: 0, y: 0, z: 0 });
    const position = { ...current.position, [axis]: current.position[axis] + delta };
    this.dirty.delete('transform');
    this.send('transform', { transform: transformAt(position, current.rotation, current.scale) });
  }

  applyColor() {
    const alpha = this.mirror.entity(this.entityId)?.components.material?.baseColor.a ?? 1;
    const current = this.mirror.entity(this.entityId)?.components.material;
    this.send('material', { material: {
      baseColor: colorFromHex(this.fields.color.value, alpha),
      metallic: current?.metallic ?? 0,
      roughness: current?.roughness ?? 0.5,
      baseColorTexture: current?.baseColorTexture ?? null,
    } });
  }

  applyTags() {
    const tags = this.fields.tags.value.split(',').map((tag) => tag.trim()).filter(Boolean);
    this.send('tags', { tags });
  }

  remove() {
    this.showError('delete', '');
    this.act([deleteEntity(this.entityId)], 'delete');
  }

  send(origin, components) {
    this.showError(origin, '');
    this.dirty.delete(origin);
    if (origin === 'name' && components.name === null) {
      this.showError('name', 'A name cannot be empty.');
      return;
    }
    this.act([updateComponents(this.entityId, components)], origin);
  }
}

function form(group, controls, error, submit) {
  return el('form', {
    class: 'group', 'data-group': group,
    onsubmit: (event) => {
      event.preventDefault();
      submit();
    },
  }, ...controls, error);
}

function round(value) {
  return Number(fixed(value, 4));
}

/** The read-only lines: id, version, parent, mesh, camera, light. */
function describe(entity) {
  const c = entity.components;
  const lines = [['id', entity.entityId], ['version', String(entity.version)]];
  if (c.parent) {
    lines.push(['parent', c.parent]);
  }
  if (c.mesh) {
    lines.push(['mesh', c.mesh.primitive ?? `asset ${c.mesh.asset.sha256.slice(0, 12)}…`]);
  }
  if (c.camera) {
    lines.push(['camera', `fov ${fixed(c.camera.fovDegrees, 0)}°, near ${c.camera.near}, far ${c.camera.far}`
      + (c.camera.ownerClientId ? `, of ${c.camera.ownerClientId}` : '')]);
  }
  if (c.light) {
    lines.push(['light', `${c.light.type.toLowerCase()}, intensity ${fixed(c.light.intensity)}`]);
  }
  return lines;
}
