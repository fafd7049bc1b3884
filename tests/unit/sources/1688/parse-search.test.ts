import { describe, expect, it } from 'vitest';
import { parseEnvelope } from '../../../../core/sources/1688/gateway';
import {
  imageList,
  parseOfferItem,
  parseQuantity,
  parseSearchAnswer,
  salesFromText,
} from '../../../../core/sources/1688/parse-search';
import { fixtureJson, fixtureText } from './fixtures';

describe('keyword search answer (data.data.OFFER.items[].data)', () => {
  const parsed = parseSearchAnswer(fixtureJson('search-keyword.json'));
  const byId = new Map(parsed.offers.map((o) => [o.offerId, o]));

  it('reads paging facts and skips items without an id and duplicates', () => {
    expect(parsed.shape).toBe('offer-items');
    expect(parsed.hasMore).toBe(true);
    expect(parsed.total).toBe(1234);
    expect(parsed.offers.map((o) => o.offerId)).toEqual([
      '597090034012',
      '833454967766',
      '538596687562',
      '10609596736',
    ]);
  });

  it('a factory offer with tiers, badges, sales and shipping promise', () => {
    const o = byId.get('597090034012');
    expect(o).toBeDefined();
    expect(o?.title).toBe('男士护肤五件套 洁面乳 爽肤水 精华乳 保湿霜 & 礼盒装');
    expect(o?.url).toBe('https://detail.1688.com/offer/597090034012.html');
    expect(o?.images).toEqual([
      'https://cbu01.alicdn.com/img/ibank/O1CN01fixtureA1_!!2200000000001-0-cib.jpg',
      'https://cbu01.alicdn.com/img/ibank/O1CN01fixtureA2_!!2200000000001-0-cib.jpg',
      'https://cbu01.alicdn.com/img/ibank/O1CN01fixtureA3_!!2200000000001-0-cib.jpg',
    ]);
    expect(o?.priceTiers).toEqual([
      { minQty: 1, priceMinor: 230 },
      { minQty: 3, priceMinor: 2052 },
    ]);
    expect([o?.priceMinMinor, o?.priceMaxMinor, o?.moq, o?.unit]).toEqual([230, 2052, 1, '套']);
    expect(o?.sales).toBe(356);
    expect(o?.dropship).toBe(true);
    expect(o?.isAd).toBe(false);
    expect(o?.shippingPromise).toBe('48小时发货');
    expect(o?.supplier).toMatchObject({
      name: '广州示例化妆品有限公司',
      loginId: 'fixture_cosmetics_factory',
      province: '广东',
      city: '广州',
      years: 6,
      isFactory: true,
      repurchaseRate: 0.35,
      shopUrl: 'https://fixture-cosmetics.1688.com/',
    });
    expect(o?.supplier.badges).toEqual(expect.arrayContaining(['深度验厂', '诚信通', '实力商家']));
  });

  it('a paid placement: isAd, canonical URL (never the long redirect), marketplace-wide sales ignored', () => {
    const o = byId.get('833454967766');
    expect(o?.isAd).toBe(true);
    expect(o?.url).toBe('https://detail.1688.com/offer/833454967766.html');
    expect(o?.sales).toBeNull();
    expect(o?.priceTiers).toEqual([{ minQty: 100, priceMinor: 880 }]);
    expect(o?.supplier.isFactory).toBe(true);
    expect(o?.supplier.badges).toContain('超级工厂');
    expect(o?.supplier.years).toBe(3);
  });

  it('a distributor: range tiers, ¥ prices, http upgraded, javascript: dropped', () => {
    const o = byId.get('538596687562');
    expect(o?.supplier.isFactory).toBe(false);
    expect(o?.priceTiers).toEqual([
      { minQty: 2, priceMinor: 5990 },
      { minQty: 50, priceMinor: 4990 },
    ]);
    expect([o?.priceMinMinor, o?.priceMaxMinor, o?.moq, o?.unit]).toEqual([4990, 5990, 2, '袋']);
    expect(o?.images).toEqual(['https://cbu01.alicdn.com/img/ibank/O1CN01fixtureC1.jpg']);
    expect(o?.sales).toBe(200);
    expect(o?.supplier.repurchaseRate).toBe(0.12);
  });

  it('absent facts stay null, never invented', () => {
    const o = byId.get('10609596736');
    expect(o).toMatchObject({
      priceTiers: [],
      priceMinMinor: null,
      priceMaxMinor: null,
      moq: null,
      unit: null,
      dropship: null,
      sales: null,
      shippingPromise: null,
      images: [],
    });
    expect(o?.supplier).toMatchObject({
      name: null,
      isFactory: null,
      years: null,
      repurchaseRate: null,
      badges: [],
    });
  });

  it('reads the JSONP answer the same way', () => {
    const env = parseEnvelope(fixtureText('search-keyword.jsonp.txt'));
    expect(parseSearchAnswer(env).offers).toEqual(parsed.offers);
  });
});

describe('image search answer', () => {
  it('has the same item shape', () => {
    const r = parseSearchAnswer(fixtureJson('search-image.json'));
    expect(r.offers.map((o) => o.offerId)).toEqual(['833454967766', '597090034012']);
    expect(r.hasMore).toBe(false);
    expect(r.offers[0]?.sales).toBe(120);
  });
});

describe('older offerList shape', () => {
  it('reads id, subject, company, tiers and quantityBegin', () => {
    const r = parseSearchAnswer(fixtureJson('search-offerlist-old.json'));
    expect(r.shape).toBe('offer-list');
    expect(r.total).toBe(2);
    const [a, b] = r.offers;
    expect(a).toMatchObject({
      offerId: '597090034012',
      title: '男士护肤五件套 洁面乳 爽肤水',
      url: 'https://detail.1688.com/offer/597090034012.html',
      images: ['https://cbu01.alicdn.com/img/ibank/O1CN01fixtureA1_!!2200000000001-0-cib.220x220.jpg'],
      priceTiers: [
        { minQty: 1, priceMinor: 230 },
        { minQty: 3, priceMinor: 2052 },
      ],
      moq: 1,
      unit: '套',
    });
    expect(a?.supplier).toMatchObject({
      name: '广州示例化妆品有限公司',
      province: '广东',
      years: 6,
      repurchaseRate: 0.35,
    });
    expect(b).toMatchObject({ priceTiers: [{ minQty: 100, priceMinor: 880 }], moq: 100, unit: '个' });
  });
});

describe('small readers', () => {
  it('quantities', () => {
    expect(parseQuantity('≥1台')).toEqual({ minQty: 1, unit: '台' });
    expect(parseQuantity('1-9件')).toEqual({ minQty: 1, unit: '件' });
    expect(parseQuantity('≥ 1,000 件')).toEqual({ minQty: 1000, unit: '件' });
    expect(parseQuantity('2件以上')).toEqual({ minQty: 2, unit: '件' });
    expect(parseQuantity('>=3')).toEqual({ minQty: 3, unit: null });
    expect(parseQuantity('≥0台')).toBeNull();
    expect(parseQuantity('abc')).toBeNull();
  });

  it('sales text', () => {
    expect(salesFromText('已售200+件')).toBe(200);
    expect(salesFromText('已售1.2万+件')).toBe(12000);
    expect(salesFromText('全网销量5000+件')).toBeNull();
    expect(salesFromText('48小时发货')).toBeNull();
  });

  it('image lists', () => {
    expect(imageList('//a.alicdn.com/1.jpg, http://b.alicdn.com/2.jpg,data:image/png;base64,AAAA')).toEqual([
      'https://a.alicdn.com/1.jpg',
      'https://b.alicdn.com/2.jpg',
    ]);
  });

  it('strips any markup from titles', () => {
    const o = parseOfferItem({
      data: { offerId: '123456', title: '<b>粗</b><font color="red">体</font><script>x</script>' },
    });
    expect(o?.title).toBe('粗体');
  });

  it('answers that are not search answers give nothing', () => {
    expect(parseSearchAnswer(null)).toMatchObject({ offers: [], shape: 'none' });
    expect(parseSearchAnswer(fixtureJson('ret-token-empty.json'))).toMatchObject({
      offers: [],
      shape: 'none',
    });
    expect(parseSearchAnswer(fixtureJson('ret-empty-offers.json'))).toMatchObject({
      offers: [],
      shape: 'offer-items',
    });
  });
});

describe('search items: second-look corrections', () => {
  const item = (data: Record<string, unknown>, outer: Record<string, unknown> = {}) =>
    parseOfferItem({
      ...outer,
      data: { offerId: '700000000123', title: 't', priceInfo: { price: '5' }, ...data },
    });

  it('turnHead.percent is the shop return-buyer rate, not the offer repurchase rate', () => {
    expect(item({ turnHead: { percent: '26%' } })?.supplier).toMatchObject({
      repurchaseRate: null,
      returnBuyerRate: 0.26,
    });
    expect(item({ offerRepurchaseRate: '6%', turnHead: { percent: '26%' } })?.supplier).toMatchObject({
      repurchaseRate: 0.06,
      returnBuyerRate: 0.26,
    });
    expect(item({})?.supplier.returnBuyerRate).toBeNull();
    expect(byIdOf('597090034012')?.supplier).toMatchObject({ repurchaseRate: 0.35, returnBuyerRate: 0.35 });
  });

  it('MOQ from afterPriceList[matKey=quantity_begin] before the first tier', () => {
    const tiers = { shopAddition: { quantityPrices: [{ quantity: '≥1件', value: '5' }] } };
    expect(
      item({
        ...tiers,
        afterPriceList: [
          { matKey: 'sold', text: '已售5件' },
          { matKey: 'quantity_begin', text: '3件起批' },
        ],
      }),
    ).toMatchObject({ moq: 3, unit: '件' });
    expect(item(tiers)).toMatchObject({ moq: 1 });
    expect(item({ afterPriceList: [{ matKey: 'quantity_begin', text: '≥10个' }] })).toMatchObject({
      moq: 10,
      unit: '个',
      priceTiers: [{ minQty: 10, priceMinor: 500 }],
    });
  });

  it('paid placements: isP4P "true", type "bid", block "P4P", a p4p cellType', () => {
    expect(item({ isP4P: 'true' })?.isAd).toBe(true);
    expect(item({ isP4P: 'false' })?.isAd).toBe(false);
    expect(item({ type: 'bid' })?.isAd).toBe(true);
    expect(item({}, { type: 'bid' })?.isAd).toBe(true);
    expect(item({}, { block: 'P4P' })?.isAd).toBe(true);
    expect(item({}, { cellType: 'offer_p4p_card' })?.isAd).toBe(true);
    expect(item({ type: 'offer' }, { block: 'normal' })?.isAd).toBe(false);
  });

  it('dropshipping marks: isOnePsale, offerSign, tagInfoList, the 一件代发 tag', () => {
    expect(item({ isOnePsale: true })?.dropship).toBe(true);
    expect(item({ isOnePsale: 'false' })?.dropship).toBe(false);
    expect(item({ offerSign: { isOnePsale: 'true' } })?.dropship).toBe(true);
    expect(item({ tagInfoList: [{ key: 'isOnePsale', value: true }] })?.dropship).toBe(true);
    expect(item({ tags: [{ text: '一件代发' }] })?.dropship).toBe(true);
    expect(item({})?.dropship).toBeNull();
  });

  it('a list whose items mostly lack an id, a title or a price says so (drift); an empty list does not', () => {
    const answer = (items: unknown[]) => parseSearchAnswer({ data: { OFFER: { items } } });
    expect(answer([]).missing).toBeNull();
    expect(answer([{ data: { itemId: '1' } }, { data: { itemId: '2' } }]).missing).toBe(
      'most items lack an offer id',
    );
    expect(
      answer([{ data: { offerId: '700000000001', subject2: 'a', priceInfo: { price: '1' } } }]).missing,
    ).toBe('most items lack a title');
    expect(
      answer([
        { data: { offerId: '700000000001', title: 'a', priceInfo: { amount: '1' } } },
        { data: { offerId: '700000000002', title: 'b', priceInfo: { amount: '1' } } },
      ]).missing,
    ).toBe('most items lack a price');
    expect(parseSearchAnswer(fixtureJson('search-keyword.json')).missing).toBeNull();
  });
});

function byIdOf(id: string) {
  return parseSearchAnswer(fixtureJson('search-keyword.json')).offers.find((o) => o.offerId === id);
}
