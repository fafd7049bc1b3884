import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { createAlibabaProvider } from '../../../../core/sources/alibaba/index';
import { extractDetailData, parseOfferPage } from '../../../../core/sources/alibaba/parse-offer-page';
import { sourceById } from '../../../../core/sources/index';
import { WholesaleOfferSchema } from '../../../../core/sources/offer-schema';
import type { ProviderContext } from '../../../../core/sources/provider';
import { answering } from '../../../support/fake-transport';
import { alibabaText } from './fixtures';

const PRODUCT = 'https://www.alibaba.com/product-detail/_1600900000201.html';

describe('product pages (window.detailData)', () => {
  it('a quantity ladder in the visitor’s currency is read in its dollar prices; every fact of the page', () => {
    const r = parseOfferPage(alibabaText('product-ladder.html'), {
      url: 'https://www.alibaba.com/product-detail/Insulated-Bottle_1600900000201.html?spm=a2700.x',
    });
    if (r.state !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(r)}`);
    expect(r.shape).toBe('detailData');
    expect(r.offer).toEqual({
      source: 'alibaba',
      offerId: '1600900000201',
      title: 'Fixture Insulated Bottle 500ml {double wall}',
      url: 'https://www.alibaba.com/product-detail/Insulated-Bottle_1600900000201.html',
      images: [
        'https://s.alicdn.com/@sc04/kf/Hfixture0201a.jpg',
        'https://s.alicdn.com/@sc04/kf/Hfixture0201b.jpg',
      ],
      currency: 'USD',
      priceTiers: [
        { minQty: 50, priceMinor: 300 },
        { minQty: 500, priceMinor: 250 },
        { minQty: 2000, priceMinor: 200 },
      ],
      priceMinMinor: 200,
      priceMaxMinor: 300,
      moq: 50,
      unit: 'pieces',
      dropship: null,
      sales: 3555,
      isAd: false,
      shippingPromise: null,
      supplier: {
        name: 'Fixture Drinkware Manufacturing Co., Ltd.',
        loginId: null,
        memberId: '250000201',
        province: null,
        city: null,
        country: 'CN',
        years: 11,
        isFactory: true,
        badges: ['Trade Assurance', 'Verified'],
        repurchaseRate: null,
        returnBuyerRate: null,
        shopUrl: 'https://fixturedrinkware.en.alibaba.com/company_profile.html',
      },
    });
    expect(v.safeParse(WholesaleOfferSchema, r.offer).success).toBe(true);
    // Ladder-priced variants share the ladder: no price of their own; stock added over warehouses (-1: made to order).
    expect(r.skusKnown).toBe(true);
    expect(r.skus).toEqual([
      {
        spec: 'Black>500ml',
        skuId: '105550001',
        specId: '3216:1001;5:2001',
        priceMinor: null,
        discountPriceMinor: null,
        stock: 320,
      },
      {
        spec: 'Sky Blue>500ml',
        skuId: '105550002',
        specId: '3216:1002;5:2001',
        priceMinor: null,
        discountPriceMinor: null,
        stock: null,
      },
    ]);
  });

  it('priced per variant: the range and each SKU in dollars; no shop link off alibaba.com', () => {
    const r = parseOfferPage(alibabaText('product-sku-priced.html'));
    if (r.state !== 'ok') throw new Error('expected ok');
    expect(r.offer).toMatchObject({
      offerId: '1600900000202',
      url: 'https://www.alibaba.com/product-detail/_1600900000202.html',
      currency: 'USD',
      priceTiers: [],
      priceMinMinor: 500,
      priceMaxMinor: 600,
      moq: 2,
      unit: 'piece',
      sales: 12,
      supplier: { country: 'BD', years: 2, isFactory: null, badges: [], shopUrl: null },
    });
    // The promotion price is in the visitor's currency only: not mixed with dollars.
    expect(r.skus.map((s) => [s.spec, s.priceMinor, s.discountPriceMinor, s.stock])).toEqual([
      ['M', 500, null, 40],
      ['XL', 600, null, null],
    ]);
  });

  it('without dollar prices, the currency the page’s price pattern names; no sku object is "not loaded"', () => {
    const r = parseOfferPage(alibabaText('product-visitor-currency.html'));
    if (r.state !== 'ok') throw new Error('expected ok');
    expect(r.offer).toMatchObject({
      currency: 'INR',
      priceTiers: [
        { minQty: 10, priceMinor: 297680 },
        { minQty: 100, priceMinor: 250000 },
      ],
      moq: 10,
    });
    expect(r.skusKnown).toBe(false);
    expect(r.skus).toEqual([]);
  });

  it('the "Product Not Available" page is a removed product', () => {
    expect(parseOfferPage(alibabaText('product-not-available.html'))).toEqual({
      state: 'delisted',
      offerId: null,
    });
    expect(parseOfferPage('<title>Product Not Available</title><p>gone</p>')).toEqual({
      state: 'delisted',
      offerId: null,
    });
  });

  it('finds the assignment past mentions of the name, and not a renamed object', () => {
    expect(extractDetailData(alibabaText('product-ladder.html'))).toHaveProperty('globalData');
    expect(extractDetailData('<script>window.detailDataV2 = {"globalData":{}};</script>')).toBeUndefined();
    expect(
      extractDetailData('<script>window.detailData = {"globalData": {"a": [1, 2</script>'),
    ).toBeUndefined();
  });

  it('well-formed pages this parser does not know are unrecognised, with the reason', () => {
    expect(
      parseOfferPage('<html><title>Fixture</title><script>window.__DETAIL_DATA__ = {};</script></html>'),
    ).toEqual({
      state: 'unrecognised',
      reason: 'no window.detailData',
      data: undefined,
    });
    const renamed = '<script>window.detailData = {"globalData":{"item":{"id":1}}};</script>';
    expect(parseOfferPage(renamed)).toMatchObject({ state: 'unrecognised', reason: 'no globalData.product' });
    const noId =
      '<script>window.detailData = {"globalData":{"product":{"itemId":1600900000299,"subject":"x"}}};</script>';
    expect(parseOfferPage(noId)).toMatchObject({
      state: 'unrecognised',
      reason: 'product without productId',
    });
    const noTitle =
      '<script>window.detailData = {"globalData":{"product":{"productId":1600900000299,"price":{}}}};</script>';
    expect(parseOfferPage(noTitle)).toMatchObject({
      state: 'unrecognised',
      reason: 'product without subject',
    });
  });
});

describe('readOffer on Alibaba.com', () => {
  it('GETs the product page by id (no slug) and answers the offer with its variants', async () => {
    const { sent, ctx } = answering({ text: alibabaText('product-ladder.html') });
    const r = await createAlibabaProvider().readOffer('1600900000201', ctx);
    expect(sent).toEqual([{ method: 'GET', url: PRODUCT, query: {}, expect: 'page', step: 'offer-page' }]);
    expect(r).toMatchObject({
      state: 'ok',
      generation: 'context',
      skusKnown: true,
      offer: { offerId: '1600900000201', url: PRODUCT, currency: 'USD', moq: 50 },
    });
    // The definition's offer page is the same URL: what the background's page transport loads.
    expect(sourceById('alibaba')?.pages.offer('1600900000201')).toBe(PRODUCT);
    expect(sourceById('alibaba')?.pages.offer('abc')).toBeNull();
  });

  it('takes {offerId}, a page handed over by a tab, or the data object read in the page', async () => {
    const { ctx } = answering({ text: alibabaText('product-sku-priced.html') });
    const p = createAlibabaProvider();
    expect(await p.readOffer({ offerId: '1600900000202' }, ctx)).toMatchObject({ state: 'ok' });
    expect(await p.readOffer({ html: alibabaText('product-ladder.html'), url: PRODUCT }, ctx)).toMatchObject({
      state: 'ok',
      offer: { offerId: '1600900000201' },
    });
    const data = extractDetailData(alibabaText('product-ladder.html'));
    expect(await p.readOffer({ data, offerId: '1600900000201' }, ctx)).toMatchObject({
      state: 'ok',
      offer: { offerId: '1600900000201' },
    });
    expect(await p.readOffer({ data: { nothing: true } }, ctx)).toEqual({
      state: 'unrecognised',
      call: 'offer-page',
      shape: '{nothing:boolean}',
      reason: 'no globalData.product',
    });
  });

  it('removed: 404, 410, the error host, and the "Product Not Available" page', async () => {
    for (const answer of [
      { status: 404, text: 'not found' },
      { status: 410, text: '' },
      { finalUrl: 'https://error.alibaba.com/404.htm', text: '<html></html>' },
      { text: alibabaText('product-not-available.html') },
    ]) {
      const { ctx } = answering(answer);
      expect(await createAlibabaProvider().readOffer('1600900000207', ctx)).toEqual({
        state: 'delisted',
        offerId: '1600900000207',
      });
    }
  });

  it('walls on the product page: a check, a deny, a login', async () => {
    const punish =
      'https://www.alibaba.com/product-detail/_1600900000201.html/_____tmd_____/punish?x5secdata=x';
    expect(
      await createAlibabaProvider().readOffer('1600900000201', answering({ finalUrl: punish }).ctx),
    ).toEqual({
      state: 'needs-verification',
      url: punish,
      reason: 'url',
    });
    expect(
      await createAlibabaProvider().readOffer(
        '1600900000201',
        answering({ text: alibabaText('wall-punish.html') }).ctx,
      ),
    ).toMatchObject({ state: 'needs-verification', reason: 'title' });
    expect(
      await createAlibabaProvider().readOffer(
        '1600900000201',
        answering({ text: '<html><head><title>Access denied</title></head></html>' }).ctx,
      ),
    ).toMatchObject({ state: 'needs-verification', reason: 'deny' });
    const login = 'https://login.alibaba.com/newlogin/icbuLogin.htm?return_url=x';
    expect(
      await createAlibabaProvider().readOffer('1600900000201', answering({ finalUrl: login }).ctx),
    ).toEqual({
      state: 'needs-login',
      url: login,
    });
    // A page handed over by a tab is checked for walls too.
    expect(
      await createAlibabaProvider().readOffer(
        { html: alibabaText('wall-punish.html'), url: PRODUCT },
        answering({}).ctx,
      ),
    ).toMatchObject({ state: 'needs-verification' });
  });

  it('a page without detailData is unrecognised with the page’s shape; bad ids and HTTP errors are errors', async () => {
    const { ctx } = answering({ text: '<html><script>window.__DETAIL_DATA__ = {};</script></html>' });
    expect(await createAlibabaProvider().readOffer('1600900000201', ctx)).toEqual({
      state: 'unrecognised',
      call: 'offer-page',
      shape: 'html{length:<10k,scripts:1,assigns:[__DETAIL_DATA__]}',
      reason: 'no window.detailData',
    });
    const none = answering({});
    expect(await createAlibabaProvider().readOffer('12', none.ctx)).toEqual({
      state: 'error',
      kind: 'input',
      message: 'not an Alibaba.com product id',
    });
    expect(none.sent).toHaveLength(0);
    expect(await createAlibabaProvider().readOffer('1600900000201', answering({ status: 500 }).ctx)).toEqual({
      state: 'error',
      kind: 'http',
      message: 'product page: HTTP 500',
    });
  });

  it('a deadline that fired is a timeout, a cancellation is aborted', async () => {
    const failing = (signal: AbortSignal): ProviderContext => ({
      transport: { request: () => Promise.reject(new Error('gone')) },
      tokens: { getToken: async () => null },
      signal,
    });
    const timedOut = AbortSignal.abort(new DOMException('late', 'TimeoutError'));
    expect(await createAlibabaProvider().readOffer('1600900000201', failing(timedOut))).toMatchObject({
      state: 'error',
      kind: 'timeout',
    });
    const c = new AbortController();
    c.abort();
    expect(await createAlibabaProvider().suggest('lamp', failing(c.signal))).toMatchObject({
      state: 'error',
      kind: 'aborted',
    });
  });
});
