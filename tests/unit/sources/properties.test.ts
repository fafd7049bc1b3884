import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gbkPercentDecode, gbkPercentEncode } from '../../../core/sources/1688/gbk';
import { parseAnyText, parseAnyValue } from '../../../core/sources/1688/parse-any';
import { parseOfferData, parseOfferPage } from '../../../core/sources/1688/parse-offer-page';
import { parseSearchAnswer } from '../../../core/sources/1688/parse-search';
import { parseSuggestAnswer } from '../../../core/sources/1688/parse-suggest';
import { classifyHttp, classifyRet } from '../../../core/sources/1688/walls';
import { parseLooseJson, parseLooseLiteral } from '../../../core/sources/loose-json';
import { buildQuery } from '../../../core/sources/query';
import type { WholesaleOffer } from '../../../core/sources/types';

const RUNS = { numRuns: 300 };

function isSafeNonNeg(n: unknown): boolean {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

/** Every invariant a normalised offer must keep, whatever the input was. */
function assertWellFormed(o: WholesaleOffer): void {
  expect(o.source).toBe('1688');
  expect(o.offerId).toMatch(/^\d{5,20}$/);
  expect(o.url).toBe(`https://detail.1688.com/offer/${o.offerId}.html`);
  expect(typeof o.title).toBe('string');
  expect(o.title).not.toMatch(/[<>]/);
  expect(o.currency).toBe('CNY');
  for (const u of o.images) {
    expect(u.startsWith('https://')).toBe(true);
    expect(new URL(u).protocol).toBe('https:');
  }
  let prev = 0;
  for (const t of o.priceTiers) {
    expect(Number.isSafeInteger(t.minQty) && t.minQty >= 1).toBe(true);
    expect(t.minQty).toBeGreaterThan(prev);
    prev = t.minQty;
    expect(isSafeNonNeg(t.priceMinor)).toBe(true);
  }
  for (const p of [o.priceMinMinor, o.priceMaxMinor]) expect(p === null || isSafeNonNeg(p)).toBe(true);
  if (o.priceMinMinor !== null && o.priceMaxMinor !== null)
    expect(o.priceMinMinor).toBeLessThanOrEqual(o.priceMaxMinor);
  expect(o.moq === null || (isSafeNonNeg(o.moq) && o.moq >= 1)).toBe(true);
  expect(o.sales === null || isSafeNonNeg(o.sales)).toBe(true);
  expect(o.dropship === null || typeof o.dropship === 'boolean').toBe(true);
  expect(typeof o.isAd).toBe('boolean');
  const s = o.supplier;
  expect(s.repurchaseRate === null || (s.repurchaseRate >= 0 && s.repurchaseRate <= 1)).toBe(true);
  expect(s.shopUrl === null || s.shopUrl.startsWith('https://')).toBe(true);
  expect(s.years === null || isSafeNonNeg(s.years)).toBe(true);
  expect(Array.isArray(s.badges)).toBe(true);
}

/** Hostile values for documented fields. */
const wild = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '≥1台',
    '1-9件',
    '2.30-20.52',
    '¥8.80',
    '35%',
    '已售200+件',
    '全网1万+件',
    '//img.x/a.jpg,javascript:1',
    '-1',
    '1e400',
    'NaN',
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.object({ maxDepth: 2 }),
);

const itemData = fc.record(
  {
    offerId: fc.oneof(fc.bigInt({ min: 10000n, max: 10n ** 15n }).map(String), fc.integer(), fc.string()),
    title: wild,
    priceInfo: fc.record({ price: wild }, { requiredKeys: [] }),
    offerPicUrl: wild,
    odPicUrl: wild,
    province: wild,
    city: wild,
    bookedCount: wild,
    afterPrice: fc.record({ text: wild }, { requiredKeys: [] }),
    offerRepurchaseRate: wild,
    isP4P: wild,
    isAd: wild,
    bizType: fc.oneof(wild, fc.constantFrom('生产加工', '经销批发')),
    superFactory: wild,
    factoryInspection: wild,
    shop: fc.record({ text: wild, tpYear: wild }, { requiredKeys: [] }),
    shopAddition: fc.record(
      {
        shopLinkUrl: wild,
        quantityPrices: fc.oneof(
          wild,
          fc.array(fc.record({ quantity: wild, value: wild }, { requiredKeys: [] }), { maxLength: 4 }),
        ),
      },
      { requiredKeys: [] },
    ),
    winPortUrl: wild,
    tags: fc.oneof(wild, fc.array(fc.record({ text: wild }), { maxLength: 3 })),
    offerMiddle: fc.oneof(wild, fc.array(fc.record({ text: wild }), { maxLength: 3 })),
  },
  { requiredKeys: [] },
);

describe('parsers never throw and only return well-formed offers', () => {
  it('search answers of any JSON', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        const r = parseSearchAnswer(v);
        for (const o of r.offers) assertWellFormed(o);
      }),
      RUNS,
    );
  });

  it('search answers with hostile documented fields', () => {
    fc.assert(
      fc.property(fc.array(itemData, { maxLength: 6 }), fc.boolean(), (items, old) => {
        const answer = old
          ? { data: { data: { offerList: items.map((d) => ({ ...d, id: d.offerId })) } } }
          : {
              ret: ['SUCCESS::调用成功'],
              data: { data: { OFFER: { items: items.map((data) => ({ data })), hasMore: true } } },
            };
        const r = parseSearchAnswer(answer);
        for (const o of r.offers) assertWellFormed(o);
        expect(new Set(r.offers.map((o) => o.offerId)).size).toBe(r.offers.length);
      }),
      RUNS,
    );
  });

  it('detail page data of any shape', () => {
    const ctxLike = fc.record({
      result: fc.record({
        data: fc.record(
          {
            mainPrice: fc.record({
              fields: fc.record({
                priceModel: fc.record(
                  {
                    currentPrices: fc.array(fc.record({ beginAmount: wild, price: wild }), { maxLength: 4 }),
                    priceDisplay: wild,
                  },
                  { requiredKeys: [] },
                ),
              }),
            }),
            productTitle: fc.record({ fields: fc.record({ title: wild }) }),
            gallery: fc.record({
              fields: fc.record({ offerImgList: wild, offerId: wild }, { requiredKeys: [] }),
            }),
            Root: fc.record({
              fields: fc.record({
                dataJson: fc.record(
                  {
                    tempModel: fc.record(
                      { offerId: wild, offerUnit: wild, saleCount: wild },
                      { requiredKeys: [] },
                    ),
                    skuModel: fc.record(
                      {
                        skuInfoMap: fc.dictionary(
                          fc.string(),
                          fc.record(
                            { price: wild, discountPrice: wild, canBookCount: wild },
                            { requiredKeys: [] },
                          ),
                        ),
                      },
                      { requiredKeys: [] },
                    ),
                  },
                  { requiredKeys: [] },
                ),
              }),
            }),
          },
          { requiredKeys: [] },
        ),
      }),
    });
    fc.assert(
      fc.property(fc.oneof(fc.anything(), ctxLike), fc.constantFrom(undefined, '833454967766'), (v, id) => {
        const r = parseOfferData(v, { offerId: id });
        expect(['ok', 'error', 'delisted']).toContain(r.state);
        if (r.state === 'ok') {
          assertWellFormed(r.offer);
          for (const s of r.skus) {
            expect(s.priceMinor === null || isSafeNonNeg(s.priceMinor)).toBe(true);
            expect(s.stock === null || isSafeNonNeg(s.stock)).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('detail page HTML of any text', () => {
    const prefix = fc.constantFrom(
      '',
      '<script>window.context=(function(b,d){return d})(window.contextPath,',
      '<script>window.__INIT_DATA=',
      '<title>验证码拦截</title>',
    );
    fc.assert(
      fc.property(prefix, fc.oneof(fc.string(), fc.json()), (p, body) => {
        const r = parseOfferPage(p + body, { url: 'https://detail.1688.com/offer/833454967766.html' });
        expect(['ok', 'error', 'delisted']).toContain(r.state);
        if (r.state === 'ok') assertWellFormed(r.offer);
      }),
      RUNS,
    );
  });

  it('suggestions, shape detection and wall classification', () => {
    fc.assert(
      fc.property(fc.anything(), fc.string(), fc.integer({ min: 100, max: 599 }), (v, text, status) => {
        for (const s of parseSuggestAnswer(v)) expect(typeof s).toBe('string');
        for (const o of parseAnyValue(v).offers) assertWellFormed(o);
        for (const o of parseAnyText(text).offers) assertWellFormed(o);
        classifyRet(v, v);
        const w = classifyHttp({ status, finalUrl: text, text });
        if (w && w.state !== 'throttled') expect(w.url.startsWith('https://')).toBe(true);
        if (w?.state === 'throttled') expect(w.retryAfterMs).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });
});

describe('helpers keep their contracts on any input', () => {
  it('loose reader agrees with JSON.parse on JSON and never throws otherwise', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = JSON.stringify(v);
        expect(parseLooseJson(text)).toEqual(JSON.parse(text));
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.string(), fc.nat(20), (s, at) => {
        parseLooseLiteral(s, at);
      }),
      RUNS,
    );
  });

  it('GBK encoding round-trips what GBK can spell', () => {
    const han = fc
      .array(fc.integer({ min: 0x4e00, max: 0x9fa5 }), { maxLength: 12 })
      .map((cs) => String.fromCharCode(...cs));
    fc.assert(
      fc.property(fc.oneof(han, fc.string()), (s) => {
        const enc = gbkPercentEncode(s);
        expect(enc).not.toBeNull();
        expect(enc).toMatch(/^[A-Za-z0-9%+*._-]*$/);
        const dec = gbkPercentDecode(enc as string);
        if (/^[\u4e00-\u9fa5]*$/.test(s)) expect(dec).toBe(s);
      }),
      RUNS,
    );
  });

  it('query building never throws', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const q = buildQuery(s);
        expect(typeof q.query).toBe('string');
        expect(['zh', 'other']).toContain(q.language);
      }),
      RUNS,
    );
  });
});
