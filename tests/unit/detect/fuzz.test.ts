/**
 * Fuzzing the detector over whole hostile documents: random trees of the elements and attributes the layers read
 * (microdata, RDFa, OpenGraph and Twitter meta, JSON-LD scripts, links, pictures, price-looking text), with
 * values that break naive readers — script payloads, `javascript:` / `data:` / `file:` / `chrome-extension:` URLs,
 * `__proto__` keys, huge numbers. Whatever the page, a layer never throws and the engine returns nothing or a
 * product that passes the very schema the background checks messages with (bounded plain text, http(s) URLs,
 * non-negative integer minor units).
 */
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { detectProduct } from '../../../core/detect';
import { readMicrodata, readRdfa } from '../../../core/detect/microdata';
import { DetectedProductSchema } from '../../../core/detect/product-schema';
import { FUZZ_RUNS, FUZZ_TIMEOUT_MS } from '../../support/arbitraries';
import { doc } from './helpers';

const HOSTILE_TEXT = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '¥12.50-18.00',
  '$1,299.99',
  '1e400',
  '-5',
  'NaN',
  '__proto__',
  '\u202e\u200bhidden',
  '€ 9,99',
  '12.345,67 ₽',
];
const HOSTILE_URLS = [
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  'chrome-extension://abcdefghijklmnopabcdefghijklmnop/x.html',
  '//cdn.example/p.jpg',
  '/p/1.jpg',
  'https://img.example/a.jpg',
  'http://192.168.1.1/a.png',
  'https://evil.example/" onerror="x',
];

const value = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(...HOSTILE_TEXT, ...HOSTILE_URLS));
const attribute = fc.oneof(
  fc.constantFrom('itemscope', 'hidden'),
  fc.tuple(
    fc.constantFrom(
      'itemprop',
      'itemtype',
      'property',
      'name',
      'content',
      'href',
      'src',
      'srcset',
      'class',
      'typeof',
      'data-price',
      'aria-label',
    ),
    fc.oneof(
      value,
      fc.constantFrom(
        'name',
        'price',
        'priceCurrency',
        'image',
        'offers',
        'sku',
        'gtin13',
        'brand',
        'availability',
        'https://schema.org/Product',
        'http://schema.org/Offer',
        'og:title',
        'og:image',
        'product:price:amount',
        'product:price:currency',
        'twitter:title',
        'price',
        'product-price',
      ),
    ),
  ),
);
const TAGS = ['div', 'span', 'meta', 'link', 'img', 'a', 'h1', 'p', 'button', 'section'] as const;

/** Escapes a value for a double-quoted attribute, so the generated text is the tree it says. */
const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
const textNode = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

const { node } = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    value.map(textNode),
    fc
      .tuple(
        fc.constantFrom(...TAGS),
        fc.array(attribute, { maxLength: 4 }),
        fc.array(tie('node'), { maxLength: 4 }),
      )
      .map(([tag, attrs, kids]) => {
        const a = attrs.map((x) => (typeof x === 'string' ? ` ${x}` : ` ${x[0]}="${attr(x[1])}"`)).join('');
        return `<${tag}${a}>${kids.join('')}</${tag}>`;
      }),
    fc
      .oneof(fc.json({ maxDepth: 4 }), fc.string({ maxLength: 80 }), value)
      .map((json) => `<script type="application/ld+json">${json.replace(/<\//g, '<\\/')}</script>`),
  ),
}));
/** A product as each layer declares it, with hostile values in its fields, so the layers' own paths are reached. */
const hostileUrl = fc.oneof(fc.constantFrom(...HOSTILE_URLS), fc.webUrl(), fc.string({ maxLength: 30 }));
const priceText = fc.oneof(
  value,
  fc.double({ noNaN: false }).map(String),
  fc.integer().map(String),
  fc.constantFrom('12.50', '0', '1e21', '99999999999999999999'),
);
const jsonLdProduct = fc
  .record(
    {
      '@context': fc.constantFrom('https://schema.org', 'http://schema.org/', 42),
      '@type': fc.constantFrom('Product', ['Product'], 'ProductGroup', 'Offer'),
      name: value,
      image: fc.oneof(hostileUrl, fc.array(hostileUrl, { maxLength: 3 }), fc.record({ url: hostileUrl })),
      sku: value,
      gtin13: value,
      brand: fc.oneof(value, fc.record({ '@type': fc.constant('Brand'), name: value })),
      offers: fc.record(
        {
          '@type': fc.constantFrom('Offer', 'AggregateOffer'),
          price: fc.oneof(priceText, fc.double(), fc.constant({})),
          lowPrice: priceText,
          highPrice: priceText,
          priceCurrency: fc.oneof(value, fc.constantFrom('USD', 'CNY', 'usd', 'XXX', '¥')),
          availability: fc.oneof(value, fc.constantFrom('https://schema.org/InStock', 'OutOfStock')),
          url: hostileUrl,
        },
        { requiredKeys: [] },
      ),
      // Computed, so it is an own key of the record (as JSON.parse makes it), not the literal's prototype.
      ['__proto__']: fc.constant({ polluted: true }),
      constructor: value,
    },
    { requiredKeys: ['@type', 'name'] },
  )
  .map((o) => `<script type="application/ld+json">${JSON.stringify(o).replace(/<\//g, '<\\/')}</script>`);
const microdataProduct = fc
  .record({ name: value, price: priceText, currency: value, image: hostileUrl, sku: value })
  .map(
    (p) =>
      `<div itemscope itemtype="https://schema.org/Product"><h1 itemprop="name">${textNode(p.name)}</h1>` +
      `<img itemprop="image" src="${attr(p.image)}"><span itemprop="sku">${textNode(p.sku)}</span>` +
      `<div itemprop="offers" itemscope itemtype="https://schema.org/Offer">` +
      `<span itemprop="price" content="${attr(p.price)}">${textNode(p.price)}</span>` +
      `<meta itemprop="priceCurrency" content="${attr(p.currency)}"></div></div>`,
  );
const metaProduct = fc
  .record({ title: value, price: priceText, currency: value, image: hostileUrl })
  .map(
    (p) =>
      `<meta property="og:type" content="product"><meta property="og:title" content="${attr(p.title)}">` +
      `<meta property="product:price:amount" content="${attr(p.price)}">` +
      `<meta property="product:price:currency" content="${attr(p.currency)}">` +
      `<meta property="og:image" content="${attr(p.image)}">`,
  );
const visibleProduct = fc
  .record({ title: value, price: priceText })
  .map(
    (p) =>
      `<h1>${textNode(p.title)}</h1><span class="price">${textNode(p.price)}</span>` +
      `<button>Add to cart</button>`,
  );
const declared = fc.oneof(jsonLdProduct, microdataProduct, metaProduct, visibleProduct);

const page = fc
  .tuple(
    fc.array(fc.oneof(node, metaProduct, jsonLdProduct), { maxLength: 6 }),
    fc.array(fc.oneof({ weight: 3, arbitrary: node }, { weight: 2, arbitrary: declared }), { maxLength: 8 }),
  )
  .map(
    ([head, body]) =>
      `<!doctype html><html><head>${head.join('')}</head><body>${body.join('')}</body></html>`,
  );

const URLS = [
  'https://shop.example/products/lamp',
  'https://item.taobao.com/item.htm?id=712345678901',
  'https://www.amazon.com/dp/B0ABCDEF12',
  'https://www.xiaohongshu.com/explore/64f0c0ffee',
];

describe('the detector on hostile documents', { timeout: FUZZ_TIMEOUT_MS }, () => {
  // A fuzzer whose pages never make a product would test nothing.
  it('the generated pages do make products (the property below is not vacuous)', () => {
    const found = fc
      .sample(page, { numRuns: 400, seed: 7 })
      .filter((html) => detectProduct(doc(html), URLS[0] as string) !== null).length;
    expect(found).toBeGreaterThan(20);
  });

  it('returns nothing or a product that passes the message schema, on any page and site', () => {
    fc.assert(
      fc.property(page, fc.constantFrom(...URLS), (html, url) => {
        const product = detectProduct(doc(html), url);
        if (product === null) return;
        const checked = v.safeParse(DetectedProductSchema, product);
        expect(checked.issues?.map((i) => i.message) ?? [], html).toEqual([]);
        for (const u of [product.canonicalUrl, ...product.images]) expect(u).toMatch(/^https?:\/\//);
      }),
      FUZZ_RUNS,
    );
  });

  it('the microdata and RDFa layers never throw (a layer that throws would lose the others)', () => {
    fc.assert(
      fc.property(page, (html) => {
        const d = doc(html);
        readMicrodata(d, URLS[0] as string, {});
        readRdfa(d, URLS[0] as string, {});
      }),
      FUZZ_RUNS,
    );
  });
});
