import { describe, expect, it } from 'vitest';
import { ogIsProduct, readMetas, readOpenGraph, readTwitter } from '../../../core/detect/meta';
import { doc, page } from './helpers';

const metas = (head: string) => readMetas(doc(page(head)));

describe('OpenGraph layer', () => {
  it('reads product:price and og:price, sale price first', () => {
    const m = metas(`<meta property="og:type" content="product"><meta property="og:title" content="Chair">
      <meta property="product:price:amount" content="1148.00"><meta property="product:sale_price:amount" content="997.00">
      <meta property="product:price:currency" content="PLN"><meta property="product:availability" content="in stock">
      <meta property="og:image" content="/a.jpg"><meta property="og:image" content="/b.jpg">`);
    expect(ogIsProduct(m)).toBe(true);
    expect(readOpenGraph(m)).toMatchObject({
      title: 'Chair',
      price: { amount: '997.00', currency: 'PLN' },
      availability: 'in_stock',
      images: ['/a.jpg', '/b.jpg'],
    });
    const og = readOpenGraph(
      metas(
        '<meta property="og:price:amount" content="48,00"><meta property="og:price:currency" content="USD">',
      ),
    );
    expect(og.price).toEqual({ amount: '48,00', currency: 'USD' });
  });

  it('names the regular price when one is given beside the price', () => {
    const og = readOpenGraph(
      metas(
        '<meta property="product:price:amount" content="120"><meta property="og:price:standard_amount" content="150">',
      ),
    );
    expect(og.listPrice).toBe('150');
  });

  it('does not call an article a product', () => {
    expect(ogIsProduct(metas('<meta property="og:type" content="article">'))).toBe(false);
    expect(ogIsProduct(metas('<meta property="og:type" content="zalando_sharing:product">'))).toBe(true);
  });
});

describe('Twitter cards', () => {
  it('reads a price from a label/data pair', () => {
    const t = readTwitter(
      metas(
        '<meta name="twitter:label1" content="Price"><meta name="twitter:data1" content="$12.99"><meta name="twitter:label2" content="Availability"><meta name="twitter:data2" content="In stock">',
      ),
    );
    expect(t.price).toEqual({ amount: '$12.99' });
    expect(t.availability).toBe('in_stock');
    expect(
      readTwitter(
        metas('<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Jane">'),
      ).price,
    ).toBeUndefined();
  });
});
