import { describe, expect, it } from 'vitest';
import { createAlibabaProvider } from '../../../../core/sources/alibaba/index';
import { sourceById } from '../../../../core/sources/index';
import { multipartBoundary, parseMultipart } from '../../../mock-sources/multipart';
import { JPEG_B64, PNG_B64 } from '../../../support/fixtures';
import { useMockSources } from '../../../support/mock-server';
import { contextFor, nodeTransport, expectOk as ok } from '../../../support/node-transport';

const UPLOAD = 'www.alibaba.com/search/api/imageTextSearchRegions';
const IMAGE = 'www.alibaba.com/search/api/imageTextSearch';
const PAGE = 'www.alibaba.com/trade/search';

const mock = useMockSources();

describe('keyword search against the mock www.alibaba.com', () => {
  it('pages through 3 pages of 48 + 48 + 24 generated offers, the first with one sponsored (_wending) product', async () => {
    const t = nodeTransport(mock.port);
    const provider = await sourceById('alibaba')?.create();
    if (!provider) throw new Error('no alibaba provider in the registry');
    const pages = [];
    for (const page of [1, 2, 3])
      pages.push(ok(await provider.searchByKeywords('led lamp', { page }, contextFor(t))));
    expect(pages.map((p) => p.offers.length)).toEqual([48 + 1, 48, 24]);
    expect(pages.map((p) => p.hasMore)).toEqual([true, true, false]);
    expect(pages.map((p) => p.total)).toEqual([120, 120, 120]);
    const ids = pages.flatMap((p) => p.offers.map((o) => o.offerId));
    expect(new Set(ids).size).toBe(121);
    const first = pages[0]?.offers[0];
    expect(first).toMatchObject({
      source: 'alibaba',
      title: expect.stringMatching(/^led lamp [A-Z][a-z]+ model 1$/),
      isAd: true,
      url: expect.stringMatching(/^https:\/\/www\.alibaba\.com\/product-detail\/[^?]+_\d+\.html$/),
    });
    expect(first?.title).not.toMatch(/<|>/);
    // Two paid places and the sponsored product (last: after the organic list).
    expect(pages[0]?.offers.filter((o) => o.isAd)).toHaveLength(3);
    expect(pages[0]?.offers.at(-1)?.isAd).toBe(true);
    // Page 3 is priced in the visitor's currency (₫); every sixth offer carries the older names and a bare price.
    expect(new Set(pages[2]?.offers.map((o) => o.currency))).toEqual(new Set(['VND', 'XXX']));
    const older = pages[1]?.offers[5];
    expect(older).toMatchObject({ currency: 'XXX', isAd: false, url: expect.stringMatching(/_\d+\.html$/) });
    expect(older?.moq).toBeGreaterThanOrEqual(1);
    expect(older?.supplier.years).toBeGreaterThanOrEqual(1);
    expect(mock.count(PAGE)).toBe(3);
    expect(mock.requests.map((r) => r.query.page)).toEqual(['1', '2', '3']);
    expect(mock.requests[0]?.query).toMatchObject({
      keywords: 'led lamp',
      originKeywords: 'led lamp',
      tab: 'all',
    });
  });

  it('is deterministic per keywords', async () => {
    const t = nodeTransport(mock.port);
    const a = ok(await createAlibabaProvider().searchByKeywords('mug', {}, contextFor(t)));
    const b = ok(await createAlibabaProvider().searchByKeywords('mug', {}, contextFor(t)));
    const c = ok(await createAlibabaProvider().searchByKeywords('bottle', {}, contextFor(t)));
    expect(b.offers).toEqual(a.offers);
    expect(c.offers[0]?.offerId).not.toBe(a.offers[0]?.offerId);
    for (const [i, o] of a.offers.entries()) {
      expect(o.moq).toBeGreaterThanOrEqual(1);
      expect(o.priceMinMinor).toBeGreaterThan(0);
      expect(o.supplier.country).toMatch(/^[A-Z]{2}$/);
      // The older field names carry neither a currency nor a shop link.
      if (i % 6 === 5 && i < 48) {
        expect(o.currency).toBe('XXX');
        continue;
      }
      expect(o.currency).toBe('USD');
      expect(o.supplier.shopUrl).toMatch(/^https:\/\/mock\d+\.en\.alibaba\.com\/company_profile\.html$/);
    }
  });
});

describe('image search against the mock', () => {
  it('uploads the JPEG as multipart pictureBase, then searches by the image path', async () => {
    const t = nodeTransport(mock.port);
    const p = createAlibabaProvider();
    const r = ok(await p.searchByImage(JPEG_B64, {}, contextFor(t)));
    expect(r.offers).toHaveLength(20);
    expect(r).toMatchObject({ total: 120, hasMore: true, pageId: null });
    // Asked for in dollars: its prices come without a symbol, and are dollars.
    expect(new Set(r.offers.map((o) => o.currency))).toEqual(new Set(['USD']));
    expect(r.imageId).toMatch(/^icbuimgsearch\/mock[0-9a-f]{20}\.jpg$/);
    expect([...mock.sources.alibaba.imagePaths]).toEqual([r.imageId]);
    expect(mock.requests.map((q) => `${q.method} ${q.host}${q.path}`)).toEqual([
      `POST ${UPLOAD}`,
      `GET ${IMAGE}`,
    ]);
    const search = mock.requests[1]?.query ?? {};
    expect(search).toMatchObject({
      imagePath: r.imageId,
      tab: 'all',
      SearchScene: 'imageTextSearch',
      page: '1',
      currency: 'USD',
      language: 'en_US',
    });
    expect(JSON.parse(search.regions ?? 'null')).toHaveLength(2);
    // Page 2 with the image id: no second upload.
    const p2 = ok(await p.searchByImage('', { imageId: r.imageId, page: 2 }, contextFor(t)));
    expect(p2.offers[0]?.offerId).not.toBe(r.offers[0]?.offerId);
    expect(mock.count(UPLOAD)).toBe(1);
    expect(mock.requests.at(-1)?.query.regions).toBe(search.regions);
  });

  it('the mock refuses a PNG and an unknown image path with success:false', async () => {
    const t = nodeTransport(mock.port);
    const png = await t.request({
      method: 'POST',
      url: 'https://www.alibaba.com/search/api/imageTextSearchRegions',
      query: {},
      multipart: { pictureBase: `data:image/jpeg;base64,${PNG_B64}` },
      expect: 'gateway',
    });
    expect(JSON.parse(png.text)).toMatchObject({ success: false });
    const form = await t.request({
      method: 'POST',
      url: 'https://www.alibaba.com/search/api/imageTextSearchRegions',
      query: {},
      form: { pictureBase: `data:image/jpeg;base64,${JPEG_B64}` },
      expect: 'gateway',
    });
    expect(JSON.parse(form.text)).toEqual({ success: false, msgInfo: 'multipart/form-data expected' });
    const r = await createAlibabaProvider().searchByImage(
      '',
      { imageId: 'icbuimgsearch/nope.jpg' },
      contextFor(t),
    );
    expect(r).toEqual({ state: 'error', kind: 'refused', message: 'image search: imagePath not found' });
  });
});

describe('walls from the mock become typed states', () => {
  it('punish → needs-verification at the punish URL', async () => {
    mock.setWall('punish');
    const r = await createAlibabaProvider().searchByKeywords(
      'lamp',
      {},
      contextFor(nodeTransport(mock.port)),
    );
    expect(r).toMatchObject({
      state: 'needs-verification',
      reason: 'url',
      url: expect.stringMatching(
        /^https:\/\/www\.alibaba\.com\/trade\/search\/_____tmd_____\/punish\?x5secdata=mock1/,
      ),
    });
  });

  it('login → needs-login on login.alibaba.com', async () => {
    mock.setWall('login');
    const r = await createAlibabaProvider().searchByImage(JPEG_B64, {}, contextFor(nodeTransport(mock.port)));
    expect(r).toMatchObject({
      state: 'needs-login',
      url: expect.stringMatching(/^https:\/\/login\.alibaba\.com\//),
    });
  });

  it('throttled → 429 → throttled with the Retry-After wait', async () => {
    mock.setWall('throttled');
    const r = await createAlibabaProvider().searchByKeywords(
      'lamp',
      {},
      contextFor(nodeTransport(mock.port)),
    );
    expect(r).toEqual({ state: 'throttled', retryAfterMs: 60_000, reason: 'http-429' });
  });

  it('rgv587 on the API (HTTP 200) and a slider on the page', async () => {
    const t = nodeTransport(mock.port);
    mock.setWall('rgv587');
    expect(await createAlibabaProvider().searchByImage(JPEG_B64, {}, contextFor(t))).toMatchObject({
      state: 'needs-verification',
      reason: 'ret:RGV587_ERROR',
      url: expect.stringContaining('/_____tmd_____/punish?x5secdata='),
    });
    expect(await createAlibabaProvider().searchByKeywords('lamp', {}, contextFor(t))).toMatchObject({
      state: 'needs-verification',
      reason: 'title',
    });
  });

  it('empty answers for different searches → possible block; one request each', async () => {
    const t = nodeTransport(mock.port);
    const p = createAlibabaProvider();
    mock.setWall('empty');
    expect(ok(await p.searchByKeywords('lamp', {}, contextFor(t))).offers).toEqual([]);
    expect(await p.searchByKeywords('mug', {}, contextFor(t))).toEqual({
      state: 'needs-verification',
      url: 'https://www.alibaba.com/trade/search?SearchText=mug',
      reason: 'possible-block',
    });
    expect(mock.count(PAGE)).toBe(2);
    expect(mock.requests.map((r) => r.wall)).toEqual(['empty', 'empty']);
  });

  it('a wall asked for per request (X-Mock-Wall header)', async () => {
    const t = nodeTransport(mock.port);
    const r = await createAlibabaProvider().searchByKeywords(
      'lamp',
      {},
      {
        transport: { request: (req, s) => t.request({ ...req, headers: { 'x-mock-wall': 'punish' } }, s) },
        tokens: t.tokens,
      },
    );
    expect(r).toMatchObject({ state: 'needs-verification', reason: 'url' });
    expect(mock.requests[0]?.wall).toBe('punish');
  });
});

describe('the mock’s small pages and its multipart reader', () => {
  it('serves / on www.alibaba.com and leaves 1688 hosts alone', async () => {
    const t = nodeTransport(mock.port);
    const home = await t.request({
      method: 'GET',
      url: 'https://www.alibaba.com/',
      query: {},
      expect: 'page',
    });
    expect(home.status).toBe(200);
    expect(home.text).toContain('<title>Alibaba.com (mock)</title>');
    const h5 = await t.request({
      method: 'GET',
      url: 'https://h5api.m.1688.com/',
      query: {},
      expect: 'page',
    });
    expect(h5.text).not.toContain('Alibaba.com (mock)');
    expect(mock.counts()).toEqual({ 'www.alibaba.com/': 1, 'h5api.m.1688.com/': 1 });
  });

  it('reads the fields a runtime FormData writes', async () => {
    const fd = new FormData();
    fd.append('pictureBase', 'data:image/jpeg;base64,/9j/4A==');
    fd.append('other', 'a\r\nb');
    const encoded = new Response(fd);
    const boundary = multipartBoundary(encoded.headers.get('content-type') ?? undefined);
    const body = Buffer.from(await encoded.arrayBuffer());
    // The boundary read from the header is the one the body opens with.
    expect(body.toString('latin1').split('\r\n')[0]).toBe(`--${boundary}`);
    expect(parseMultipart(body, boundary ?? '')).toEqual({
      pictureBase: 'data:image/jpeg;base64,/9j/4A==',
      other: 'a\r\nb',
    });
    expect(parseMultipart(Buffer.from('garbage'), boundary ?? '')).toBeNull();
    expect(multipartBoundary('application/x-www-form-urlencoded')).toBeNull();
  });
});
