import { describe, expect, it } from 'vitest';
import { createAlibabaProvider } from '../../../../core/sources/alibaba/index';
import { SOURCE_IDS, SOURCES, sourceById } from '../../../../core/sources/index';
import type { GatewayRequest, ProviderContext, SearchResult } from '../../../../core/sources/provider';
import { filterHere } from '../../../../core/sources/refine';
import { type FakeAnswer, fakeTransport } from '../../../support/fake-transport';
import { JPEG_B64, PNG_B64 } from '../../../support/fixtures';
import { alibabaText } from './fixtures';

const PAGE = /\/trade\/search$/;
const UPLOAD = /imageTextSearchRegions$/;
const IMAGE = /imageTextSearch$/;

function ok(r: SearchResult) {
  if (r.state !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r;
}

describe('registry', () => {
  it('lists and creates the Alibaba.com provider', async () => {
    expect(SOURCE_IDS).toEqual(['1688', 'alibaba']);
    expect(SOURCES.find((s) => s.id === 'alibaba')?.name).toBe('Alibaba.com');
    const source = sourceById('alibaba');
    expect(source?.id).toBe('alibaba');
    expect(source?.name).toBe('Alibaba.com');
    expect(typeof (await source?.create())?.searchByKeywords).toBe('function');
    expect(sourceById('aliexpress')).toBeNull();
  });
});

describe('keyword search', () => {
  it('GETs the result page with the public query and parses its offers', async () => {
    const { sent, ctx } = fakeTransport([[PAGE, { text: alibabaText('search-keyword.html') }]]);
    const r = ok(await createAlibabaProvider().searchByKeywords(' LED lamp ', { page: 2 }, ctx));
    expect(sent).toEqual([
      {
        method: 'GET',
        url: 'https://www.alibaba.com/trade/search',
        query: {
          fsb: 'y',
          IndexArea: 'product_en',
          keywords: 'LED lamp',
          originKeywords: 'LED lamp',
          tab: 'all',
          page: '2',
        },
        expect: 'page',
        step: 'search',
      },
    ]);
    expect(r.offers.map((o) => o.offerId)).toEqual([
      '1600900000001',
      '1600900000002',
      '1600900000003',
      '1600900000004',
      '1600900000005',
    ]);
    expect(r.offers.every((o) => o.source === 'alibaba')).toBe(true);
    expect(r).toMatchObject({ total: 1234, pageId: null, hasMore: true });
    expect(r).not.toHaveProperty('imageId');
  });

  it('pages: no invented page size — hasMore from the page count, else the total and the count received', async () => {
    const offers = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ id: String(1600900001000 + i), title: `t${i}`, price: 'US$1' }));
    const html = (n: number, total: number | null, pageCount?: number) =>
      `<script>window.__page__data_sse10._offer_list = ${JSON.stringify({
        offerResultData: {
          offers: offers(n),
          ...(total === null ? {} : { totalCount: total }),
          ...(pageCount === undefined ? {} : { paginationData: { pageCount } }),
        },
      })};</script>`;
    const run = async (
      n: number,
      total: number | null,
      page?: number,
      pageCount?: number,
      p = createAlibabaProvider(),
    ) => {
      const { sent, ctx } = fakeTransport([[PAGE, { text: html(n, total, pageCount) }]]);
      const r = ok(await p.searchByKeywords('lamp', { page }, ctx));
      return { r, page: sent[0]?.query.page };
    };
    // A stated page count decides.
    expect((await run(48, 5000, 2, 2)).r.hasMore).toBe(false);
    expect((await run(48, 120, 2, 3)).r.hasMore).toBe(true);
    // With a total: the pages so far as full as this one (a later page knows the first page's size).
    expect((await run(40, 120, 1)).r.hasMore).toBe(true);
    expect((await run(40, 120, 3)).r.hasMore).toBe(false);
    expect((await run(20, 100, 5)).r.hasMore).toBe(false);
    expect((await run(20, 100, 3)).r.hasMore).toBe(true);
    const same = createAlibabaProvider();
    expect((await run(48, 120, 1, undefined, same)).r.hasMore).toBe(true);
    // The last page holds 24: 48 + 48 + 24 = 120, nothing more, though 3 × 24 would fall short.
    expect((await run(24, 120, 3, undefined, same)).r.hasMore).toBe(false);
    // No total and no known page size: only an empty page says the end.
    expect((await run(12, null, 1)).r.hasMore).toBe(true);
    expect((await run(0, null, 2)).r.hasMore).toBe(false);
    // No total, a known first-page size: a short page is the last.
    const known = createAlibabaProvider();
    await run(48, null, 1, undefined, known);
    expect((await run(12, null, 2, undefined, known)).r.hasMore).toBe(false);
    expect((await run(48, null, 2, undefined, known)).r.hasMore).toBe(true);
    expect((await run(40, 120, 0)).page).toBe('1');
    expect((await run(40, 120, 1.5)).page).toBe('1');
    expect((await run(40, 5000, 999)).page).toBe('50');
  });

  it('returns every offer; the largest minimum order is filtered here (core/sources/refine.ts), keeping offers that state none', async () => {
    const { ctx } = fakeTransport([[PAGE, { text: alibabaText('search-keyword.html') }]]);
    const r = ok(
      await createAlibabaProvider().searchByKeywords('lamp', { filters: { maxMinOrder: 100 } }, ctx),
    );
    expect(r.offers.map((o) => o.offerId)).toContain('1600900000005');
    const supports = sourceById('alibaba')?.supports.filters;
    if (!supports) throw new Error('no alibaba source');
    expect(supports.maxMinOrder).toBe('here');
    expect(filterHere(r.offers, { maxMinOrder: 100 }, supports).map((o) => [o.offerId, o.moq])).toEqual([
      ['1600900000001', 100],
      ['1600900000002', 2],
      ['1600900000003', null],
      ['1600900000004', 1],
    ]);
  });

  it('an empty query, a page without its data, an HTTP error and a failing transport are errors', async () => {
    const { sent, ctx } = fakeTransport([[PAGE, { text: '<html><body>new layout</body></html>' }]]);
    const p = createAlibabaProvider();
    expect(await p.searchByKeywords('  <b></b> ', {}, ctx)).toEqual({
      state: 'error',
      kind: 'input',
      message: 'empty query',
    });
    expect(sent).toHaveLength(0);
    // A well-formed page without any known data block is a changed site, not "no offers".
    expect(await p.searchByKeywords('lamp', {}, ctx)).toEqual({
      state: 'unrecognised',
      call: 'search',
      shape: 'html{length:<10k,scripts:0,assigns:[]}',
      reason: 'no offer list in the page data',
    });
    const e500 = fakeTransport([[PAGE, { status: 500, text: 'oops' }]]);
    expect(await p.searchByKeywords('lamp', {}, e500.ctx)).toEqual({
      state: 'error',
      kind: 'http',
      message: 'search page: HTTP 500',
    });
    const broken: ProviderContext = {
      transport: { request: () => Promise.reject(new Error('offline')) },
      tokens: { getToken: async () => null },
    };
    expect(await p.searchByKeywords('lamp', {}, broken)).toEqual({
      state: 'error',
      kind: 'transport',
      message: 'transport failed: offline',
    });
  });
});

describe('image search', () => {
  function imageRules(search: FakeAnswer | ((req: GatewayRequest) => FakeAnswer)) {
    return fakeTransport([
      [UPLOAD, { text: alibabaText('image-upload.json') }],
      [IMAGE, search],
    ]);
  }

  it('uploads pictureBase as a JPEG data URL (multipart), then searches with the path and four regions', async () => {
    const { sent, ctx } = imageRules({ text: alibabaText('image-search.json') });
    const r = ok(await createAlibabaProvider().searchByImage(`data:image/jpeg;base64,${JPEG_B64}`, {}, ctx));
    expect(sent).toHaveLength(2);
    expect(sent[0]).toEqual({
      method: 'POST',
      url: 'https://www.alibaba.com/search/api/imageTextSearchRegions',
      query: {},
      multipart: { pictureBase: `data:image/jpeg;base64,${JPEG_B64}` },
      expect: 'gateway',
      step: 'upload',
    });
    expect(sent[0]?.form).toBeUndefined();
    expect(sent[1]).toEqual({
      method: 'GET',
      url: 'https://www.alibaba.com/search/api/imageTextSearch',
      query: {
        tab: 'all',
        SearchScene: 'imageTextSearch',
        imagePath: 'icbuimgsearch/fixture0000000000000001.jpg',
        regions: '["187,404,32,418","10,200,15,220","0,100,0,100","5,50,5,50"]',
        from: 'pcHomeContent',
        page: '1',
        // Asked for in dollars (the call takes it), so prices without a symbol are dollars.
        currency: 'USD',
        language: 'en_US',
      },
      expect: 'gateway',
      step: 'search',
    });
    expect(r).toMatchObject({
      imageId: 'icbuimgsearch/fixture0000000000000001.jpg',
      total: 96,
      pageId: null,
      // 2 offers of 96 on page 1.
      hasMore: true,
    });
    expect(r.offers.map((o) => o.offerId)).toEqual(['1600900000011', '1600900000012']);
  });

  it('a later page reuses the image path and its remembered regions, without uploading again', async () => {
    const { sent, ctx } = imageRules({ text: alibabaText('image-search.json') });
    const p = createAlibabaProvider();
    const first = ok(await p.searchByImage(JPEG_B64, {}, ctx));
    ok(await p.searchByImage('', { imageId: first.imageId, page: 2 }, ctx));
    expect(sent.map((q) => q.url.split('/').pop())).toEqual([
      'imageTextSearchRegions',
      'imageTextSearch',
      'imageTextSearch',
    ]);
    expect(sent[2]?.query).toMatchObject({ page: '2', regions: sent[1]?.query.regions });
    // Another provider instance does not know the regions: it sends none.
    const other = imageRules({ text: alibabaText('image-search.json') });
    ok(await createAlibabaProvider().searchByImage('', { imageId: first.imageId }, other.ctx));
    expect(other.sent.map((q) => q.query.regions)).toEqual(['[]']);
  });

  it('a PNG is refused before any request: converting images is not this provider’s job', async () => {
    const { sent, ctx } = imageRules({ text: alibabaText('image-search.json') });
    expect(await createAlibabaProvider().searchByImage(PNG_B64, {}, ctx)).toEqual({
      state: 'error',
      kind: 'input',
      message: 'image search needs a JPEG',
    });
    expect(sent).toHaveLength(0);
  });

  it('a refused upload is an error; rate-limit wording in it is throttling', async () => {
    const refused = fakeTransport([[UPLOAD, { text: alibabaText('image-upload-failed.json') }]]);
    expect(await createAlibabaProvider().searchByImage(JPEG_B64, {}, refused.ctx)).toEqual({
      state: 'error',
      kind: 'refused',
      message: 'upload: picture format not supported',
    });
    const busy = fakeTransport([[UPLOAD, { text: '{"success":false,"msgInfo":"Too many requests"}' }]]);
    expect(await createAlibabaProvider().searchByImage(JPEG_B64, {}, busy.ctx)).toMatchObject({
      state: 'throttled',
    });
  });

  it('a refused search and an answer without a list are errors', async () => {
    const refused = imageRules({ text: '{"success":false,"msgInfo":"imagePath not found"}' });
    expect(await createAlibabaProvider().searchByImage(JPEG_B64, {}, refused.ctx)).toEqual({
      state: 'error',
      kind: 'refused',
      message: 'image search: imagePath not found',
    });
    const odd = imageRules({ text: '{"success":true,"model":{}}' });
    expect(await createAlibabaProvider().searchByImage(JPEG_B64, {}, odd.ctx)).toEqual({
      state: 'unrecognised',
      call: 'image-search',
      shape: '{model:{},success:boolean}',
      reason: 'no offer list',
    });
    const html = imageRules({ text: '<html>not json</html>' });
    expect(await createAlibabaProvider().searchByImage(JPEG_B64, {}, html.ctx)).toEqual({
      state: 'error',
      kind: 'answer',
      message: 'image search answer is not JSON',
    });
  });
});

describe('walls become typed states', () => {
  it('a punish redirect on the result page', async () => {
    const punish = 'https://www.alibaba.com/trade/search/_____tmd_____/punish?x5secdata=x&x5step=1';
    const { ctx } = fakeTransport([[PAGE, { finalUrl: punish, text: alibabaText('wall-punish.html') }]]);
    expect(await createAlibabaProvider().searchByKeywords('lamp', {}, ctx)).toEqual({
      state: 'needs-verification',
      url: punish,
      reason: 'url',
    });
  });

  it('a check page served at the search URL itself', async () => {
    const { ctx } = fakeTransport([[PAGE, { text: alibabaText('wall-punish.html') }]]);
    expect(await createAlibabaProvider().searchByKeywords('lamp', {}, ctx)).toMatchObject({
      state: 'needs-verification',
      reason: 'title',
    });
  });

  it('429 on the upload is throttling, with Retry-After', async () => {
    const { ctx } = fakeTransport([[UPLOAD, { status: 429, headers: { 'retry-after': '120' }, text: '' }]]);
    expect(await createAlibabaProvider().searchByImage(JPEG_B64, {}, ctx)).toEqual({
      state: 'throttled',
      retryAfterMs: 120_000,
      reason: 'http-429',
    });
  });

  it('a login redirect', async () => {
    const login = 'https://login.alibaba.com/newlogin/icbuLogin.htm?return_url=x';
    const { ctx } = fakeTransport([[PAGE, { finalUrl: login, text: '<html><title>Sign in</title></html>' }]]);
    expect(await createAlibabaProvider().searchByKeywords('lamp', {}, ctx)).toEqual({
      state: 'needs-login',
      url: login,
    });
  });

  it('a RGV587 answer with HTTP 200 from the image search', async () => {
    const { ctx } = fakeTransport([
      [UPLOAD, { text: alibabaText('image-upload.json') }],
      [IMAGE, { text: alibabaText('throttled-rgv587.json') }],
    ]);
    expect(await createAlibabaProvider().searchByImage(JPEG_B64, {}, ctx)).toMatchObject({
      state: 'needs-verification',
      reason: 'ret:RGV587_ERROR',
      url: expect.stringContaining('_____tmd_____/punish'),
    });
  });

  it('empty answers for two different searches in a row are a possible block', async () => {
    const { ctx } = fakeTransport([[PAGE, { text: alibabaText('search-empty.html') }]]);
    const p = createAlibabaProvider();
    const a = ok(await p.searchByKeywords('lamp', {}, ctx));
    expect(a).toMatchObject({ offers: [], total: 0, hasMore: false });
    // The same search repeated is not evidence of a block.
    ok(await p.searchByKeywords('lamp', {}, ctx));
    expect(await p.searchByKeywords('mug', {}, ctx)).toEqual({
      state: 'needs-verification',
      url: 'https://www.alibaba.com/trade/search?SearchText=mug',
      reason: 'possible-block',
    });
    // The run starts over after it was reported.
    ok(await p.searchByKeywords('cup', {}, ctx));
  });

  it('an empty page past the end does not count; image and keyword empties share one run', async () => {
    const p = createAlibabaProvider();
    const past = fakeTransport([[PAGE, { text: alibabaText('search-empty.html') }]]);
    ok(await p.searchByKeywords('lamp', { page: 3 }, past.ctx));
    ok(await p.searchByKeywords('mug', { page: 4 }, past.ctx));
    const emptyImage = fakeTransport([
      [UPLOAD, { text: alibabaText('image-upload.json') }],
      [IMAGE, { text: '{"success":true,"model":{"offers":[]}}' }],
    ]);
    ok(await p.searchByImage(JPEG_B64, {}, emptyImage.ctx));
    expect(await p.searchByKeywords('mug', {}, past.ctx)).toMatchObject({
      state: 'needs-verification',
      reason: 'possible-block',
    });
  });
});
