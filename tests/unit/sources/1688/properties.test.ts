import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gbkPercentDecode, gbkPercentEncode } from '../../../../core/sources/1688/gbk';
import { parseAnyText, parseAnyValue } from '../../../../core/sources/1688/parse-any';
import { parseOfferData, parseOfferPage } from '../../../../core/sources/1688/parse-offer-page';
import { parseSearchAnswer } from '../../../../core/sources/1688/parse-search';
import { parseSuggestAnswer } from '../../../../core/sources/1688/parse-suggest';
import { classifyHttp, classifyRet } from '../../../../core/sources/1688/walls';
import type { WholesaleOffer } from '../../../../core/sources/types';
import {
  FUZZ_TIMEOUT_MS,
  hostileValue,
  numericIdText,
  FUZZ_RUNS as RUNS,
} from '../../../support/arbitraries';
import { expectWellFormedOffer, isSafeNonNeg } from '../../../support/offer-invariants';

/** Every invariant a normalised 1688 offer must keep, whatever the input was. */
function assertWellFormed(o: WholesaleOffer): void {
  expectWellFormedOffer(o);
  expect(o.source).toBe('1688');
  expect(o.url).toBe(`https://detail.1688.com/offer/${o.offerId}.html`);
  expect(o.currency).toBe('CNY');
  for (const u of o.images) expect(u.startsWith('https://')).toBe(true);
  let prev = 0;
  for (const t of o.priceTiers) {
    expect(t.minQty).toBeGreaterThan(prev);
    prev = t.minQty;
  }
  expect(o.supplier.shopUrl === null || o.supplier.shopUrl.startsWith('https://')).toBe(true);
}

/** A drift shape holds keys and value types only: no value's text can be in it. */
function expectValueFreeShape(shape: string): void {
  expect(shape).toMatch(/^[\w$.@\-{}:[\],×…? ]*$/);
  expect(shape.length).toBeLessThanOrEqual(4001);
}

/** Hostile values for documented fields, with texts 1688 writes there. */
const wild = hostileValue([
  '≥1台',
  '1-9件',
  '2.30-20.52',
  '¥8.80',
  '35%',
  '已售200+件',
  '全网1万+件',
  '//img.x/a.jpg,javascript:1',
]);

const itemData = fc.record(
  {
    offerId: fc.oneof(numericIdText, fc.integer(), fc.string()),
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

describe('parsers never throw and only return well-formed offers', { timeout: FUZZ_TIMEOUT_MS }, () => {
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
              fields: fc.record(
                {
                  priceModel: fc.record(
                    {
                      currentPrices: fc.array(fc.record({ beginAmount: wild, price: wild }), {
                        maxLength: 4,
                      }),
                      priceDisplay: wild,
                    },
                    { requiredKeys: [] },
                  ),
                  finalPriceModel: fc.oneof(
                    wild,
                    fc.record({
                      tradeWithoutPromotion: fc.record(
                        {
                          skuMapOriginal: fc.oneof(
                            wild,
                            fc.array(
                              fc.record(
                                { skuId: wild, specAttrs: wild, price: wild, canBookCount: wild },
                                { requiredKeys: [] },
                              ),
                              { maxLength: 4 },
                            ),
                          ),
                          offerPriceRanges: fc.oneof(
                            wild,
                            fc.array(fc.record({ beginAmount: wild, price: wild }), { maxLength: 4 }),
                          ),
                          offerBeginAmount: wild,
                          offerMinPrice: wild,
                          offerMaxPrice: wild,
                        },
                        { requiredKeys: [] },
                      ),
                    }),
                  ),
                },
                { requiredKeys: [] },
              ),
            }),
            productPackInfo: fc.record({ fields: fc.record({ pieceWeightScale: wild }) }),
            productTitle: fc.record({
              fields: fc.record({ title: wild, shopInfo: wild }, { requiredKeys: [] }),
            }),
            gallery: fc.record({
              fields: fc.record({ offerImgList: wild, offerId: wild }, { requiredKeys: [] }),
            }),
            Root: fc.record({
              fields: fc.record({
                dataJson: fc.record(
                  {
                    tempModel: fc.record(
                      { offerId: wild, offerUnit: wild, saleCount: wild, saledCount: wild },
                      { requiredKeys: [] },
                    ),
                    offerSign: fc.record({ isOnePsale: wild }),
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
        expect(['ok', 'error', 'delisted', 'unrecognised']).toContain(r.state);
        if (r.state === 'unrecognised') expectValueFreeShape(r.shape);
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
        expect(['ok', 'error', 'delisted', 'unrecognised', 'needs-verification']).toContain(r.state);
        if (r.state === 'ok') assertWellFormed(r.offer);
        if (r.state === 'needs-verification') expect(r.url.startsWith('https://')).toBe(true);
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

describe('1688 helpers keep their contracts on any input', { timeout: FUZZ_TIMEOUT_MS }, () => {
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
});
