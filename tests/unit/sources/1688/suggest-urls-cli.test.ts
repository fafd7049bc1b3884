import { describe, expect, it } from 'vitest';
import { parseAnyText, parseAnyValue } from '../../../../core/sources/1688/parse-any';
import { parseSuggestAnswer } from '../../../../core/sources/1688/parse-suggest';
import {
  detailUrl,
  imageSearchPageUrl,
  loginUrl,
  offerIdFromUrl,
  searchPageUrl,
  verifyUrl,
} from '../../../../core/sources/1688/urls';
import { toCliOffer } from '../../../../scripts/parse-offer';
import { fixtureJson, fixtureText } from './fixtures';

describe('suggestions', () => {
  it('reads data.items[].data.keyword, plain text, de-duplicated', () => {
    expect(parseSuggestAnswer(fixtureJson('suggest.json'))).toEqual(['帽子女', '帽子男', '帽子儿童']);
    expect(parseSuggestAnswer({ data: { data: { items: [{ data: { keyword: 'a' } }] } } })).toEqual(['a']);
    expect(parseSuggestAnswer(fixtureJson('ret-token-empty.json'))).toEqual([]);
    expect(parseSuggestAnswer('nonsense')).toEqual([]);
  });
});

describe('person-facing URLs', () => {
  it('detail URL only for numeric ids', () => {
    expect(detailUrl('833454967766')).toBe('https://detail.1688.com/offer/833454967766.html');
    expect(detailUrl('../../x')).toBeNull();
    expect(offerIdFromUrl('https://detail.1688.com/offer/833454967766.html?spm=x')).toBe('833454967766');
    expect(offerIdFromUrl('https://m.1688.com/offer?offerId=597090034012')).toBe('597090034012');
  });

  it('search page with GBK keywords', () => {
    expect(searchPageUrl('帽子')).toBe('https://s.1688.com/selloffer/offer_search.htm?keywords=%C3%B1%D7%D3');
    expect(searchPageUrl('帽子', 'sales')).toBe(
      'https://s.1688.com/selloffer/offer_search.htm?keywords=%C3%B1%D7%D3&sortType=va_rmdarkgmv30',
    );
    expect(searchPageUrl('帽子', 'price-asc')).toBe(
      'https://s.1688.com/selloffer/offer_search.htm?keywords=%C3%B1%D7%D3&sortType=va_price_asc',
    );
    expect(searchPageUrl('帽子', 'price-desc')).toMatch(/&sortType=va_price_desc$/);
    expect(searchPageUrl('帽子', 'relevance')).not.toContain('sortType');
  });

  it('image search page', () => {
    expect(imageSearchPageUrl('1054900000000000001')).toBe(
      'https://air.1688.com/kapp/1688-search/pc-image-search/?tab=imageSearch&imageId=1054900000000000001&imageIdList=1054900000000000001',
    );
    expect(imageSearchPageUrl('0')).toBe(
      'https://air.1688.com/kapp/1688-search/pc-image-search/?tab=imageSearch',
    );
    expect(imageSearchPageUrl('"><script>')).toBe(
      'https://air.1688.com/kapp/1688-search/pc-image-search/?tab=imageSearch',
    );
  });

  it('verify and login URLs are always https on Alibaba hosts', () => {
    expect(verifyUrl('//h5api.m.1688.com/_____tmd_____/punish?x5secdata=1')).toBe(
      'https://h5api.m.1688.com/_____tmd_____/punish?x5secdata=1',
    );
    expect(verifyUrl('http://detail.1688.com/_____tmd_____/punish')).toBe(
      'https://detail.1688.com/_____tmd_____/punish',
    );
    expect(verifyUrl('https://attacker.example/1688.com')).toBe('https://www.1688.com/');
    expect(verifyUrl(undefined, '帽子')).toBe(
      'https://s.1688.com/selloffer/offer_search.htm?keywords=%C3%B1%D7%D3',
    );
    expect(loginUrl('https://login.taobao.com/x')).toBe('https://login.taobao.com/x');
    expect(loginUrl('https://evil.example/')).toBe('https://login.1688.com/member/signin.htm');
  });
});

describe('shape detection (parse-offer CLI)', () => {
  it('detects every documented shape', () => {
    expect(parseAnyText(fixtureText('search-keyword.json')).shape).toBe('search');
    expect(parseAnyText(fixtureText('search-keyword.jsonp.txt')).shape).toBe('search');
    expect(parseAnyText(fixtureText('search-image.json')).shape).toBe('search');
    expect(parseAnyText(fixtureText('search-offerlist-old.json')).shape).toBe('offer-list');
    expect(parseAnyText(fixtureText('detail-context.json')).shape).toBe('detail-context');
    expect(parseAnyText(fixtureText('detail-initdata.json')).shape).toBe('detail-init-data');
    expect(parseAnyText(fixtureText('detail-context-833454967766.html')).shape).toBe('detail-html');
    expect(
      parseAnyValue({ ret: ['SUCCESS::调用成功'], data: fixtureJson('detail-initdata.json') }).shape,
    ).toBe('detail-init-data');
    expect(parseAnyText('not json').shape).toBe('unknown');
  });

  it('prints the CLI shape with decimal prices (real tiers of offer 597090034012)', () => {
    const [o] = parseAnyText(fixtureText('detail-initdata-597090034012.html')).offers;
    expect(o).toBeDefined();
    if (!o) return;
    expect(toCliOffer(o)).toEqual({
      offerId: '597090034012',
      title: '男士护肤五件套 洁面乳 爽肤水 精华乳 保湿霜',
      url: 'https://detail.1688.com/offer/597090034012.html',
      images: [
        'https://cbu01.alicdn.com/img/ibank/O1CN01fixtureA1_!!2200000000001-0-cib.jpg',
        'https://cbu01.alicdn.com/img/ibank/O1CN01fixtureA2_!!2200000000001-0-cib.jpg',
      ],
      priceTiers: [
        { minQty: 1, price: '2.30' },
        { minQty: 3, price: '20.52' },
      ],
      priceMin: '2.30',
      priceMax: '20.52',
      currency: 'CNY',
      moq: 1,
      unit: '套',
      dropship: null,
      sales: 1520,
      supplier: {
        name: '广州示例化妆品有限公司',
        loginId: 'fixture_cosmetics_factory',
        province: null,
        city: null,
        years: null,
        isFactory: null,
        badges: [],
      },
    });
  });

  it('keeps absent prices null in the CLI shape', () => {
    const offers = parseAnyText(fixtureText('search-keyword.json')).offers.map(toCliOffer);
    expect(offers.find((o) => o.offerId === '10609596736')).toMatchObject({
      priceMin: null,
      priceMax: null,
      priceTiers: [],
    });
    expect(offers.find((o) => o.offerId === '833454967766')).toMatchObject({
      priceMin: '8.80',
      priceTiers: [{ minQty: 100, price: '8.80' }],
    });
  });
});
