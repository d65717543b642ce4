// A small element builder: el('li', {class: 'row', dataset: {entityId: id}}, 'text', child). Text goes in as text
// nodes, never as HTML, so nothing from the scene or the network can inject markup.

export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      element.className = value;
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  element.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

/** The element with this id; throws when the page lacks it (a mismatch between the HTML and the script). */
export function byId(id) {
  const element = document.getElementById(id);
  if (element === null) {
    throw new Error(`the page has no element #${id}`);
  }
  return element;
}

/** Formats a number for people: fixed decimals, no "-0.00". */
export function fixed(value, decimals = 2) {
  const text = Number(value).toFixed(decimals);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

/** "(x, y, z)" with two decimals: the position text of tree rows. */
export function positionText(position) {
  return `(${fixed(position.x)}, ${fixed(position.y)}, ${fixed(position.z)})`;
}
