import { describe, expect, it } from 'vitest';
import { detectProduct } from '../../../core/detect';
import { readDom, validGtin } from '../../../core/detect/dom';
import { minorToDecimal } from '../../../core/money';
import { doc, page } from './helpers';

const URL = 'https://shop.example/item/123';
const dom = (body: string) => readDom(doc(page('', body)), { hostname: 'shop.example' }, null);
const price = (body: string) => {
  const p = detectProduct(doc(page('', body)), URL);
  return p?.price ? Number(minorToDecimal(p.price.minor, p.price.currency)) : null;
};
const BUY = '<button class="add-to-cart">Add to cart</button>';

describe('visible-DOM layer', () => {
  it('takes the price next to the title and the buy button', () => {
    const r = dom(
      `<header><span class="cart-total">$0.00</span></header><h1>Steel Kettle</h1><div class="price">$24.99</div>${BUY}`,
    );
    expect(r.fields.price).toEqual({ amount: '$24.99' });
    expect(r.fields.title).toBe('Steel Kettle');
    expect(r.buy).toBe(true);
    expect(r.fields.availability).toBe('in_stock');
    expect(price(`<h1>Steel Kettle</h1><div class="price">$24.99</div>${BUY}`)).toBe(24.99);
  });

  it('skips struck-through and "was" prices', () => {
    expect(price(`<h1>Kettle</h1><div class="price"><del>$40.00</del> <span>$29.00</span></div>${BUY}`)).toBe(
      29,
    );
    expect(
      price(
        `<h1>Kettle</h1><div class="price"><s>€ 40,00</s></div><span class="sale-price">€ 29,00</span>${BUY}`,
      ),
    ).toBe(29);
    expect(
      price(
        `<h1>Kettle</h1><span class="price price--compare">$40.00</span><span class="price">$31.00</span>${BUY}`,
      ),
    ).toBe(31);
    expect(
      price(
        `<h1>Kettle</h1><span style="text-decoration: line-through">$40.00</span><span class="price">$32.00</span>${BUY}`,
      ),
    ).toBe(32);
  });

  it('skips related products, instalments, shipping and unit prices', () => {
    const related = `<div class="related-products">${'<div class="tile"><span class="price">$5.00</span><button class="add-to-cart">Add to cart</button></div>'.repeat(6)}</div>`;
    expect(price(`<h1>Kettle</h1>${related}<div class="product-price">$45.00</div>${BUY}`)).toBe(45);
    expect(
      price(`<h1>Kettle</h1><div class="price">$9.99/mo</div><div class="price">$119.00</div>${BUY}`),
    ).toBe(119);
    expect(
      price(
        `<h1>Kettle</h1><div class="shipping">Shipping: $4.99</div><span class="price">$15.00</span>${BUY}`,
      ),
    ).toBe(15);
    expect(
      price(`<h1>Coffee</h1><span class="unit-price">€12.00/kg</span><span class="price">€6.00</span>${BUY}`),
    ).toBe(6);
  });

  it('reads prices split in pieces and superscript cents', () => {
    expect(
      price(`<h1>Whisky</h1><p class="product-new-price">173<sup>34</sup> <span>Lei</span></p>${BUY}`),
    ).toBe(173.34);
    expect(
      price(
        `<h1>Sink</h1><td>特價 <span style="font:bold 27px Verdana">2320</span><span>元</span></td>${BUY}`,
      ),
    ).toBe(2320);
  });

  it('needs a heading, a price near it and a buy control before calling a page a product', () => {
    expect(detectProduct(doc(page('', '<h1>Kettle</h1><div class="price">$24.99</div>')), URL)).toBeNull();
    expect(detectProduct(doc(page('', `<div class="price">$24.99</div>${BUY}`)), URL)).toBeNull();
    expect(detectProduct(doc(page('', `<h1>Kettle</h1>${BUY}`)), URL)).toBeNull();
  });

  it('rejects listing pages with many buy buttons and prices', () => {
    const tiles = Array.from(
      { length: 12 },
      (_, i) =>
        `<div class="product"><a href="/p/${i}">Item ${i}</a><span class="price">$${i + 10}.00</span><button class="add-to-cart">Add to cart</button></div>`,
    ).join('');
    expect(
      detectProduct(doc(page('', `<h1>Kettles</h1>${tiles}`)), 'https://shop.example/kettles'),
    ).toBeNull();
  });

  it('reads labelled codes, brand and GTIN near the product', () => {
    const r = dom(
      `<h1>Drum unit</h1><span class="price">63,07 Lei</span>${BUY}<span>Cod produs: DR2401</span><table><tr><td>Brand</td><td>TBR</td></tr></table><p>EAN: 8596201003541</p>`,
    );
    expect(r.fields).toMatchObject({ sku: 'DR2401', brand: 'TBR', gtin: '8596201003541' });
    expect(dom(`<h1>X</h1><p>EAN: 8596201003542</p>`).fields.gtin).toBeNull();
    expect(dom('<h1>X</h1><p>Brand new design: great</p>').fields.brand).toBeNull();
  });

  it('reads out-of-stock when there is no buy control', () => {
    expect(
      dom('<h1>Kettle</h1><span class="price">$24.99</span><p class="availability">Out of stock</p>').fields
        .availability,
    ).toBe('out_of_stock');
    expect(
      dom(
        `<h1>Kettle</h1><span class="price">$24.99</span><button class="add-to-cart" disabled>Add to cart</button>`,
      ).fields.availability,
    ).toBeNull();
  });
});

describe('validGtin', () => {
  it('checks the check digit', () => {
    expect(validGtin('4006381333931')).toBe(true);
    expect(validGtin('4006381333932')).toBe(false);
    expect(validGtin('099482467999')).toBe(true);
    expect(validGtin('12345')).toBe(false);
  });
});
