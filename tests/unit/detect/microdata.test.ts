import { describe, expect, it } from 'vitest';
import { readMicrodata, readRdfa } from '../../../core/detect/microdata';
import { doc, page } from './helpers';

const URL = 'https://shop.example/p/1';

describe('microdata layer', () => {
  it('reads itemprops, content attributes first, nested offers and brand', () => {
    const html = page(
      '',
      `<div itemscope itemtype="https://schema.org/Product">
        <h1 itemprop="name">Executive <b>Anvil</b></h1>
        <img itemprop="image" src="/anvil.jpg">
        <span itemprop="sku" content="925872">Model 925872 (visible)</span>
        <meta itemprop="brand" itemscope itemtype="https://schema.org/Brand" content="ACME">
        <div itemprop="offers" itemscope itemtype="https://schema.org/Offer">
          Regular price: <s>$179.99</s>
          <span itemprop="price" content="119.99">$119.99</span>
          <meta itemprop="priceCurrency" content="USD">
          <link itemprop="availability" href="https://schema.org/InStock">
        </div>
      </div>`,
    );
    const r = readMicrodata(doc(html), URL, {});
    expect(r.product).toMatchObject({
      title: 'Executive Anvil',
      sku: '925872',
      brand: 'ACME',
      images: ['/anvil.jpg'],
      availability: 'in_stock',
      price: { amount: '119.99', currency: 'USD' },
    });
  });

  it('reads data-vocabulary.org products and visible price text', () => {
    const html = page(
      '',
      `<div itemscope itemtype="http://data-vocabulary.org/Product"><span itemprop="name">Lamp</span>
       <span itemprop="offerDetails" itemscope itemtype="http://data-vocabulary.org/Offer"><span itemprop="price">€ 20,50</span><meta itemprop="currency" content="EUR"></span></div>`,
    );
    expect(readMicrodata(doc(html), URL, {}).product?.price).toMatchObject({
      amount: '20.50',
      currency: 'EUR',
    });
  });

  it('reads a price and stock the product states itself, without an Offer', () => {
    const html = page(
      '',
      `<div itemscope itemtype="https://schema.org/Product">
        <h1 itemprop="name">Brass Desk Lamp</h1>
        <p>Was <s>£60.00</s> now <span itemprop="price" content="45.00">£45.00</span>
        <meta itemprop="priceCurrency" content="GBP"></p>
        <link itemprop="availability" href="https://schema.org/OutOfStock">
      </div>`,
    );
    expect(readMicrodata(doc(html), URL, {}).product).toMatchObject({
      title: 'Brass Desk Lamp',
      price: { amount: '45.00', currency: 'GBP' },
      availability: 'out_of_stock',
    });
    // Its Offer, when it has one, is what counts.
    const both = page(
      '',
      `<div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Lamp</span>
        <meta itemprop="price" content="99.00">
        <div itemprop="offers" itemscope itemtype="https://schema.org/Offer">
          <meta itemprop="price" content="45.00"><meta itemprop="priceCurrency" content="GBP"></div></div>`,
    );
    expect(readMicrodata(doc(both), URL, {}).product?.price).toMatchObject({ amount: '45.00' });
  });

  it('follows itemref', () => {
    const html = page(
      '',
      `<div itemscope itemtype="http://schema.org/Product" itemref="more"><span itemprop="name">Ref</span></div>
       <div id="more"><span itemprop="sku">R-1</span></div>`,
    );
    expect(readMicrodata(doc(html), URL, {}).product).toMatchObject({ title: 'Ref', sku: 'R-1' });
  });

  it('picks the product named in the page title over related products', () => {
    const html = `<html><head><title>Buy Blue Kettle | Shop</title></head><body>
      <div itemscope itemtype="http://schema.org/Product" itemprop="mainEntityOfPage"><span itemprop="name">Blue Kettle</span></div>
      <div itemscope itemtype="http://schema.org/Product"><span itemprop="name">Red Toaster</span></div>
      <div itemscope itemtype="http://schema.org/Product"><span itemprop="name">Green Mug</span></div></body></html>`;
    const d = doc(html);
    expect(readMicrodata(d, URL, {}, [d.title]).product?.title).toBe('Blue Kettle');
  });

  it('calls a page of unrelated products a listing', () => {
    const items = ['Red Toaster', 'Green Mug', 'Blue Kettle']
      .map((n) => `<li itemscope itemtype="http://schema.org/Product"><span itemprop="name">${n}</span></li>`)
      .join('');
    const r = readMicrodata(doc(page('', `<ul>${items}</ul>`)), URL, {}, ['Kitchen']);
    expect(r.product).toBeNull();
    expect(r.listing).toBe(true);
  });
});

describe('RDFa-lite layer', () => {
  it('reads typeof/property', () => {
    const html = page(
      '',
      `<div vocab="https://schema.org/" typeof="Product"><span property="name">Rdfa Widget</span>
        <div property="offers" typeof="Offer"><span property="price" content="5.00">5,00 €</span><meta property="priceCurrency" content="EUR"></div></div>`,
    );
    expect(readRdfa(doc(html), URL, {}).product).toMatchObject({
      title: 'Rdfa Widget',
      price: { amount: '5.00', currency: 'EUR' },
    });
  });
});
