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

  it('a page without data is unrecognised (the site changed, or the page builds it), not an invented offer', () => {
    expect(parseOfferPage('<html><title>x</title></html>')).toMatchObject({
      state: 'unrecognised',
      call: 'offer-page',
    });
    expect(parseOfferData({ foo: 1 })).toEqual({
      state: 'unrecognised',
      call: 'offer-page',
      shape: '{foo:number}',
      reason: 'neither window.context nor __INIT_DATA data',
    });
    expect(
      parseOfferPage(
        '<script>window.context=(function(b,d){return d})(window.contextPath,{"result":{broken</script>',
      ),
    ).toMatchObject({
      state: 'unrecognised',
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

describe('current pages without skuInfoMap: finalPriceModel.tradeWithoutPromotion', () => {
  /** A current page's data as six public readers describe it when the SKU map is not in skuModel. */
  const current = (over: Record<string, unknown> = {}) => ({
    result: {
      data: {
        Root: {
          fields: {
            dataJson: {
              tempModel: { offerId: 943009939489, offerTitle: '狗狗雨衣', offerUnit: '件', saledCount: 392 },
              skuModel: { skuProps: [{ prop: '颜色', value: [{ name: '黑色' }, { name: '黄色' }] }] },
            },
          },
        },
        mainPrice: {
          fields: {
            finalPriceModel: {
              tradeWithoutPromotion: {
                offerBeginAmount: 2,
                offerMinPrice: '20.50',
                offerMaxPrice: '41.50',
                offerPriceRanges: [
                  { beginAmount: 2, price: '26.50' },
                  { beginAmount: 50, price: '20.50' },
                ],
                skuMapOriginal: [
                  {
                    skuId: 5846845077720,
                    specAttrs: '黑色&gt;XL（背长35cm）',
                    price: '20.50',
                    canBookCount: 491,
                  },
                  {
                    skuId: 5846845077736,
                    specAttrs: '黄色&gt;XL（背长35cm）',
                    price: '41.50',
                    canBookCount: 494,
                  },
                ],
              },
            },
          },
        },
        productTitle: { fields: { title: '狗狗雨衣', shopInfo: '{"companyName":"示例宠物用品厂"}' } },
        ...over,
      },
      global: { globalData: { model: { sellerModel: { loginId: 'fixture_pets' } } } },
    },
  });

  it('reads SKU prices, tiers, the minimum order and the range from it', () => {
    const r = parseOfferData(current());
    expect(r).toMatchObject({
      state: 'ok',
      generation: 'context',
      skusKnown: true,
      offer: {
        offerId: '943009939489',
        priceTiers: [
          { minQty: 2, priceMinor: 2650 },
          { minQty: 50, priceMinor: 2050 },
        ],
        moq: 2,
        priceMinMinor: 2050,
        priceMaxMinor: 4150,
        unit: '件',
        sales: 392,
        supplier: { name: '示例宠物用品厂', loginId: 'fixture_pets' },
      },
    });
    expect(r.state === 'ok' && r.skus).toEqual([
      {
        spec: '黑色>XL（背长35cm）',
        skuId: '5846845077720',
        specId: null,
        priceMinor: 2050,
        discountPriceMinor: null,
        stock: 491,
      },
      {
        spec: '黄色>XL（背长35cm）',
        skuId: '5846845077736',
        specId: null,
        priceMinor: 4150,
        discountPriceMinor: null,
        stock: 494,
      },
    ]);
  });

  it('skuInfoMap wins when it is there', () => {
    const withMap = current();
    (withMap.result.data.Root.fields.dataJson.skuModel as Record<string, unknown>).skuInfoMap = {
      '黑色&gt;M': { skuId: 1, price: '9.90', canBookCount: 3 },
    };
    const r = parseOfferData(withMap);
    expect(r.state === 'ok' && r.skus.map((s) => [s.spec, s.priceMinor])).toEqual([['黑色>M', 990]]);
  });

  it('fields that arrive as JSON text are parsed (shopInfo, pieceWeightScale, the price model itself)', () => {
    const page = current({
      mainPrice: {
        fields: {
          finalPriceModel: JSON.stringify({
            tradeWithoutPromotion: {
              offerBeginAmount: 3,
              skuMapOriginal: [{ skuId: 7, price: '5.00', canBookCount: 1 }],
            },
          }),
        },
      },
      productPackInfo: {
        fields: {
          pieceWeightScale: JSON.stringify({
            pieceWeightScaleInfo: [{ skuId: 7, sku1: '黑色', sku2: 'XL', weight: 103 }],
          }),
        },
      },
    });
    const r = parseOfferData(page);
    expect(r).toMatchObject({ state: 'ok', offer: { moq: 3, supplier: { name: '示例宠物用品厂' } } });
    // The SKU row has no specAttrs: its name comes from the piece-weight table by skuId.
    expect(r.state === 'ok' && r.skus).toEqual([
      { spec: '黑色>XL', skuId: '7', specId: null, priceMinor: 500, discountPriceMinor: null, stock: 1 },
    ]);
  });

  it('no SKU map anywhere is "variants not loaded", not "no variants"', () => {
    const bare = current({
      mainPrice: { fields: { priceModel: { currentPrices: [{ beginAmount: 1, price: '3' }] } } },
    });
    expect(parseOfferData(bare)).toMatchObject({ state: 'ok', skus: [], skusKnown: false });
    // An empty map is the page saying there are none.
    const empty = current();
    (empty.result.data.Root.fields.dataJson.skuModel as Record<string, unknown>).skuInfoMap = {};
    const none = parseOfferData(empty);
    expect(none).toMatchObject({ state: 'ok', skusKnown: true });
  });

  it('dropshipping from offerSign / offerModelSign.isOnePsale', () => {
    const signed = (key: string, value: unknown) => {
      const p = current();
      (p.result.data.Root.fields.dataJson as Record<string, unknown>)[key] = { isOnePsale: value };
      return parseOfferData(p);
    };
    expect(signed('offerSign', true)).toMatchObject({ offer: { dropship: true } });
    expect(signed('offerModelSign', 'true')).toMatchObject({ offer: { dropship: true } });
    expect(signed('offerSign', false)).toMatchObject({ offer: { dropship: false } });
    expect(parseOfferData(current())).toMatchObject({ offer: { dropship: null } });
  });

  it('sales are saledCount (1688 spelling), saleCount on older pages', () => {
    expect(parseOfferData(current())).toMatchObject({ offer: { sales: 392 } });
    expect(parseOfferPage(fixtureText('detail-context-833454967766.html'))).toMatchObject({
      offer: { sales: 3021 },
    });
  });
});

describe('pages whose data a script builds, or that renamed it', () => {
  it('are unrecognised with the page shape (names, never values)', () => {
    const scripted =
      '<html><head><title>x</title></head><body><script>(function(){var p=["{\\"result\\":",""];window.context=JSON.parse(p.join(""));})();</script></body></html>';
    const r = parseOfferPage(scripted, { url: 'https://detail.1688.com/offer/100000000006.html' });
    expect(r).toMatchObject({ state: 'unrecognised', call: 'offer-page' });
    if (r.state === 'unrecognised') {
      expect(r.shape).toMatch(/assigns:\[.*\bcontext\]/);
      expect(r.shape).not.toContain('result');
    }
    const renamed = fixtureText('detail-context-833454967766.html').replace(
      'window.context=',
      'window.offerContext=',
    );
    expect(parseOfferPage(renamed)).toMatchObject({ state: 'unrecognised' });
  });
});
