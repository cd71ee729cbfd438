/**
 * Builds elements from tags, constant attributes and children. Text always becomes a text node, never markup:
 * everything a credential or the API says is shown through here.
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/** Replaces what a region shows and moves focus to its heading, so keyboard and screen reader users land there. */
export function show(region, ...content) {
  region.replaceChildren(...content);
  region.querySelector('[data-focus]')?.focus();
}
