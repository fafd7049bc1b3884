import { describe, expect, it } from 'vitest';
import { detectProduct, hasProductSignal } from '../../../core/detect';
import { minorToDecimal } from '../../../core/money';
import { doc, ld, page } from './helpers';

const URL = 'https://www.shop.example/products/kettle';

describe('detectProduct', () => {
  it('fills each field from the most trusted layer that has it, and records the layer', () => {
    const html = page(
      `${ld('{"@type":"Product","name":"Kettle","offers":{"price":"20.00","priceCurrency":"EUR"}}')}
       <meta property="og:type" content="product"><meta property="og:image" content="/k.jpg"><meta property="product:brand" content="Acme">`,
      '<h1>Kettle</h1><span class="price">20,00 €</span><p>SKU: K-100</p>',
    );
    const p = detectProduct(doc(html), URL);
    expect(p).toMatchObject({
      kind: 'product',
      site: 'generic',
      title: 'Kettle',
      brand: 'Acme',
      sku: 'K-100',
      images: ['https://www.shop.example/k.jpg'],
    });
    expect(p?.price).toEqual({ minor: 2000, currency: 'EUR' });
    expect(p?.sources).toMatchObject({
      title: 'jsonld',
      price: 'jsonld',
      images: 'opengraph',
      brand: 'opengraph',
      sku: 'dom',
    });
  });

  it('prefers the price the page shows when markup layers disagree', () => {
    const html = page(
      `${ld('{"@type":"Product","name":"Pillows","offers":{"price":"150","priceCurrency":"USD"}}')}<meta property="product:price:amount" content="200"><meta property="product:price:currency" content="USD">`,
      '<h1>Pillows</h1><div class="price">$200</div><p>Estimate: $150 - $225</p>',
    );
    const p = detectProduct(doc(html), URL);
    expect(p?.price && minorToDecimal(p.price.minor, p.price.currency)).toBe('200.00');
    expect(p?.sources.price).toBe('opengraph');
  });

  it('takes the sale price the page shows when markup keeps the struck-through regular price', () => {
    const html = page(
      ld('{"@type":"Product","name":"Kettle","offers":{"price":"40.00","priceCurrency":"USD"}}'),
      '<h1>Kettle</h1><div class="price"><del>$40.00</del> <span class="now">$29.00</span></div><button class="add-to-cart">Add to cart</button>',
    );
    const p = detectProduct(doc(html), URL);
    expect(p?.price).toEqual({ minor: 2900, currency: 'USD' });
    expect(p?.sources.price).toBe('dom');
  });

  it('keeps the heading when the OpenGraph title is that name plus the shop', () => {
    const html = page(
      '<meta property="og:type" content="product"><meta property="og:title" content="Steel Kettle | Example Shop">',
      '<h1>Steel Kettle</h1>',
    );
    expect(detectProduct(doc(html), URL)?.title).toBe('Steel Kettle');
  });

  it('uses the canonical URL only when it is http(s) on the same site', () => {
    const base = ld('{"@type":"Product","name":"C"}');
    const at = (link: string) => detectProduct(doc(page(base + link)), `${URL}?utm_source=x`)?.canonicalUrl;
    expect(at('<link rel="canonical" href="/products/kettle">')).toBe(URL);
    expect(at('<link rel="canonical" href="https://evil.example/x">')).toBe(`${URL}?utm_source=x`);
    expect(at('<link rel="canonical" href="javascript:alert(1)">')).toBe(`${URL}?utm_source=x`);
    expect(at('<meta property="og:url" content="https://shop.example/products/kettle">')).toBe(
      'https://shop.example/products/kettle',
    );
  });

  it('returns null for articles, listings, search results and review lists', () => {
    const article = page(
      `${ld('{"@type":"NewsArticle","headline":"Prices rise"}')}<meta property="og:type" content="article">`,
      '<h1>Prices rise</h1><p>Kettles now cost $30.00.</p>',
    );
    expect(detectProduct(doc(article), 'https://news.example/2020/prices')).toBeNull();
    const product = page(
      ld('{"@type":"Product","name":"Kettle","offers":{"price":"5","priceCurrency":"USD"}}'),
    );
    expect(detectProduct(doc(product), 'https://shop.example/search?q=kettle')).toBeNull();
    expect(detectProduct(doc(product), 'https://shop.example/product-reviews/B000')).toBeNull();
    expect(detectProduct(doc(product), 'https://shop.example/kettle/reviews')).toBeNull();
    expect(detectProduct(doc(product), 'https://www.amazon.com/product-reviews/B000000000')).toBeNull();
  });

  it('guesses nothing: no currency anywhere gives the domain country, else XXX', () => {
    const html = page(ld('{"@type":"Product","name":"N","offers":{"price":"12"}}'));
    expect(detectProduct(doc(html), 'https://shop.example.de/p/1')?.price?.currency).toBe('EUR');
    expect(detectProduct(doc(html), 'https://shop.example.com/p/1')?.price?.currency).toBe('XXX');
  });

  it('reports social posts as candidates without a price', () => {
    const html = `<html><head><title>Note</title></head><body><script>window.__INITIAL_STATE__={"note":{"noteDetailMap":{"abc":{"note":{"noteId":"abc","title":"Bag haul","imageList":[{"urlDefault":"https://ci.xiaohongshu.com/a.jpg"}]}}}}}</script></body></html>`;
    const p = detectProduct(doc(html), 'https://www.xiaohongshu.com/explore/0123456789abcdef0123');
    expect(p).toMatchObject({
      kind: 'social-candidate',
      site: 'xiaohongshu',
      title: 'Bag haul',
      price: null,
      images: ['https://ci.xiaohongshu.com/a.jpg'],
    });
  });
});

describe('hasProductSignal', () => {
  it('is true for product markup and adapter sites, false for plain articles', () => {
    expect(hasProductSignal(doc(page(ld('{"@type":"Product"}'))), URL)).toBe(true);
    expect(hasProductSignal(doc(page('<meta property="og:type" content="product">')), URL)).toBe(true);
    expect(
      hasProductSignal(doc(page('', '<div itemscope itemtype="http://schema.org/Product"></div>')), URL),
    ).toBe(true);
    expect(
      hasProductSignal(
        doc(page('<link rel="stylesheet" href="https://cdn.shopify.com/s/files/x.css">')),
        URL,
      ),
    ).toBe(true);
    expect(hasProductSignal(doc(page('')), 'https://item.taobao.com/item.htm?id=1')).toBe(true);
    expect(
      hasProductSignal(
        doc(page('<meta property="og:type" content="article">', '<h1>News</h1><p>Text</p>')),
        'https://news.example/a',
      ),
    ).toBe(false);
  });
});
