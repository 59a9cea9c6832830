/**
 * A tiny element builder: `h('p', { class: 'x' }, 'text', child)`. Text is always set as text, never as
 * HTML, so values from the API cannot inject markup.
 */
type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.replace(/^on/, ''), value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(
      typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child,
    );
  }
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/**
 * A table with a caption, header cells and rows of cells (strings or nodes). A one-line-rows table's row names wrap
 * on a phone, or, a case number, are cut short (styles.css), so each row's header cell carries the full name as its
 * title too; its text, which assistive technology reads, is always whole.
 */
export function table(
  caption: string,
  head: string[],
  rows: (Child | Child[])[][],
  className = 'data',
): HTMLTableElement {
  const named = className.split(' ').includes('one-line-rows');
  const rowHeader = (c: Child | Child[]) => {
    // The name in a block of its own, which a phone's stylesheet sizes to the name (styles.css, .row-name).
    const th = h('th', { scope: 'row' }, named ? h('span', { class: 'row-name' }, c) : c);
    if (named && th.textContent) th.title = th.textContent;
    return th;
  };
  return h(
    'table',
    { class: className },
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        head.map((c) => h('th', { scope: 'col' }, c)),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((cells) =>
        h(
          'tr',
          {},
          cells.map((c, i) => (i === 0 ? rowHeader(c) : h('td', {}, c))),
        ),
      ),
    ),
  );
}

/**
 * A box that scrolls wide content (a table on a phone) sideways inside itself rather than the page. It is a
 * focusable, named region, so keys can scroll it (axe's scrollable-region-focusable). A shadow stands on each
 * side with more content beyond it (`data-more="start end"` on the wrapper, kept by scrolling and resizing), so
 * a cut-off column reads as "scroll for more" rather than as the table's end. The shadows are drawn over the
 * content by the wrapper (see .scroll-cue in styles.css), so cells with their own background do not hide them.
 */
export function scrollRegion(label: string, content: Node, className = ''): HTMLElement {
  const region = h(
    'div',
    { class: `table-scroll ${className}`.trim(), tabindex: '0', role: 'region', 'aria-label': label },
    content,
  );
  const cue = h('div', { class: 'scroll-cue' }, region);
  const update = () => {
    const beyond = region.scrollWidth - region.clientWidth - region.scrollLeft;
    const more = [region.scrollLeft > 1 ? 'start' : '', beyond > 1 ? 'end' : ''].filter(Boolean).join(' ');
    if (cue.dataset.more !== more) cue.dataset.more = more;
  };
  region.addEventListener('scroll', update, { passive: true });
  // The region changes size with the window and when its <details> opens; the content when fonts arrive.
  const resized = new ResizeObserver(update);
  resized.observe(region);
  if (content instanceof Element) resized.observe(content);
  return cue;
}
