import { describe, expect, it } from 'vitest';
import { detectProduct, hasProductSignal } from '../../../core/detect';
import type { DetectedProduct } from '../../../core/detect/types';
import { doc, ld, page } from './helpers';

const URL = 'https://shop.example/products/x';

function checkSanitised(p: DetectedProduct | null) {
  if (!p) return;
  for (const s of [p.title, p.brand, p.sku, p.gtin, p.itemId]) {
    if (s === null) continue;
    expect(s).not.toMatch(/[<>]|javascript:/i);
    expect(s).not.toMatch(/\s{2,}|^\s|\s$/);
  }
  expect(p.title.length).toBeLessThanOrEqual(300);
  for (const s of [p.brand, p.sku, p.itemId]) if (s) expect(s.length).toBeLessThanOrEqual(100);
  expect(p.images.length).toBeLessThanOrEqual(20);
  expect(new Set(p.images).size).toBe(p.images.length);
  for (const i of p.images) expect(i).toMatch(/^https?:\/\//);
  for (const m of [p.price, p.priceMax]) {
    if (!m) continue;
    expect(Number.isSafeInteger(m.minor)).toBe(true);
    expect(m.minor).toBeGreaterThanOrEqual(0);
    expect(m.currency).toMatch(/^[A-Z]{3}$/);
  }
  expect(p.canonicalUrl).toMatch(/^https?:\/\//);
}

describe('hostile pages', () => {
  it('strips markup and scripts from titles', () => {
    const html = page(
      ld(
        '{"@type":"Product","name":"<script>alert(1)<\\/script><b>Real</b> &lt;i&gt;Name&lt;/i&gt;   \\u202e","offers":{"price":"5","priceCurrency":"USD"}}',
      ),
    );
    const p = detectProduct(doc(html), URL);
    expect(p?.title).toBe('Real Name');
    checkSanitised(p);
  });

  it('keeps only absolute http(s) images, deduplicated, at most 20', () => {
    const images = [
      'javascript:alert(1)',
      'data:image/png;base64,AAAA',
      'vbscript:x',
      '/rel.jpg',
      '//cdn.example/p.jpg',
      '/rel.jpg',
      ...Array.from({ length: 40 }, (_, i) => `/i${i}.jpg`),
    ];
    const p = detectProduct(
      doc(page(ld(JSON.stringify({ '@type': 'Product', name: 'Imgs', image: images })))),
      URL,
    );
    expect(p?.images[0]).toBe('https://shop.example/rel.jpg');
    expect(p?.images[1]).toBe('https://cdn.example/p.jpg');
    expect(p?.images).toHaveLength(20);
    checkSanitised(p);
  });

  it('gives null or a sane price for NaN, negative and huge prices', () => {
    for (const v of [
      '"NaN"',
      '-1',
      '"-12.50"',
      '1e308',
      '"1e308"',
      '"99999999999999999999"',
      '"Infinity"',
      '"12.50.30"',
    ]) {
      const p = detectProduct(
        doc(page(ld(`{"@type":"Product","name":"P","offers":{"price":${v},"priceCurrency":"USD"}}`))),
        URL,
      );
      expect(p, v).not.toBeNull();
      expect(p?.price, v).toBeNull();
      checkSanitised(p);
    }
  });

  it('caps long titles and strings', () => {
    const p = detectProduct(
      doc(
        page(
          ld(
            JSON.stringify({
              '@type': 'Product',
              name: 'T'.repeat(5000),
              sku: 'S'.repeat(500),
              brand: 'B'.repeat(500),
            }),
          ),
        ),
      ),
      URL,
    );
    expect(p?.title.length).toBe(300);
    expect(p?.sku?.length).toBe(100);
    checkSanitised(p);
  });

  it('survives invalid and 5 MB JSON-LD', () => {
    const five = `{"@type":"Product","name":"Big","description":"${'x'.repeat(5_000_000)}"}`;
    const html = page(
      ld('{{{{ not json') +
        ld(five) +
        ld('[1,2,') +
        ld('{"@type":"Product","name":"Ok","offers":{"price":"3","priceCurrency":"EUR"}}'),
    );
    const p = detectProduct(doc(html), URL);
    expect(p?.title).toBe('Ok');
  });

  it('survives a 10 MB page', () => {
    const filler = `<p>${'lorem ipsum dolor sit amet '.repeat(40)}</p>`.repeat(10_000);
    expect(filler.length).toBeGreaterThan(10_000_000);
    const html = page(
      ld('{"@type":"Product","name":"Deep","offers":{"price":"7.5","priceCurrency":"EUR"}}'),
      `<h1>Deep</h1>${filler}`,
    );
    const p = detectProduct(doc(html), URL);
    expect(p?.title).toBe('Deep');
    checkSanitised(p);
  });

  it('survives a 50,000-node DOM (wide and deep)', () => {
    const wide = '<div class="x"><span>1</span></div>'.repeat(25_000);
    const deep = `${'<div>'.repeat(5_000)}x${'</div>'.repeat(5_000)}`;
    const html = page(
      '<meta property="og:type" content="product"><meta property="og:title" content="Wide">',
      `<h1>Wide</h1>${wide}${deep}<span class="price">$3.00</span>`,
    );
    const d = doc(html);
    expect(d.querySelectorAll('*').length).toBeGreaterThan(50_000);
    const p = detectProduct(d, URL);
    expect(p?.title).toBe('Wide');
    expect(hasProductSignal(d, URL)).toBe(true);
  });

  it('never throws on broken documents and URLs', () => {
    const d = doc(page(ld('{"@type":"Product","name":"X"}')));
    expect(detectProduct(d, 'not a url')).toBeNull();
    expect(detectProduct(d, 'javascript:alert(1)')).toBeNull();
    expect(detectProduct({} as Document, URL)).toBeNull();
    expect(detectProduct(null as unknown as Document, URL)).toBeNull();
    expect(hasProductSignal({} as Document, URL)).toBe(false);
  });
});
