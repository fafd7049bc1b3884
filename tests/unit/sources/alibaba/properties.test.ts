import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMoq, parseOfferPrice, parseSold, parseYears } from '../../../../core/sources/alibaba/fields';
import { createAlibabaProvider } from '../../../../core/sources/alibaba/index';
import { parseUploadAnswer } from '../../../../core/sources/alibaba/parse-image';
import { parseDetailData, parseOfferPage } from '../../../../core/sources/alibaba/parse-offer-page';
import { parseSearchPage } from '../../../../core/sources/alibaba/parse-page';
import { parseSearchAnswer } from '../../../../core/sources/alibaba/parse-search';
import { parseSuggestAnswer } from '../../../../core/sources/alibaba/parse-suggest';
import { classifyAlibabaHttp, classifyAnswerBody } from '../../../../core/sources/alibaba/walls';
import type { ProviderContext } from '../../../../core/sources/provider';
import type { WholesaleOffer } from '../../../../core/sources/types';
import {
  FUZZ_TIMEOUT_MS,
  hostileValue,
  numericIdText,
  FUZZ_RUNS as RUNS,
} from '../../../support/arbitraries';
import { JPEG_B64 } from '../../../support/fixtures';
import { expectWellFormedOffer, isSafeNonNeg } from '../../../support/offer-invariants';

/** Every invariant a normalised Alibaba.com offer keeps, whatever the input was. */
function assertWellFormed(o: WholesaleOffer): void {
  expectWellFormedOffer(o);
  expect(o.source).toBe('alibaba');
  const url = new URL(o.url);
  expect(url.protocol).toBe('https:');
  expect(url.hostname).toMatch(/(^|\.)alibaba\.com$/);
  expect(url.pathname).toMatch(new RegExp(`^/product-detail/(?:[^/]*_)?${o.offerId}\\.html$`));
  expect(url.search).toBe('');
  expect(o.currency).toMatch(/^[A-Z]{3}$/);
  expect(o.priceTiers.length).toBeLessThanOrEqual(1);
  for (const t of o.priceTiers) {
    expect(t.minQty).toBe(o.moq);
    expect(t.priceMinor).toBe(o.priceMinMinor);
  }
  const s = o.supplier;
  expect(s.country === null || /^[A-Z]{2}$/.test(s.country ?? '')).toBe(true);
  expect(s.province).toBeNull();
  expect(s.isFactory === null || s.isFactory === true).toBe(true);
  expect(s.years === null || s.years <= 100).toBe(true);
}

/** A product page's offer: what every offer keeps, its tiers sorted and priced, its URL canonical. */
function assertDetailed(o: WholesaleOffer): void {
  expectWellFormedOffer(o);
  expect(o.url).toBe(`https://www.alibaba.com/product-detail/_${o.offerId}.html`);
  expect(o.currency).toMatch(/^[A-Z]{3}$/);
  const qty = o.priceTiers.map((t) => t.minQty);
  expect(qty).toEqual([...new Set(qty)].sort((a, b) => a - b));
  for (const t of o.priceTiers) {
    expect(o.priceMinMinor !== null && t.priceMinor >= o.priceMinMinor).toBe(true);
    expect(o.priceMaxMinor !== null && t.priceMinor <= o.priceMaxMinor).toBe(true);
  }
  expect(o.isAd).toBe(false);
}

/** Hostile values for documented fields, with texts Alibaba.com writes there. */
const wild = hostileValue([
  'US$1.20-2.50',
  '$3.50',
  'US $0.80',
  '₫709,161-722,094',
  'Min. order: 100 pieces',
  '1,234 sold',
  '7 yrs',
  '//www.alibaba.com/product-detail/x_1600900000001.html?spm=1',
  'javascript:alert(1)',
  '//s.alicdn.com/a.jpg',
  '<strong>x</strong>',
]);

const offerLike = fc.record(
  {
    id: fc.oneof(wild, numericIdText),
    productId: fc.oneof(wild, numericIdText.map(Number)),
    title: wild,
    productUrl: wild,
    price: wild,
    promotionPrice: wild,
    moq: wild,
    moqV2: wild,
    companyName: wild,
    companyId: wild,
    countryCode: wild,
    soldOrder: wild,
    multiImage: wild,
    mainImage: wild,
    isP4p: wild,
    goldSupplierYears: wild,
    tradeProduct: wild,
    supplierHref: wild,
    verifiedSupplier: wild,
    isVerifiedManufacturer: wild,
    // The older field names.
    detailUrl: wild,
    minOrderQuality: wild,
    minOrderUnit: wild,
    minOrderDesc: wild,
    goldYears: wild,
    originalMinPrice: wild,
    priceV2: wild,
    enPureTitle: wild,
  },
  { requiredKeys: [] },
);

/** A product page's data with hostile values where public clients read them. */
const detailLike = fc.record(
  {
    productId: fc.oneof(wild, numericIdText),
    subject: wild,
    moq: wild,
    mediaItems: fc.oneof(
      wild,
      fc.array(fc.record({ type: wild, imageUrl: fc.oneof(wild, fc.record({ big: wild })) })),
    ),
    price: fc.oneof(
      wild,
      fc.record(
        {
          productLadderPrices: fc.oneof(
            wild,
            fc.array(fc.record({ min: wild, max: wild, price: wild, dollarPrice: wild, formatPrice: wild }), {
              maxLength: 4,
            }),
          ),
          productRangePrices: fc.oneof(wild, fc.record({ dollarPriceRangeLow: wild, priceRangeHigh: wild })),
          unitEven: wild,
          currencyRule: fc.oneof(wild, fc.record({ currencyPattern: wild })),
        },
        { requiredKeys: [] },
      ),
    ),
    sku: fc.oneof(
      wild,
      fc.record({
        skuInfoMap: fc.dictionary(fc.string(), fc.record({ id: wild, price: wild, dollarPrice: wild })),
      }),
    ),
  },
  { requiredKeys: [] },
);

describe('Alibaba.com parsers never throw and only return well-formed offers', {
  timeout: FUZZ_TIMEOUT_MS,
}, () => {
  it('search answers of any JSON', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        const r = parseSearchAnswer(v);
        for (const o of r.offers) assertWellFormed(o);
        expect(parseUploadAnswer(v).state).toMatch(/^(ok|failed|unrecognised)$/);
      }),
      RUNS,
    );
  });

  it('offer lists with hostile documented fields, in every known shape', () => {
    fc.assert(
      fc.property(fc.array(offerLike, { maxLength: 6 }), fc.integer({ min: 0, max: 4 }), (offers, shape) => {
        const answer = [
          { model: { offers } },
          { model: { offerResultData: { offers } } },
          { data: { offers } },
          { offerResultData: { offers, totalCount: offers.length } },
          { offers },
        ][shape];
        const r = parseSearchAnswer(answer);
        expect(r.rawCount).toBe(offers.length);
        for (const o of r.offers) assertWellFormed(o);
        expect(new Set(r.offers.map((o) => o.offerId)).size).toBe(r.offers.length);
      }),
      RUNS,
    );
  });

  it('pages of any text, and pages whose script holds hostile offers', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(offerLike, { maxLength: 4 }), (junk, offers) => {
        for (const o of parseSearchPage(junk).offers) assertWellFormed(o);
        const html = `<html>${junk}<script>window.__page__data_sse10._offer_list = ${JSON.stringify({
          offerResultData: { offers },
        })};</script>${junk}</html>`;
        const r = parseSearchPage(html);
        expect(r.found).toBe(true);
        for (const o of r.offers) assertWellFormed(o);
        // A cut-off page never throws either.
        parseSearchPage(html.slice(0, Math.floor(html.length / 2)));
      }),
      RUNS,
    );
  });

  it('product pages of any data: an offer that is well formed, a removed product, or unrecognised', () => {
    fc.assert(
      fc.property(detailLike, wild, fc.anything(), (product, seller, junk) => {
        for (const data of [{ globalData: { product, seller, trade: junk } }, junk]) {
          const r = parseDetailData(data);
          expect(['ok', 'delisted', 'unrecognised']).toContain(r.state);
          if (r.state === 'ok') {
            assertDetailed(r.offer);
            for (const sku of r.skus)
              expect(sku.priceMinor === null || isSafeNonNeg(sku.priceMinor)).toBe(true);
          }
        }
        const html = `<title>x</title><script>window.detailData = ${JSON.stringify({ globalData: { product } })};</script>`;
        expect(['ok', 'delisted', 'unrecognised']).toContain(parseOfferPage(html).state);
        parseOfferPage(html.slice(0, Math.floor(html.length / 2)));
      }),
      RUNS,
    );
  });

  it('suggestion answers of any JSON', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        const r = parseSuggestAnswer(v);
        if (r.state === 'ok') {
          expect(r.suggestions.length).toBeLessThanOrEqual(10);
          for (const w of r.suggestions) expect(w).not.toMatch(/[<>]/);
        }
      }),
      RUNS,
    );
  });

  it('field readers take anything', () => {
    fc.assert(
      fc.property(wild, (v) => {
        const p = parseOfferPrice(v);
        if (p) expect(p.minMinor).toBeLessThanOrEqual(p.maxMinor);
        const m = parseMoq(v);
        if (m) expect(m.moq).toBeGreaterThanOrEqual(1);
        const s = parseSold(v);
        expect(s === null || isSafeNonNeg(s)).toBe(true);
        const y = parseYears(v);
        expect(y === null || (y >= 0 && y <= 100)).toBe(true);
      }),
      RUNS,
    );
  });

  it('wall checks take any answer', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.integer({ min: 0, max: 599 }), (text, url, status) => {
        const w = classifyAlibabaHttp({ status, finalUrl: url, text });
        if (w && w.state !== 'throttled') expect(w.url.startsWith('https://')).toBe(true);
        const b = classifyAnswerBody(text);
        if (b && b.state !== 'throttled') expect(b.url.startsWith('https://')).toBe(true);
      }),
      RUNS,
    );
  });

  it('the provider turns any answer into a typed state, never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.anything().map((v) => JSON.stringify(v) ?? ''),
        ),
        fc.integer({ min: 100, max: 599 }),
        fc.string(),
        async (text, status, finalUrl) => {
          const ctx: ProviderContext = {
            transport: { request: async () => ({ status, finalUrl, text }) },
            tokens: { getToken: async () => null },
          };
          const p = createAlibabaProvider();
          const states = ['ok', 'error', 'needs-verification', 'needs-login', 'throttled', 'unrecognised'];
          for (const r of [
            await p.searchByKeywords('lamp', {}, ctx),
            await p.searchByImage(JPEG_B64, {}, ctx),
          ]) {
            expect(states).toContain(r.state);
            if (r.state === 'ok') for (const o of r.offers) assertWellFormed(o);
          }
          const page = await p.readOffer('1600900000001', ctx);
          expect([...states, 'delisted']).toContain(page.state);
          if (page.state === 'ok') expectWellFormedOffer(page.offer);
          expect(states).toContain((await p.suggest('lamp', ctx)).state);
        },
      ),
      RUNS,
    );
  });
});
