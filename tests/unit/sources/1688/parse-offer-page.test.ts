import { describe, expect, it } from 'vitest';
import {
  extractPageData,
  parseOfferData,
  parseOfferPage,
} from '../../../../core/sources/1688/parse-offer-page';
import { parseLooseJson, parseLooseLiteral } from '../../../../core/text/loose-json';
import { fixtureJson, fixtureText } from './fixtures';

describe('current pages: window.context', () => {
  const html = fixtureText('detail-context-833454967766.html');

  it('reads the IIFE argument although it is not strict JSON', () => {
    const m = /\(window\.contextPath,(\{[\s\S]*\})\);\s*<\/script>/.exec(html);
    expect(() => JSON.parse(m?.[1] ?? '')).toThrow();
    const data = extractPageData(html);
    expect(data?.kind).toBe('context');
  });

  it('gives tiers, MOQ, unit, dropship, SKUs and the seller (not the viewer)', () => {
    const r = parseOfferPage(html, { url: 'https://detail.1688.com/offer/833454967766.html' });
    expect(r.state).toBe('ok');
    if (r.state !== 'ok') return;
    expect(r.generation).toBe('context');
    expect(r.offer).toMatchObject({
      offerId: '833454967766',
      title: '硅胶折叠水杯 便携旅行漱口杯',
      url: 'https://detail.1688.com/offer/833454967766.html',
      priceTiers: [{ minQty: 100, priceMinor: 880 }],
      priceMinMinor: 880,
      priceMaxMinor: 880,
      moq: 100,
      unit: '个',
      dropship: true,
      sales: 3021,
      currency: 'CNY',
    });
    expect(r.offer.images).toEqual([
      'https://cbu01.alicdn.com/img/ibank/O1CN01fixtureB1_!!2200000000002-0-cib.jpg',
      'https://cbu01.alicdn.com/img/ibank/O1CN01fixtureB2_!!2200000000002-0-cib.jpg',
    ]);
    expect(r.offer.supplier).toMatchObject({
      name: '义乌示例日用品厂',
      loginId: 'fixture_daily_goods',
      memberId: 'b2b-2200000000002fixture',
    });
    expect(JSON.stringify(r)).not.toContain('viewer_account_must_not_leak');
    expect(r.skus).toEqual([
      {
        spec: '白色',
        skuId: '5012345678901',
        specId: 'fixturespec0001',
        priceMinor: 880,
        discountPriceMinor: null,
        stock: 20000,
      },
      {
        spec: '灰色',
        skuId: '5012345678902',
        specId: 'fixturespec0002',
        priceMinor: 880,
        discountPriceMinor: null,
        stock: 15000,
      },
    ]);
  });

  it('reads the same object handed over from the MAIN world', () => {
    const fromPage = parseOfferPage(html);
    const fromObject = parseOfferData(fixtureJson('detail-context.json'));
    expect(fromObject).toEqual(fromPage);
    // context.result alone and the component map alone are accepted too.
    const ctx = fixtureJson('detail-context.json') as { result: { data: unknown } };
    expect(parseOfferData(ctx.result)).toMatchObject({ state: 'ok' });
    expect(parseOfferData(ctx.result.data)).toMatchObject({ state: 'ok', offer: { moq: 100 } });
  });
});

describe('older pages: window.__INIT_DATA', () => {
  const html = fixtureText('detail-initdata-597090034012.html');

  it('gives real tiers and the SKU price range (cn_marketplace_price_fields.json, offer 597090034012)', () => {
    const r = parseOfferPage(html, { url: 'https://detail.1688.com/offer/597090034012.html' });
    expect(r.state).toBe('ok');
    if (r.state !== 'ok') return;
    expect(r.generation).toBe('init-data');
    expect(r.offer.priceTiers).toEqual([
      { minQty: 1, priceMinor: 230 },
      { minQty: 3, priceMinor: 2052 },
    ]);
    // "2.30-20.52" is the page's range; the struck-through 2.88-25.65 is not the price.
    expect([r.offer.priceMinMinor, r.offer.priceMaxMinor]).toEqual([230, 2052]);
    expect([r.offer.moq, r.offer.unit, r.offer.sales, r.offer.dropship]).toEqual([1, '套', 1520, null]);
    expect(r.skus).toHaveLength(10);
    expect(r.skus.find((s) => s.spec === '精华乳（新）120ml')).toMatchObject({
      priceMinor: 538,
      discountPriceMinor: 430,
    });
    expect(r.skus.find((s) => s.spec === '男士护肤五件套（新包装）')).toMatchObject({
      priceMinor: 2565,
      discountPriceMinor: 2052,
    });
    expect(r.offer.supplier).toMatchObject({
      name: '广州示例化妆品有限公司',
      loginId: 'fixture_cosmetics_factory',
    });
  });

  it('reads the data object too', () => {
    expect(parseOfferData(fixtureJson('detail-initdata.json'))).toEqual(parseOfferPage(html));
  });

  it('keeps the ">" between the parts of a two-dimension SKU and drops markup inside the parts', () => {
    const r = parseOfferData({
      globalData: {
        tempModel: { offerId: 833454967766, offerTitle: 't' },
        skuModel: {
          skuInfoMap: {
            '黑色&gt;M': { skuId: 1, price: '12.50', canBookCount: 100 },
            '<b>白色</b>&gt;XL': { skuId: 2, price: '13.00', canBookCount: 0 },
          },
        },
      },
    });
    expect(r.state === 'ok' && r.skus.map((s) => s.spec)).toEqual(['黑色>M', '白色>XL']);
  });

  it('uses a bare price range when there are no tiers (real value from offer 833454967766: "8.80")', () => {
    const data = {
      globalData: {
        tempModel: { offerId: 833454967766, offerTitle: 't' },
        skuModel: { skuPriceScale: '8.80' },
      },
    };
    const r = parseOfferData(data);
    expect(r).toMatchObject({
      state: 'ok',
      offer: { priceTiers: [], priceMinMinor: 880, priceMaxMinor: 880, moq: null },
    });
    const range = parseOfferData({
      globalData: {
        tempModel: { offerId: 597090034012, offerTitle: 't' },
        skuModel: { skuPriceScale: '2.30-20.52' },
      },
    });
    expect(range).toMatchObject({ state: 'ok', offer: { priceMinMinor: 230, priceMaxMinor: 2052 } });
  });
});

describe('delisted and broken pages', () => {
  it('page text or the wrongpage redirect give delisted', () => {
    expect(
      parseOfferPage(fixtureText('detail-delisted.html'), {
        url: 'https://detail.1688.com/offer/100000000001.html',
      }),
    ).toEqual({
      state: 'delisted',
      offerId: '100000000001',
    });
    expect(
      parseOfferPage('', { url: 'https://page.1688.com/shtml/static/wrongpage.html', offerId: '123456' }),
    ).toEqual({
      state: 'delisted',
      offerId: '123456',
    });
  });

  it('a page without data is an error, not an invented offer', () => {
    expect(parseOfferPage('<html><title>x</title></html>')).toMatchObject({ state: 'error' });
    expect(parseOfferData({ foo: 1 })).toMatchObject({ state: 'error' });
    expect(
      parseOfferPage(
        '<script>window.context=(function(b,d){return d})(window.contextPath,{"result":{broken</script>',
      ),
    ).toMatchObject({
      state: 'error',
    });
  });
});

describe('loose literal reader', () => {
  it('reads bare and numeric keys, single quotes, trailing commas, comments', () => {
    expect(
      parseLooseJson(
        "{98:'a', b: [1, 2,], /* c */ 'd': {e: true, f: undefined, g: null}, // x\n h: -1.5e2,}",
      ),
    ).toEqual({
      98: 'a',
      b: [1, 2],
      d: { e: true, f: undefined, g: null },
      h: -150,
    });
  });

  it('decodes escapes and stops at the end of the literal', () => {
    const literal = '{"a":"\\u5e3d\\n\\x41"}';
    const r = parseLooseLiteral(`xx${literal}); trailing`, 2);
    expect(r?.value).toEqual({ a: '帽\nA' });
    expect(r?.end).toBe(2 + literal.length);
  });

  it('never evaluates code and fails on anything else', () => {
    expect(parseLooseLiteral('{a: alert(1)}')).toBeNull();
    expect(parseLooseLiteral('{a: "unterminated}')).toBeNull();
    expect(parseLooseJson('{"__proto__": {"polluted": 1}}')).toEqual(
      JSON.parse('{"__proto__": {"polluted": 1}}'),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    expect(parseLooseLiteral(deep)).toBeNull();
  });
});
