// A tiny element builder. Text always goes in as text nodes (never as HTML), so nothing the server
// sends can become markup. No inline styles: the page runs under `default-src 'self'`.

let nextId = 0;

/** A unique id for aria-labelledby / aria-describedby pairs. */
export function uid(prefix) {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/**
 * h('p', {class: 'x', onclick: fn}, 'text', child, [more, children])
 * Attributes: `class`, `on<event>` (listener), booleans (true → present, false/null → absent), strings.
 */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2), value);
    } else if (value === true) {
      node.setAttribute(name, '');
    } else {
      node.setAttribute(name, String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false || child === '') continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Text only screen readers hear, e.g. "voldaan" next to a ✓. */
export function srOnly(text) {
  return h('span', { class: 'visually-hidden' }, text);
}

/** A decorative symbol that screen readers skip. */
export function icon(symbol, className = 'icon') {
  return h('span', { class: className, 'aria-hidden': 'true' }, symbol);
}

const SVG = 'http://www.w3.org/2000/svg';
const THUMB = 'M2 10h4v11H2zM8 10l4-7c1.6 0 2.6 1.1 2.1 3L13.2 9H20c1.2 0 2 1 1.8 2.2l-1.5 8.3'
  + 'c-.2.9-.9 1.5-1.8 1.5H8z';

/** A thumb drawn in the text colour (no emoji font needed); up or down. Hidden from screen readers. */
export function thumbIcon(up) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', 'thumb');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', THUMB);
  path.setAttribute('fill', 'currentColor');
  if (!up) path.setAttribute('transform', 'rotate(180 12 12)');
  svg.append(path);
  return svg;
}
