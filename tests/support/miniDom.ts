/**
 * A tiny stand-in for the page's document (elements, text nodes, attributes, `outerHTML` in the
 * markup React's `renderToStaticMarkup` writes), for unit tests of plain DOM renderers in Node.
 */
const esc = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;');

class MiniText {
  constructor(public data: string) {}
  get outerHTML(): string {
    return esc(this.data);
  }
}

class MiniElement {
  readonly attrs = new Map<string, string>();
  children: (MiniElement | MiniText)[] = [];
  constructor(readonly tag: string) {}
  set className(v: string) {
    this.attrs.set('class', v);
  }
  get className(): string {
    return this.attrs.get('class') ?? '';
  }
  setAttribute(k: string, v: string): void {
    this.attrs.set(k, v);
  }
  appendChild<N extends MiniElement | MiniText>(n: N): N {
    this.children.push(n);
    return n;
  }
  set textContent(v: string) {
    this.children = v ? [new MiniText(v)] : [];
  }
  get textContent(): string {
    return this.children.map((c) => (c instanceof MiniText ? c.data : c.textContent)).join('');
  }
  get innerHTML(): string {
    return this.children.map((c) => c.outerHTML).join('');
  }
  get outerHTML(): string {
    const a = [...this.attrs].map(([k, v]) => ` ${k}="${esc(v)}"`).join('');
    return `<${this.tag}${a}>${this.innerHTML}</${this.tag}>`;
  }
}

/** Puts the stand-in document on `globalThis` (as `document`); returns what removes it. */
export function installMiniDom(): () => void {
  const g = globalThis as { document?: unknown };
  const before = g.document;
  g.document = {
    createElement: (tag: string) => new MiniElement(tag),
    createTextNode: (s: string) => new MiniText(s),
  };
  return () => {
    g.document = before;
  };
}
