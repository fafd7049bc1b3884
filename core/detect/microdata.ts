import type { PriceContext } from '../price';
import type { Obj } from './fields';
import { fromNodes, type LayerResult } from './jsonld';

/** Microdata (`itemscope`/`itemprop`) or RDFa-lite (`typeof`/`property`) attribute names. */
interface Syntax {
  scope: string;
  prop: string;
  type: string;
}
const MICRODATA: Syntax = { scope: 'itemscope', prop: 'itemprop', type: 'itemtype' };
const RDFA: Syntax = { scope: 'typeof', prop: 'property', type: 'typeof' };

const URL_ATTR: Record<string, string> = {
  A: 'href',
  LINK: 'href',
  AREA: 'href',
  IMG: 'src',
  SOURCE: 'src',
  VIDEO: 'src',
  AUDIO: 'src',
  IFRAME: 'src',
  EMBED: 'src',
  OBJECT: 'data',
};

/** The value of a property element: `content` first, then the tag's URL or value attribute, then text. */
function propValue(el: Element): string {
  const content = el.getAttribute('content');
  if (content !== null) return content;
  const tag = el.tagName.toUpperCase();
  const attr = URL_ATTR[tag];
  if (attr) {
    const v = el.getAttribute(attr) ?? '';
    if (tag === 'IMG' && (!v || v.startsWith('data:')))
      return (
        el.getAttribute('data-src') ??
        el.getAttribute('data-lazy-src') ??
        el.getAttribute('data-original') ??
        v
      );
    return v;
  }
  if (tag === 'TIME') return el.getAttribute('datetime') ?? el.textContent ?? '';
  if (tag === 'DATA' || tag === 'METER' || tag === 'INPUT') return el.getAttribute('value') ?? '';
  return (el.textContent ?? '').slice(0, 2000);
}

/** One item as a JSON-LD-like object: `{"@type": …, name: …, offers: {…}}`. */
function itemOf(scope: Element, sx: Syntax, budget: { n: number }, depth = 0): Obj {
  const o: Obj = { '@type': (scope.getAttribute(sx.type) ?? '').trim().split(/\s+/) };
  const add = (names: string, v: unknown) => {
    for (let name of names.trim().split(/\s+/).slice(0, 4)) {
      name = name.replace(/^.*[/#:]/, '');
      if (!name || name === '__proto__') continue;
      const prev = o[name];
      o[name] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v].slice(0, 50) : [prev, v];
    }
  };
  const walk = (el: Element) => {
    for (let c = el.firstElementChild; c && budget.n-- > 0; c = c.nextElementSibling) {
      const names = c.getAttribute(sx.prop);
      const isScope = c.hasAttribute(sx.scope);
      if (names && !names.includes('og:')) {
        // `<meta itemprop="brand" itemscope itemtype=".../Brand" content="X">`: the content is the value.
        if (isScope && c.hasAttribute('content')) add(names, c.getAttribute('content'));
        else if (isScope && depth < 4) add(names, itemOf(c, sx, budget, depth + 1));
        else if (!isScope) add(names, propValue(c));
      }
      if (!isScope) walk(c);
    }
  };
  walk(scope);
  // Microdata `itemref`: properties held by elements elsewhere in the page, by id.
  const refs = sx === MICRODATA ? (scope.getAttribute('itemref') ?? '').trim().split(/\s+/).slice(0, 10) : [];
  for (const id of refs) {
    const el = id ? scope.ownerDocument.getElementById(id) : null;
    if (!el || el.contains(scope)) continue;
    const names = el.getAttribute(sx.prop);
    if (names)
      add(
        names,
        el.hasAttribute(sx.scope) ? (depth < 4 ? itemOf(el, sx, budget, depth + 1) : null) : propValue(el),
      );
    else walk(el);
  }
  return o;
}

/** Top-level items of one syntax: scopes that are not themselves a property of another item. */
function readSyntax(
  doc: Document,
  sx: Syntax,
  url: string,
  ctx: PriceContext,
  titles: string[],
): LayerResult {
  const nodes: Obj[] = [];
  const budget = { n: 30_000 };
  const scopes = doc.querySelectorAll(sx === RDFA ? '[typeof]' : '[itemscope]');
  for (let k = 0; k < scopes.length && k < 300 && budget.n > 0; k++) {
    const el = scopes[k] as Element;
    const prop = el.getAttribute(sx.prop);
    // Items that are a property are read through their parent (or itemref), except mainEntity and list items.
    if (prop && !/mainEntity|itemListElement/.test(prop)) continue;
    nodes.push(itemOf(el, sx, budget));
  }
  // List elements hold their product in `item`.
  const flat = nodes.flatMap((n) => {
    const items = n.itemListElement;
    return [n, ...(Array.isArray(items) ? items : items ? [items] : [])].filter(
      (x): x is Obj => typeof x === 'object' && x !== null,
    );
  });
  return fromNodes(flat, url, ctx, titles);
}

export const readMicrodata = (
  doc: Document,
  url: string,
  ctx: PriceContext,
  titles: string[] = [],
): LayerResult => readSyntax(doc, MICRODATA, url, ctx, titles);

export const readRdfa = (doc: Document, url: string, ctx: PriceContext, titles: string[] = []): LayerResult =>
  readSyntax(doc, RDFA, url, ctx, titles);
