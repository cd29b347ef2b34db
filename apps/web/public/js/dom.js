// Small DOM helpers: elements are built, never parsed from strings, so data from the API cannot inject markup.

/**
 * Creates an element. Attributes starting with `on` become listeners; `class`, `for` and `aria-*` are set as
 * attributes; `false`, `null` and `undefined` attributes are left out; children may be strings or nodes.
 * @param {string} tag
 * @param {Record<string, unknown>} [attributes]
 * @param {...(Node|string|number|null|undefined|false|Array<Node|string|null|undefined|false>)} children
 * @returns {HTMLElement}
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), /** @type {EventListener} */ (value));
    } else if (name === 'value' && 'value' in element) {
      /** @type {HTMLInputElement} */ (element).value = String(value);
    } else if (name === 'checked' || name === 'selected' || name === 'disabled') {
      /** @type {any} */ (element)[name] = Boolean(value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(/** @type {Element} */ parent, /** @type {unknown[]} */ children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces everything inside `parent` with `children`. */
export function mount(/** @type {Element} */ parent, /** @type {unknown[]} */ ...children) {
  parent.replaceChildren();
  append(parent, children);
}

/** A labelled form field: label, control, and an optional hint tied to it by `aria-describedby`. */
export function field(
  /** @type {string} */ label,
  /** @type {HTMLElement} */ control,
  /** @type {string} */ hint = '',
) {
  const id = control.id || `f-${Math.random().toString(36).slice(2, 9)}`;
  control.id = id;
  const hintElement = hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
  if (hintElement) control.setAttribute('aria-describedby', hintElement.id);
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hintElement);
}

/** A key/value list (`<dl>`). */
export function facts(/** @type {Array<[string, unknown]>} */ rows) {
  return h(
    'dl',
    { class: 'facts' },
    rows.map(([key, value]) => [
      h('dt', {}, key),
      h('dd', {}, value === null || value === undefined || value === '' ? '—' : /** @type {any} */ (value)),
    ]),
  );
}
