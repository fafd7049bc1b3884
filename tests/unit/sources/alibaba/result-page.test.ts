import { describe, expect, it } from 'vitest';
import { createAlibabaProvider } from '../../../../core/sources/alibaba/index';
import { pageBlocks, parseSearchPage, wendingLists } from '../../../../core/sources/alibaba/parse-page';
import { answering } from '../../../support/fake-transport';
import { alibabaText } from './fixtures';

const script = (assign: string, value: unknown) => `<script>${assign} = ${JSON.stringify(value)};</script>`;

describe('offers from every page-data block (sseNN), the sponsored _wending models and the older field names', () => {
  const parsed = parseSearchPage(alibabaText('search-sse-blocks.html'));
  const byId = new Map(parsed.offers.map((o) => [o.offerId, o]));

  it('reads the organic list from whichever sseNN block carries it, and pages by its figures', () => {
    expect(parsed).toMatchObject({
      found: true,
      shape: 'offerResultData',
      rawCount: 5,
      total: 250,
      pageCount: 6,
      drift: null,
    });
    // Organic offers first, then the sponsored one not already listed; the placeholder `_offer_list: {}` of the
    // whole-object assignment does not hide the real block, and a `_wending.pageCommonData = …` patch is no block.
    expect(parsed.offers.map((o) => o.offerId)).toEqual([
      '1600900000101',
      '1600900000102',
      '1600900000103',
      '1600900000104',
      '1600900000105',
      '1600900000150',
    ]);
  });

  it('the newer card generation: priceV2, moqV2, enPureTitle, sales in marketingPowerCommon', () => {
    expect(byId.get('1600900000101')).toMatchObject({
      title: 'Fixture Camping Lantern Rechargeable',
      currency: 'USD',
      priceMinMinor: 410,
      priceMaxMinor: 530,
      priceTiers: [{ minQty: 20, priceMinor: 410 }],
      moq: 20,
      unit: 'pieces',
      sales: 310,
      isAd: false,
      supplier: { name: 'Fixture Outdoor Co., Ltd.', years: 5, country: 'CN' },
    });
  });

  it('the older names: detailUrl, minOrderQuality + minOrderUnit, goldYears, originalMinPrice (currency unknown)', () => {
    expect(byId.get('1600900000102')).toMatchObject({
      url: 'https://www.alibaba.com/product-detail/Fixture-Older-Lantern_1600900000102.html',
      currency: 'XXX',
      priceMinMinor: 320,
      moq: 200,
      unit: 'Pieces',
      supplier: { years: 9, country: 'CN' },
    });
    expect(byId.get('1600900000103')).toMatchObject({ moq: 10, unit: 'sets' });
  });

  it('the currency is what the price says (₫, PAB), unknown without a symbol; isP4P marks an ad', () => {
    expect(byId.get('1600900000103')).toMatchObject({ currency: 'VND', priceMinMinor: 102500 });
    expect(byId.get('1600900000104')).toMatchObject({
      currency: 'PAB',
      priceMinMinor: 1200,
      priceMaxMinor: 1550,
    });
    expect(byId.get('1600900000105')).toMatchObject({ currency: 'XXX', priceMinMinor: 725, isAd: true });
  });

  it('the _wending models are sponsored: ads, after the organic list, each product once', () => {
    expect(byId.get('1600900000150')).toMatchObject({
      isAd: true,
      currency: 'USD',
      priceMinMinor: 999,
      moq: 5,
    });
    // The organic listing of 101 wins over its sponsored repeat; a list outside a *Model is not read.
    expect(byId.get('1600900000101')?.isAd).toBe(false);
    expect(byId.has('1600900000199')).toBe(false);
  });

  it('every block by name, empty placeholders left out', () => {
    const blocks = pageBlocks(alibabaText('search-sse-blocks.html'));
    expect([...blocks.keys()].sort()).toEqual(['_offer_list', '_wending']);
    expect(blocks.get('_offer_list')).toHaveLength(1);
    expect(wendingLists(blocks.get('_wending')).map((l) => l.length)).toEqual([2]);
  });

  it('an organic list streamed in parts over several numbered blocks is read whole, paged by the first', () => {
    const part = (ids: number[], extra: object) => ({
      offerResultData: {
        offers: ids.map((i) => ({ id: `16009000004${i}0`, title: `t${i}`, price: 'US$1' })),
        ...extra,
      },
    });
    const html =
      script('window.__page__data_sse10._offer_list', part([1, 2], { totalCount: 9 })) +
      script('window.__page__data_sse14._offer_list', part([3], {}));
    expect(parseSearchPage(html)).toMatchObject({
      rawCount: 3,
      total: 9,
      offers: [{ offerId: '1600900000410' }, { offerId: '1600900000420' }, { offerId: '1600900000430' }],
    });
  });

  it('a page whose only offers are sponsored is found, and counts none toward paging', () => {
    const html = script('window.__page__data_sse13._wending', {
      topModel: { productList: [{ productId: '1600900000160', title: 'Only sponsored', price: 'US$1.00' }] },
    });
    expect(parseSearchPage(html)).toMatchObject({
      found: true,
      shape: 'wending',
      rawCount: 0,
      offers: [{ offerId: '1600900000160', isAd: true }],
    });
  });
});

describe('the keyword search over such pages', () => {
  it('reads the blocks through the provider; no more pages past the stated count', async () => {
    const r = await createAlibabaProvider().searchByKeywords(
      'lantern',
      { page: 6 },
      answering({ text: alibabaText('search-sse-blocks.html') }).ctx,
    );
    expect(r).toMatchObject({ state: 'ok', total: 250, hasMore: false });
    if (r.state === 'ok') expect(r.offers).toHaveLength(6);
  });

  it('a list whose items mostly lack an id, a title or a price is drift, with the blocks’ shape', async () => {
    const renamed = Array.from({ length: 4 }, (_, i) => ({
      itemId: `160090000017${i}`,
      name: 'x',
      cost: '1',
    }));
    const html = `${script('window.__page__data_sse10._offer_list', {
      offerResultData: { offers: renamed, totalCount: 4 },
    })}<script>window.other = 1;</script>`;
    expect(await createAlibabaProvider().searchByKeywords('lamp', {}, answering({ text: html }).ctx)).toEqual(
      {
        state: 'unrecognised',
        call: 'search',
        shape:
          '{_offer_list:{offerResultData:{offers:[{cost:string,itemId:string,name:string} ×4],totalCount:number}}}',
        reason: 'most items lack an offer id',
      },
    );
    const untitled = [1, 2, 3].map((i) => ({ id: `160090000018${i}`, price: 'US$1' }));
    const noTitle = script('window.__page__data_sse10._offer_list', {
      offerResultData: { offers: untitled },
    });
    expect(
      await createAlibabaProvider().searchByKeywords('lamp', {}, answering({ text: noTitle }).ctx),
    ).toMatchObject({
      state: 'unrecognised',
      reason: 'most items lack a title',
    });
  });

  it('an empty list is not drift: it is an empty answer (the possible-block logic counts it)', async () => {
    expect(
      await createAlibabaProvider().searchByKeywords(
        'lamp',
        {},
        answering({ text: alibabaText('search-empty.html') }).ctx,
      ),
    ).toMatchObject({ state: 'ok', offers: [], hasMore: false });
  });
});
