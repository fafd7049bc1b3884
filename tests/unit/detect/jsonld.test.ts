import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectProduct } from '../../../core/detect';
import { readJsonLd } from '../../../core/detect/jsonld';
import { minorToDecimal } from '../../../core/money';
import { FUZZ_RUNS, FUZZ_TIMEOUT_MS } from '../../support/arbitraries';
import { doc, ld, page } from './helpers';

const URL = 'https://shop.example/products/anvil';
const read = (...blobs: string[]) =>
  readJsonLd(doc(page(blobs.map(ld).join(''))), URL, { hostname: 'shop.example' });
const amount = (html: string) => {
  const p = detectProduct(doc(html), URL);
  return p?.price ? `${minorToDecimal(p.price.minor, p.price.currency)} ${p.price.currency}` : null;
};

describe('JSON-LD layer', () => {
  it('reads a plain Product with an Offer', () => {
    const r = read(
      '{"@context":"https://schema.org","@type":"Product","name":"Anvil","sku":"A1","gtin13":"4006381333931","brand":{"@type":"Brand","name":"ACME"},"image":["/a.jpg",{"@type":"ImageObject","url":"https://cdn.example/b.jpg"}],"offers":{"@type":"Offer","price":"119.99","priceCurrency":"USD","availability":"https://schema.org/InStock"}}',
    );
    expect(r.product).toMatchObject({
      title: 'Anvil',
      sku: 'A1',
      gtin: '4006381333931',
      brand: 'ACME',
      images: ['/a.jpg', 'https://cdn.example/b.jpg'],
      availability: 'in_stock',
      price: { amount: '119.99', currency: 'USD' },
    });
    expect(r.listing).toBe(false);
  });

  it('finds the Product in @graph, in arrays and as mainEntity', () => {
    expect(
      read(
        '{"@graph":[{"@type":"WebSite"},{"@type":"Product","name":"G","offers":{"price":5,"priceCurrency":"EUR"}}]}',
      ).product?.title,
    ).toBe('G');
    expect(read('[{"@type":"BreadcrumbList"},{"@type":["Product","Thing"],"name":"A"}]').product?.title).toBe(
      'A',
    );
    expect(read('{"@type":"ItemPage","mainEntity":{"@type":"Product","name":"M"}}').product?.title).toBe('M');
    expect(
      read(
        '{"@type":"Offer","price":"3.50","priceCurrency":"GBP","itemOffered":{"@type":"Product","name":"O"}}',
      ).product,
    ).toMatchObject({ title: 'O', price: { amount: '3.50' } });
  });

  it('reads AggregateOffer low and high prices', () => {
    const r = read(
      '{"@type":"Product","name":"R","offers":{"@type":"AggregateOffer","lowPrice":"10.00","highPrice":"25.50","priceCurrency":"EUR"}}',
    );
    expect(r.product?.price).toEqual({ amount: '10.00', currency: 'EUR', max: '25.50' });
  });

  it('picks among several offers: the in-stock cheapest, the range up to the dearest', () => {
    const r = read(
      '{"@type":"Product","name":"S","offers":[{"price":"62.95","priceCurrency":"EUR","availability":"OutOfStock"},{"price":"70.50","priceCurrency":"EUR","availability":"InStock"},{"price":"80","priceCurrency":"EUR","availability":"InStock"}]}',
    );
    expect(r.product?.price).toEqual({ amount: '70.50', currency: 'EUR', max: '80' });
    expect(r.product?.availability).toBe('in_stock');
  });

  it('prefers the offer for this page URL', () => {
    const r = read(
      `{"@type":"Product","name":"V","offers":[{"price":"10","priceCurrency":"EUR","url":"https://shop.example/other"},{"price":"12","priceCurrency":"EUR","url":"${URL}"}]}`,
    );
    expect(r.product?.price?.amount).toBe('12');
  });

  it('reads priceSpecification, skipping list/strike-through prices', () => {
    const r = read(
      '{"@type":"Product","name":"P","offers":{"@type":"Offer","priceSpecification":[{"@type":"UnitPriceSpecification","priceType":"https://schema.org/ListPrice","price":99,"priceCurrency":"USD"},{"@type":"UnitPriceSpecification","price":79,"priceCurrency":"USD"}]}}',
    );
    expect(r.product?.price).toMatchObject({ amount: '79', currency: 'USD' });
  });

  it('reads broken JSON the way browsers still accept it', () => {
    const broken = `<!--
      {
        // the product
        "@type": "Product",
        "name": "Broken
Anvil",
        "offers": {"price": "9.99", "priceCurrency": "GBP",},
      }
    -->`;
    const r = read(broken);
    expect(r.product?.title).toBe('Broken\nAnvil');
    expect(r.product?.price?.amount).toBe('9.99');
  });

  it('treats ItemList / CollectionPage / several unrelated products as a listing', () => {
    expect(
      read(
        '{"@type":"ItemList","itemListElement":[{"@type":"ListItem","item":{"@type":"Product","name":"A"}}]}',
      ).listing,
    ).toBe(true);
    expect(read('{"@type":"CollectionPage","name":"Shirts"}').listing).toBe(true);
    expect(read('{"@type":"SearchResultsPage"}').listing).toBe(true);
    const several = read(
      '[{"@type":"Product","name":"Red kettle"},{"@type":"Product","name":"Blue toaster"},{"@type":"Product","name":"Green mug"}]',
    );
    expect(several.product).toBeNull();
    expect(several.listing).toBe(true);
  });

  it('keeps one product when several nodes are variants of it', () => {
    const r = read(
      '[{"@type":"Product","name":"Dress","sku":"1"},{"@type":"Product","name":"Dress","sku":"2"}]',
    );
    expect(r.product?.sku).toBe('1');
    const g = read(
      '{"@type":"ProductGroup","name":"Shoe","productGroupID":"S","hasVariant":[{"@type":"Product","name":"Shoe 42","sku":"S42","offers":{"price":"50","priceCurrency":"EUR"}}]}',
    );
    expect(g.product).toMatchObject({ title: 'Shoe', sku: 'S42', price: { amount: '50' } });
  });

  it('ignores products that are only mentioned (reviews, related items)', () => {
    const r = read(
      '{"@type":"Review","itemReviewed":{"@type":"Product","name":"Reviewed"},"reviewBody":"ok"}',
    );
    expect(r.product).toBeNull();
  });

  it('skips blobs over 1 MB and invalid blobs without failing the others', () => {
    const huge = `{"@type":"Product","name":"Huge","description":"${'x'.repeat(1_100_000)}"}`;
    expect(read(huge).product).toBeNull();
    expect(read('{not json at all', huge, '{"@type":"Product","name":"Fine"}').product?.title).toBe('Fine');
  });

  it('rejects prices that are not finite amounts above zero', () => {
    for (const p of [
      '"NaN"',
      '"-5"',
      '-5',
      '"1e308"',
      '1e308',
      '0',
      '"0.00"',
      '"free"',
      '{}',
      'null',
      '"Infinity"',
    ]) {
      const html = page(ld(`{"@type":"Product","name":"X","offers":{"price":${p},"priceCurrency":"USD"}}`));
      expect(amount(html), p).toBeNull();
    }
    expect(
      amount(page(ld('{"@type":"Product","name":"X","offers":{"price":12.5,"priceCurrency":"usd"}}'))),
    ).toBe('12.50 USD');
    expect(
      amount(page(ld('{"@type":"Product","name":"X","offers":{"price":"1,299.00","priceCurrency":"USD"}}'))),
    ).toBe('1299.00 USD');
  });
});

/** A stand-in document holding one JSON-LD script, so property runs stay cheap. */
const ldDoc = (text: string) => ({ querySelectorAll: () => [{ textContent: text }] }) as unknown as Document;

describe('JSON-LD layer on hostile input', { timeout: FUZZ_TIMEOUT_MS }, () => {
  it('never throws on arbitrary text or JSON', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.json({ maxDepth: 5 })), (s) => {
        readJsonLd(ldDoc(s), 'https://shop.example/p/1', {});
      }),
      FUZZ_RUNS,
    );
  });

  it('never throws on arbitrary schema.org-shaped JSON', () => {
    const { node: thing } = fc.letrec<{ node: unknown }>((tie) => ({
      node: fc.record(
        {
          '@type': fc.constantFrom(
            'Product',
            'Offer',
            'AggregateOffer',
            'ItemList',
            ['Product', 'Thing'],
            42,
            null,
          ),
          name: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.constant(null), tie('node')),
          offers: fc.oneof(
            { depthSize: 'small' },
            fc.string(),
            tie('node'),
            fc.array(tie('node'), { maxLength: 3 }),
          ),
          price: fc.oneof(fc.string(), fc.double(), fc.constant({})),
          image: fc.oneof(
            { depthSize: 'small' },
            fc.string(),
            fc.array(fc.string(), { maxLength: 3 }),
            tie('node'),
          ),
          '@graph': fc.array(tie('node'), { maxLength: 3 }),
        },
        { requiredKeys: [] },
      ),
    }));
    fc.assert(
      fc.property(thing, (v) => {
        readJsonLd(ldDoc(JSON.stringify(v)), 'https://shop.example/p/1', {});
      }),
      FUZZ_RUNS,
    );
  });
});
