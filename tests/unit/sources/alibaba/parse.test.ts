import { describe, expect, it } from 'vitest';
import {
  countryCode,
  parseMoq,
  parseOfferPrice,
  parseSold,
  parseYears,
} from '../../../../core/sources/alibaba/fields';
import { parseUploadAnswer } from '../../../../core/sources/alibaba/parse-image';
import { extractOfferList, parseSearchPage } from '../../../../core/sources/alibaba/parse-page';
import { parseAlibabaOffer, parseSearchAnswer } from '../../../../core/sources/alibaba/parse-search';
import {
  loginUrl,
  productIdFromUrl,
  productUrl,
  searchPageUrl,
  verifyUrl,
} from '../../../../core/sources/alibaba/urls';
import type { WholesaleOffer } from '../../../../core/sources/types';
import { parseLooseJson } from '../../../../core/text/loose-json';
import { offer } from '../../../support/builders';
import { alibabaJson, alibabaText } from './fixtures';

describe('the keyword result page fixture', () => {
  const parsed = parseSearchPage(alibabaText('search-keyword.html'));
  const byId = new Map(parsed.offers.map((o) => [o.offerId, o]));

  it('finds the _offer_list past braces and a raw </script> inside a title', () => {
    expect(parsed.found).toBe(true);
    expect(parsed.shape).toBe('offerResultData');
    expect(parsed.total).toBe(1234);
    expect(parsed.rawCount).toBe(7);
    // The entry without an id and the duplicate are dropped; order kept.
    expect(parsed.offers.map((o) => o.offerId)).toEqual([
      '1600900000001',
      '1600900000002',
      '1600900000003',
      '1600900000004',
      '1600900000005',
    ]);
    expect(byId.get('1600900000002')?.title).toBe('Fixture Smart Bulb {RGB} with braces } in its text');
  });

  it('reads every field of a full offer exactly', () => {
    const expected: WholesaleOffer = {
      source: 'alibaba',
      offerId: '1600900000001',
      title: 'Fixture LED Desk Lamp & USB Charger',
      url: 'https://www.alibaba.com/product-detail/Fixture-LED-Desk-Lamp_1600900000001.html',
      images: [
        'https://s.alicdn.com/@sc04/kf/Hfixture0001a.jpg',
        'https://s.alicdn.com/@sc04/kf/Hfixture0001b.jpg',
      ],
      currency: 'USD',
      priceTiers: [{ minQty: 100, priceMinor: 120 }],
      priceMinMinor: 120,
      priceMaxMinor: 250,
      moq: 100,
      unit: 'pieces',
      dropship: null,
      sales: 1234,
      isAd: false,
      shippingPromise: null,
      supplier: {
        name: 'Fixture Lighting Technology Co., Ltd.',
        loginId: null,
        memberId: '250000001',
        province: null,
        city: null,
        country: 'CN',
        years: 7,
        isFactory: true,
        badges: ['Trade Assurance', 'Verified'],
        repurchaseRate: null,
        returnBuyerRate: null,
        shopUrl: 'https://fixturelighting.en.alibaba.com/company_profile.html',
      },
    };
    expect(byId.get('1600900000001')).toEqual(expected);
  });

  it('a paid single-price offer: productId, "$3.50", sets, a sold number, lower-case country', () => {
    expect(byId.get('1600900000002')).toMatchObject({
      url: 'https://www.alibaba.com/product-detail/Fixture-Smart-Bulb_1600900000002.html',
      images: ['https://s.alicdn.com/@sc04/kf/Hfixture0002.jpg'],
      currency: 'USD',
      priceTiers: [{ minQty: 2, priceMinor: 350 }],
      priceMinMinor: 350,
      priceMaxMinor: 350,
      moq: 2,
      unit: 'sets',
      sales: 56,
      isAd: true,
      supplier: {
        name: 'Fixture Trading Ltd.',
        country: 'US',
        years: 3,
        // isVerifiedManufacturer: false says nothing about being a trader.
        isFactory: null,
        badges: ['Verified'],
        shopUrl: null,
      },
    });
  });

  it('absent fields are null (or empty), never invented', () => {
    // The builder's offer is the one that knows nothing beyond what is given: every other fact null or empty.
    // Without a price there is no currency either: "XXX", ISO 4217's "no currency".
    expect(byId.get('1600900000003')).toEqual(
      offer({
        source: 'alibaba',
        offerId: '1600900000003',
        title: 'Fixture Bare Offer',
        url: 'https://www.alibaba.com/product-detail/Fixture-Bare-Offer_1600900000003.html',
        currency: 'XXX',
      }),
    );
  });

  it('drops javascript:/data: URLs and a foreign shop link; money is not a sales count', () => {
    const o = byId.get('1600900000004');
    expect(o?.url).toBe('https://www.alibaba.com/product-detail/_1600900000004.html');
    expect(o?.images).toEqual(['https://s.alicdn.com/@sc04/kf/Hfixture0004.jpg']);
    expect(o).toMatchObject({ priceMinMinor: 80, priceMaxMinor: 80, moq: 1, unit: 'piece', sales: null });
    expect(o?.supplier).toMatchObject({ years: 10, badges: [], shopUrl: null });
  });

  it('takes the currency from the price string (VND has no minor unit)', () => {
    expect(byId.get('1600900000005')).toMatchObject({
      currency: 'VND',
      priceTiers: [{ minQty: 500, priceMinor: 709161 }],
      priceMinMinor: 709161,
      priceMaxMinor: 722094,
      sales: 1200,
      supplier: { isFactory: true, badges: ['Verified'] },
    });
  });

  it('an empty result page is found, with no offers', () => {
    const empty = parseSearchPage(alibabaText('search-empty.html'));
    expect(empty).toMatchObject({ found: true, offers: [], rawCount: 0, total: 0 });
  });

  it('a page without the assignment, or with a broken one, is not found', () => {
    expect(parseSearchPage('<html><body>nothing</body></html>')).toMatchObject({ found: false, offers: [] });
    expect(parseSearchPage(alibabaText('wall-punish.html')).found).toBe(false);
    expect(extractOfferList('<script>window.__page__data_sse10._offer_list = {"a": [1, 2</script>')).toBe(
      undefined,
    );
  });

  it('an empty placeholder before the real assignment does not hide it', () => {
    const html =
      '<script>window.__page__data_sse10._offer_list = {};</script>' +
      '<script>window.__page__data_sse11._offer_list = {"offerResultData":{"totalCount":1,"offers":[' +
      '{"id":"1600900000099","title":"Late"}]}};</script>';
    const r = parseSearchPage(html);
    expect(r.offers.map((o) => o.offerId)).toEqual(['1600900000099']);
    expect(r.total).toBe(1);
  });
});

describe('image search answers', () => {
  it('the upload answer gives the image path and at most four regions', () => {
    expect(parseUploadAnswer(alibabaJson('image-upload.json'))).toEqual({
      state: 'ok',
      imagePath: 'icbuimgsearch/fixture0000000000000001.jpg',
      regions: ['187,404,32,418', '10,200,15,220', '0,100,0,100', '5,50,5,50'],
    });
  });

  it('a refused upload carries its message; odd answers fail without throwing', () => {
    expect(parseUploadAnswer(alibabaJson('image-upload-failed.json'))).toEqual({
      state: 'failed',
      message: 'picture format not supported',
    });
    // A JSON answer that did not fail but has no image path is not a refusal: the answer changed.
    expect(parseUploadAnswer({ success: true, model: {} })).toEqual({
      state: 'unrecognised',
      reason: 'no model.imagePath',
    });
    expect(parseUploadAnswer({ success: true, model: { imagePath: 'x'.repeat(3000) } })).toMatchObject({
      state: 'failed',
    });
    expect(parseUploadAnswer(undefined)).toMatchObject({ state: 'failed' });
    expect(parseUploadAnswer(parseLooseJson('<html>'))).toMatchObject({ state: 'failed' });
  });

  it('model.offers with paginationData.totalCount', () => {
    const r = parseSearchAnswer(alibabaJson('image-search.json'));
    expect(r).toMatchObject({ shape: 'model.offers', success: true, total: 96, rawCount: 2 });
    expect(r.offers[0]).toMatchObject({
      offerId: '1600900000011',
      title: 'Fixture Ceramic Mug 350ml',
      url: 'https://www.alibaba.com/product-detail/Fixture-Ceramic-Mug_1600900000011.html',
      currency: 'USD',
      priceTiers: [{ minQty: 1000, priceMinor: 45 }],
      priceMinMinor: 45,
      priceMaxMinor: 90,
      sales: 20000,
      supplier: {
        country: 'CN',
        years: 12,
        isFactory: true,
        badges: ['Trade Assurance', 'Verified'],
      },
    });
    expect(r.offers[1]).toMatchObject({
      offerId: '1600900000012',
      currency: 'EUR',
      priceMinMinor: 210,
      moq: 50,
      unit: 'Pieces',
      isAd: true,
      supplier: { country: 'DE', isFactory: null, badges: [] },
    });
  });

  it('reads the older and alternate shapes', () => {
    const offer = { productId: '1600900000021', title: 'Alt', price: 'US$1.00' };
    expect(
      parseSearchAnswer({ model: { offerResultData: { offers: [offer], totalCount: 5 } } }),
    ).toMatchObject({
      shape: 'model.offerResultData',
      total: 5,
      offers: [{ offerId: '1600900000021' }],
    });
    expect(parseSearchAnswer({ data: { offers: [offer], totalCount: '7' } })).toMatchObject({
      shape: 'data.offers',
      total: 7,
      offers: [{ offerId: '1600900000021' }],
    });
    expect(parseSearchAnswer({ success: false, msgInfo: 'busy' })).toMatchObject({
      shape: 'none',
      success: false,
      message: 'busy',
      offers: [],
    });
  });
});

describe('field readers', () => {
  it('prices', () => {
    expect(parseOfferPrice('US$1.20-2.50')).toEqual({ currency: 'USD', minMinor: 120, maxMinor: 250 });
    expect(parseOfferPrice('US $0.80')).toEqual({ currency: 'USD', minMinor: 80, maxMinor: 80 });
    // No symbol or code: the currency is not known (prices show in the visitor's currency)…
    expect(parseOfferPrice('1.20 - 2.50')).toEqual({ currency: 'XXX', minMinor: 120, maxMinor: 250 });
    expect(parseOfferPrice(4)).toEqual({ currency: 'XXX', minMinor: 400, maxMinor: 400 });
    // …unless the request asked for one; a symbol still wins over what was asked.
    expect(parseOfferPrice('1.20 - 2.50', 'USD')).toEqual({ currency: 'USD', minMinor: 120, maxMinor: 250 });
    expect(parseOfferPrice(4, 'USD')).toEqual({ currency: 'USD', minMinor: 400, maxMinor: 400 });
    expect(parseOfferPrice('€2.10', 'USD')).toEqual({ currency: 'EUR', minMinor: 210, maxMinor: 210 });
    expect(parseOfferPrice('<b>$3.50</b>')).toEqual({ currency: 'USD', minMinor: 350, maxMinor: 350 });
    expect(parseOfferPrice('PAB 12.00-15.50')).toEqual({ currency: 'PAB', minMinor: 1200, maxMinor: 1550 });
    expect(parseOfferPrice('₫102,500')).toEqual({ currency: 'VND', minMinor: 102500, maxMinor: 102500 });
    for (const bad of ['', 'Negotiable', null, undefined, -1, Number.NaN, {}, []])
      expect(parseOfferPrice(bad)).toBeNull();
  });

  it('minimum orders', () => {
    expect(parseMoq('Min. order: 100 pieces')).toEqual({ moq: 100, unit: 'pieces' });
    expect(parseMoq('Min. Order: 1,000 Square Meters')).toEqual({ moq: 1000, unit: 'Square Meters' });
    expect(parseMoq('MOQ: 2 sets')).toEqual({ moq: 2, unit: 'sets' });
    expect(parseMoq('100 pieces')).toEqual({ moq: 100, unit: 'pieces' });
    expect(parseMoq('1-99 piece')).toEqual({ moq: 1, unit: 'piece' });
    expect(parseMoq(50)).toEqual({ moq: 50, unit: null });
    expect(parseMoq('20')).toEqual({ moq: 20, unit: null });
    // The older `minOrderDesc` puts the field's name after the figure.
    expect(parseMoq('10 sets (Min. Order)')).toEqual({ moq: 10, unit: 'sets' });
    for (const bad of ['', 'Min. order: 0 pieces', '2.5 tons', 'pieces', -3, null])
      expect(parseMoq(bad)).toBeNull();
  });

  it('sold counts, years, countries', () => {
    expect(parseSold('1,234 sold')).toBe(1234);
    expect(parseSold('1.2K sold')).toBe(1200);
    expect(parseSold(77)).toBe(77);
    expect(parseSold('US$ 12,000+')).toBeNull();
    expect(parseSold('sold out')).toBeNull();
    expect(parseYears('7 yrs')).toBe(7);
    expect(parseYears('7')).toBe(7);
    expect(parseYears(7)).toBe(7);
    expect(parseYears('10+ years')).toBe(10);
    expect(parseYears('since 2001')).toBeNull();
    expect(parseYears(2001)).toBeNull();
    expect(countryCode('cn')).toBe('CN');
    expect(countryCode('China')).toBeNull();
  });

  it('an offer needs a product id, from the fields or the URL', () => {
    expect(parseAlibabaOffer({ title: 'no id' })).toBeNull();
    expect(parseAlibabaOffer({ id: 'abc', productUrl: 'javascript:void(0)' })).toBeNull();
    expect(
      parseAlibabaOffer({ productUrl: '//m.alibaba.com/product-detail/x_1600900000031.html?x=1' }),
    ).toMatchObject({
      offerId: '1600900000031',
      url: 'https://m.alibaba.com/product-detail/x_1600900000031.html',
    });
    expect(parseAlibabaOffer('1600900000031')).toBeNull();
  });
});

describe('urls', () => {
  it('the search page a person sees is utf-8 encoded', () => {
    expect(searchPageUrl(' led lamp ')).toBe('https://www.alibaba.com/trade/search?SearchText=led%20lamp');
    expect(searchPageUrl('帽子')).toBe('https://www.alibaba.com/trade/search?SearchText=%E5%B8%BD%E5%AD%90');
  });

  it('product URLs are canonical https on alibaba.com, or built from the id', () => {
    expect(
      productUrl('http://www.alibaba.com/product-detail/A_1600900000001.html?spm=x#y', '1600900000001'),
    ).toBe('https://www.alibaba.com/product-detail/A_1600900000001.html');
    // A URL naming another product, another host or a click redirect gives way to the id.
    for (const raw of [
      '//www.alibaba.com/product-detail/A_1600900000002.html',
      'https://evil.example/product-detail/A_1600900000001.html',
      '//click.alibaba.com/redirect?u=x',
      'javascript:alert(1)',
      'ftp://www.alibaba.com/product-detail/A_1600900000001.html',
    ]) {
      expect(productUrl(raw, '1600900000001'), raw).toBe(
        'https://www.alibaba.com/product-detail/_1600900000001.html',
      );
    }
    expect(productUrl('javascript:alert(1)', null)).toBeNull();
    expect(productIdFromUrl('https://www.alibaba.com/product-detail/Lamp-2024_1600900000001.html')).toBe(
      '1600900000001',
    );
    expect(productIdFromUrl('https://www.alibaba.com/trade/search?x=_1600900000001.html')).toBeNull();
  });

  it('verify and login pages stay on alibaba.com', () => {
    const punish = 'https://www.alibaba.com/trade/search/_____tmd_____/punish?x5secdata=a';
    expect(verifyUrl(punish, 'lamp')).toBe(punish);
    expect(verifyUrl('https://evil.example/punish', 'lamp')).toBe(searchPageUrl('lamp'));
    expect(verifyUrl('javascript:alert(1)')).toBe('https://www.alibaba.com/');
    expect(loginUrl('https://login.alibaba.com/newlogin/icbuLogin.htm?x=1')).toBe(
      'https://login.alibaba.com/newlogin/icbuLogin.htm?x=1',
    );
    // The buyer sign-in page public clients were sent to, not the bare login host.
    expect(loginUrl('https://login.evil.example/')).toBe('https://login.alibaba.com/newlogin/icbuLogin.htm');
    expect(loginUrl('https://passport.alibaba.com/icbu_login.htm')).toBe(
      'https://passport.alibaba.com/icbu_login.htm',
    );
  });
});
