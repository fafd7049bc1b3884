/**
 * The 1688 provider against the mock, for the corrections of the second look (PROTOCOL.md, "Second look"):
 * sort names, error classes, offer pages without skuInfoMap, image search's "not ready" answer, and drift — the
 * mock's `changed` fault answering every call well-formed but renamed.
 */
import { describe, expect, it } from 'vitest';
import { callMtop, RECOMMEND_API } from '../../../../core/sources/1688/gateway';
import { create1688Provider, type Sleep } from '../../../../core/sources/1688/index';
import {
  imageSearchParams,
  keywordSearchParams,
  recommendData,
  SEARCH_APP_ID,
} from '../../../../core/sources/1688/params';
import type { SortOrder } from '../../../../core/sources/provider';
import { SCRIPTED_PAGE_ID } from '../../../mock-sources/1688/mock';
import { JPEG_B64 } from '../../../support/fixtures';
import { useMockSources } from '../../../support/mock-server';
import { contextFor, nodeTransport, expectOk as ok } from '../../../support/node-transport';

const mock = useMockSources();

/** A sleep that records what was asked and returns at once. */
function fakeSleep(): Sleep & { waits: number[] } {
  const waits: number[] = [];
  const sleep = (async (ms: number) => {
    waits.push(ms);
  }) as Sleep & { waits: number[] };
  sleep.waits = waits;
  return sleep;
}

const sentParams = () =>
  mock.requests
    .filter((q) => q.ret === 'SUCCESS' && q.query.data)
    .map((q) => JSON.parse(JSON.parse(q.query.data ?? '{}').params) as Record<string, unknown>);

describe('sort: the sortType values 1688 pages send', () => {
  it('params: va_price_asc / va_price_desc / va_rmdarkgmv30, none for relevance, never descendOrder', () => {
    const cases: [SortOrder | undefined, string | undefined][] = [
      [undefined, undefined],
      ['relevance', undefined],
      ['price-asc', 'va_price_asc'],
      ['price-desc', 'va_price_desc'],
      ['sales', 'va_rmdarkgmv30'],
    ];
    for (const [sort, sortType] of cases) {
      const p = keywordSearchParams('帽子', { sort });
      expect(p.sortType, String(sort)).toBe(sortType);
      expect('sortType' in p, String(sort)).toBe(sortType !== undefined);
      expect('descendOrder' in p).toBe(false);
    }
    // Image search sends "normal" whatever the order asked.
    expect(imageSearchParams('1', { sort: 'price-asc' }).sortType).toBe('normal');
    expect(imageSearchParams('1').sortType).toBe('normal');
  });

  it('the mock answers in the order asked, so a working sort is visible', async () => {
    const t = nodeTransport(mock.port);
    const p = create1688Provider();
    const prices = async (sort: SortOrder) =>
      ok(await p.searchByKeywords('水杯', { sort }, contextFor(t))).offers.map((o) => o.priceMinMinor ?? 0);
    const asc = await prices('price-asc');
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    const desc = await prices('price-desc');
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    const sales = ok(await p.searchByKeywords('水杯', { sort: 'sales' }, contextFor(t))).offers.map(
      (o) => o.sales ?? 0,
    );
    expect(sales).toEqual([...sales].sort((a, b) => b - a));
    const relevance = await prices('relevance');
    expect(relevance).not.toEqual(asc);
    expect(sentParams().map((q) => q.sortType)).toEqual([
      'va_price_asc',
      'va_price_desc',
      'va_rmdarkgmv30',
      undefined,
    ]);
  });

  it('a sortType name the mock does not know answers relevance order: a wrong name shows as unsorted', async () => {
    const t = nodeTransport(mock.port);
    const ctx = contextFor(t);
    const ask = async (sortType: string | null) => {
      const params = { ...keywordSearchParams('水杯', {}), ...(sortType ? { sortType } : {}) };
      const out = await callMtop(ctx, {
        api: RECOMMEND_API,
        v: '2.0',
        data: recommendData(SEARCH_APP_ID, params),
        method: 'GET',
      });
      if (out.state !== 'ok') throw new Error(out.state);
      const items = (out.envelope.data as { data: { OFFER: { items: { data: { offerId: string } }[] } } })
        .data.OFFER.items;
      return items.map((i) => i.data.offerId);
    };
    const relevance = await ask(null);
    expect(await ask('price')).toEqual(relevance);
    expect(await ask('va_rmdarkgmv30rt')).toEqual(relevance);
    expect(await ask('va_price_asc')).not.toEqual(relevance);
  });
});

describe('error classes from the mock', () => {
  it('FAIL_SYS_FLOWLIMIT → throttled, asked once', async () => {
    const t = nodeTransport(mock.port);
    const p = create1688Provider();
    ok(await p.searchByKeywords('帽子', {}, contextFor(t)));
    mock.sources['1688'].setFault('flowlimit');
    const before = mock.requests.length;
    expect(await p.searchByKeywords('帽子', {}, contextFor(t))).toEqual({
      state: 'throttled',
      retryAfterMs: 60_000,
      reason: 'ret:FAIL_SYS_FLOWLIMIT',
    });
    expect(mock.requests.length - before).toBe(1);
    // Offer pages get the busy page.
    expect(await p.readOffer('700000000002', contextFor(t))).toMatchObject({
      state: 'throttled',
      reason: 'title-busy',
    });
  });

  it('deny → needs-verification with reason "deny", for searches and offer pages', async () => {
    const t = nodeTransport(mock.port);
    const p = create1688Provider();
    mock.sources['1688'].setFault('deny');
    const search = await p.searchByKeywords('帽子', {}, contextFor(t));
    expect(search).toMatchObject({ state: 'needs-verification', reason: 'deny' });
    if (search.state === 'needs-verification') expect(search.url).toContain('action=deny');
    expect(await p.readOffer('700000000002', contextFor(t))).toMatchObject({
      state: 'needs-verification',
      reason: 'deny',
    });
  });
});

describe('offer pages the mock serves in both current forms', () => {
  it('a current page without skuInfoMap: SKUs, tiers and MOQ from finalPriceModel, the same as the search card', async () => {
    const t = nodeTransport(mock.port);
    const p = create1688Provider();
    const found = ok(await p.searchByKeywords('水杯', { pageSize: 20 }, contextFor(t))).offers;
    const card = found.find((o) => /[048]$/.test(o.offerId));
    if (!card) throw new Error('no offer id ending 0, 4 or 8 on the page');
    const page = await p.readOffer(card.offerId, contextFor(t));
    expect(page).toMatchObject({ state: 'ok', generation: 'context', skusKnown: true });
    if (page.state !== 'ok') return;
    expect(page.offer.priceTiers).toEqual(card.priceTiers);
    expect(page.offer.moq).toBe(card.moq);
    expect(page.offer.dropship).toBe(card.dropship === true);
    expect(page.offer.supplier.name).toBe(card.supplier.name);
    expect(page.offer.sales).toBe(card.sales);
    expect(page.skus.map((s) => s.spec)).toEqual([
      '黑色>M',
      '黑色>L',
      '白色>M',
      '白色>L',
      '灰色>M',
      '灰色>L',
    ]);
    for (const s of page.skus) expect(s.priceMinor).not.toBeNull();
  });

  it('an older page without a SKU map says the variants were not loaded', async () => {
    const t = nodeTransport(mock.port);
    expect(await create1688Provider().readOffer('700000000003', contextFor(t))).toMatchObject({
      state: 'ok',
      generation: 'init-data',
      skus: [],
      skusKnown: false,
    });
  });

  it(`${SCRIPTED_PAGE_ID}: no data in the fetched HTML (unrecognised); the object its script builds is read`, async () => {
    const t = nodeTransport(mock.port);
    const p = create1688Provider();
    const fetched = await p.readOffer(SCRIPTED_PAGE_ID, contextFor(t));
    expect(fetched).toMatchObject({ state: 'unrecognised', call: 'offer-page' });
    // What a tab running the page would hand over from its MAIN world: run the inline script here.
    const res = await t.request({
      method: 'GET',
      url: `https://detail.1688.com/offer/${SCRIPTED_PAGE_ID}.html`,
      query: {},
      expect: 'page',
    });
    const script = /<script>([\s\S]*?)<\/script>/.exec(res.text)?.[1] ?? '';
    const window: { context?: unknown } = {};
    new Function('window', script)(window);
    expect(
      await p.readOffer({ data: window.context, offerId: SCRIPTED_PAGE_ID }, contextFor(t)),
    ).toMatchObject({
      state: 'ok',
      offer: { offerId: SCRIPTED_PAGE_ID },
    });
  });
});

describe('image search: one empty answer straight after an upload is "not ready"', () => {
  it('waits 1–3 s and asks once more; the second answer is the result', async () => {
    const t = nodeTransport(mock.port);
    const sleep = fakeSleep();
    mock.sources['1688'].setImageNotReady(true);
    const r = ok(
      await create1688Provider({ sleep, random: () => 0.5 }).searchByImage(JPEG_B64, {}, contextFor(t)),
    );
    expect(r.offers).toHaveLength(60);
    expect(sleep.waits).toEqual([2000]);
    const methods = mock.requests.filter((q) => q.ret === 'SUCCESS').map((q) => q.apiMethod);
    expect(methods).toEqual([
      'uploadBase64WithRequest',
      'imageOfferSearchService',
      'imageOfferSearchService',
    ]);
  });

  it('only the second empty answer counts toward a possible block', async () => {
    const t = nodeTransport(mock.port);
    const sleep = fakeSleep();
    const p = create1688Provider({ sleep, emptyRunThreshold: 2 });
    mock.setWall('empty');
    const first = ok(await p.searchByImage(JPEG_B64, {}, contextFor(t)));
    expect(first.offers).toEqual([]);
    expect(sleep.waits).toHaveLength(1);
    // A different picture, empty again: the run is 2 answers long now, not 4.
    const other = `${JPEG_B64.slice(0, -4)}AAAA`;
    expect(await p.searchByImage(other, {}, contextFor(t))).toMatchObject({
      state: 'needs-verification',
      reason: 'possible-block',
    });
    for (const w of sleep.waits) expect(w >= 1000 && w <= 3000).toBe(true);
  });

  it('paging an uploaded image does not wait: only a fresh upload can be not ready', async () => {
    const t = nodeTransport(mock.port);
    const sleep = fakeSleep();
    mock.setWall('empty');
    await create1688Provider({ sleep }).searchByImage('', { imageId: '123', page: 2 }, contextFor(t));
    expect(sleep.waits).toEqual([]);
  });

  it('a cancelled wait ends the call as aborted', async () => {
    const t = nodeTransport(mock.port);
    const ac = new AbortController();
    const sleep: Sleep = async () => {
      ac.abort();
      throw new DOMException('aborted', 'AbortError');
    };
    mock.sources['1688'].setImageNotReady(true);
    const r = await create1688Provider({ sleep }).searchByImage(
      JPEG_B64,
      {},
      { ...contextFor(t), signal: ac.signal },
    );
    expect(r).toMatchObject({ state: 'error', kind: 'aborted' });
  });
});

describe('drift: the mock answers every call well-formed but renamed', () => {
  it('keyword search → unrecognised "search", with the answer shape and no values', async () => {
    const t = nodeTransport(mock.port);
    mock.setWall('changed');
    const r = await create1688Provider().searchByKeywords('帽子', {}, contextFor(t));
    expect(r).toMatchObject({
      state: 'unrecognised',
      call: 'search',
      reason: 'no offer list (data.data.OFFER)',
    });
    if (r.state === 'unrecognised') {
      expect(r.shape).toContain('OFFERS2');
      expect(r.shape).not.toContain('帽子');
    }
  });

  it('image upload → unrecognised "image-upload"', async () => {
    const t = nodeTransport(mock.port);
    mock.setWall('changed');
    expect(await create1688Provider().searchByImage(JPEG_B64, {}, contextFor(t))).toMatchObject({
      state: 'unrecognised',
      call: 'image-upload',
    });
  });

  it('image search → unrecognised "image-search"', async () => {
    const t = nodeTransport(mock.port);
    const p = create1688Provider();
    const { imageId } = ok(await p.searchByImage(JPEG_B64, {}, contextFor(t)));
    mock.setWall('changed');
    expect(await p.searchByImage('', { imageId }, contextFor(t))).toMatchObject({
      state: 'unrecognised',
      call: 'image-search',
    });
  });

  it('offer page → unrecognised "offer-page", from the fetch and from a tab\'s MAIN world', async () => {
    const t = nodeTransport(mock.port);
    const p = create1688Provider();
    mock.setWall('changed');
    const r = await p.readOffer('700000000002', contextFor(t));
    expect(r).toMatchObject({ state: 'unrecognised', call: 'offer-page' });
    if (r.state === 'unrecognised') expect(r.shape).toContain('offerContext');
    // The tab finds no window.context either.
    expect(await p.readOffer({ data: undefined, offerId: '700000000002' }, contextFor(t))).toMatchObject({
      state: 'unrecognised',
      call: 'offer-page',
    });
  });

  it('suggestions → unrecognised "suggest"', async () => {
    const t = nodeTransport(mock.port);
    mock.setWall('changed');
    expect(await create1688Provider().suggest('帽子', contextFor(t))).toMatchObject({
      state: 'unrecognised',
      call: 'suggest',
      reason: 'no suggestion list (data.items)',
    });
  });

  it('an answer with no results is not drift', async () => {
    const t = nodeTransport(mock.port);
    mock.setWall('empty');
    expect(ok(await create1688Provider().searchByKeywords('帽子', {}, contextFor(t))).offers).toEqual([]);
  });
});
