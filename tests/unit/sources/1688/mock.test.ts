import { describe, expect, it } from 'vitest';
import { callMtop, RECOMMEND_API } from '../../../../core/sources/1688/gateway';
import { create1688Provider } from '../../../../core/sources/1688/index';
import { imageUploadParams, recommendData, SEARCH_APP_ID } from '../../../../core/sources/1688/params';
import { searchPageUrl } from '../../../../core/sources/1688/urls';
import { sourceById } from '../../../../core/sources/index';
import {
  DELISTED_ID,
  FIXTURE_CONTEXT_ID,
  FIXTURE_INIT_DATA_ID,
  WRONGPAGE_ID,
} from '../../../mock-sources/1688/mock';
import { createMockSources, listen, type WallKind } from '../../../mock-sources/server';
import { JPEG_B64, PNG_B64 } from '../../../support/fixtures';
import { useMockSources } from '../../../support/mock-server';
import { contextFor, nodeTransport, expectOk as ok } from '../../../support/node-transport';

const GATEWAY = 'h5api.m.1688.com/h5/mtop.relationrecommend.wirelessrecommend.recommend/2.0/';
const mock = useMockSources();

describe('keyword search through the mock gateway', () => {
  it('does the token handshake, signs, and returns a page of offers', async () => {
    const t = nodeTransport(mock.port);
    const provider = await sourceById('1688')?.create();
    if (!provider) throw new Error('no 1688 provider in the registry');
    const r = ok(await provider.searchByKeywords('帽子', {}, contextFor(t)));
    expect(r.offers).toHaveLength(60);
    expect(r.hasMore).toBe(true);
    expect(r.total).toBe(150);
    expect(r.pageId).toMatch(/^[0-9a-f]{32}$/);
    for (const o of r.offers) expect(o.url).toMatch(/^https:\/\/detail\.1688\.com\/offer\/\d+\.html$/);
    expect(mock.count(GATEWAY)).toBe(2);
    expect(mock.requests.map((q) => q.ret)).toEqual(['FAIL_SYS_TOKEN_EMPTY', 'SUCCESS']);
    expect(t.jar.get('_m_h5_tk')).toMatch(/^[0-9a-f]{32}_\d{13}$/);
    expect(t.jar.has('_m_h5_tk_enc')).toBe(true);
    // A second search reuses the token: one request.
    ok(await provider.searchByKeywords('帽子', { page: 1 }, contextFor(t)));
    expect(mock.count(GATEWAY)).toBe(3);
  });

  it('pages with one pageId per session; a fresh pageId on page 2 repeats page 1', async () => {
    const t = nodeTransport(mock.port);
    const provider = create1688Provider();
    const p1 = ok(await provider.searchByKeywords('帽子', { pageSize: 20 }, contextFor(t)));
    const p2 = ok(
      await provider.searchByKeywords(
        '帽子',
        { pageSize: 20, page: 2, pageId: p1.pageId ?? '' },
        contextFor(t),
      ),
    );
    const ids1 = new Set(p1.offers.map((o) => o.offerId));
    expect(p2.offers.filter((o) => ids1.has(o.offerId))).toHaveLength(0);
    const fresh = ok(await provider.searchByKeywords('帽子', { pageSize: 20, page: 2 }, contextFor(t)));
    expect(fresh.offers.filter((o) => ids1.has(o.offerId)).length).toBeGreaterThanOrEqual(15);
    const sent = mock.requests
      .filter((q) => q.apiMethod === 'getOfferList')
      .map((q) => JSON.parse(JSON.parse(q.query.data ?? '{}').params));
    expect(sent[1]).toMatchObject({
      beginPage: 2,
      pageSize: 20,
      pageId: p1.pageId,
      method: 'getOfferList',
      keywords: '帽子',
    });
  });

  it('POST with a form body answers JSONP and parses the same', async () => {
    const t = nodeTransport(mock.port);
    const r = ok(
      await create1688Provider({ method: 'POST' }).searchByKeywords('杯子', { sort: 'sales' }, contextFor(t)),
    );
    expect(r.offers.length).toBe(60);
    const last = mock.requests.at(-1);
    expect(last?.method).toBe('POST');
    expect(last?.query.dataType).toBe('jsonp');
    expect(last?.query.data).toBeUndefined();
  });

  it('re-handshakes when the token has expired', async () => {
    const t = nodeTransport(mock.port);
    const provider = create1688Provider();
    ok(await provider.searchByKeywords('帽子', {}, contextFor(t)));
    mock.sources['1688'].expireTokens();
    ok(await provider.searchByKeywords('帽子', {}, contextFor(t)));
    expect(mock.requests.map((q) => q.ret)).toEqual([
      'FAIL_SYS_TOKEN_EMPTY',
      'SUCCESS',
      'FAIL_SYS_TOKEN_EXOIRED',
      'SUCCESS',
    ]);
  });

  it('rejects a wrong sign with FAIL_SYS_ILLEGAL_ACCESS: signed again once, then needs-login (never a slider)', async () => {
    const t = nodeTransport(mock.port);
    const provider = create1688Provider();
    ok(await provider.searchByKeywords('帽子', {}, contextFor(t)));
    t.tamper = (req) => ({ ...req, query: { ...req.query, sign: '0'.repeat(32) } });
    const r = await provider.searchByKeywords('帽子', {}, contextFor(t));
    expect(mock.requests.slice(-2).map((q) => q.ret)).toEqual([
      'FAIL_SYS_ILLEGAL_ACCESS',
      'FAIL_SYS_ILLEGAL_ACCESS',
    ]);
    expect(r).toEqual({ state: 'needs-login', url: 'https://login.1688.com/member/signin.htm' });
    expect(mock.count(GATEWAY)).toBe(4);
  });

  it('a stale signature signed again with the re-read token goes through', async () => {
    const t = nodeTransport(mock.port);
    const provider = create1688Provider();
    ok(await provider.searchByKeywords('帽子', {}, contextFor(t)));
    let tampered = 0;
    t.tamper = (req) => (tampered++ === 0 ? { ...req, query: { ...req.query, sign: '0'.repeat(32) } } : req);
    const r = ok(await provider.searchByKeywords('帽子', {}, contextFor(t)));
    expect(r.offers).toHaveLength(60);
    expect(mock.requests.slice(-2).map((q) => q.ret)).toEqual(['FAIL_SYS_ILLEGAL_ACCESS', 'SUCCESS']);
  });

  it('suggests keywords (appId 39799)', async () => {
    const t = nodeTransport(mock.port);
    const r = await create1688Provider().suggest('帽子', contextFor(t));
    expect(r).toEqual({ state: 'ok', suggestions: ['帽子女', '帽子男', '帽子儿童', '帽子批发'] });
  });
});

describe('image search through the mock gateway', () => {
  it('uploads a JPEG, then searches by imageId', async () => {
    const t = nodeTransport(mock.port);
    const r = ok(
      await create1688Provider().searchByImage(`data:image/jpeg;base64,${JPEG_B64}`, {}, contextFor(t)),
    );
    expect(r.imageId).toMatch(/^\d+$/);
    expect(r.offers).toHaveLength(60);
    const methods = mock.requests.filter((q) => q.ret === 'SUCCESS').map((q) => q.apiMethod);
    expect(methods).toEqual(['uploadBase64WithRequest', 'imageOfferSearchService']);
    expect(mock.requests.find((q) => q.apiMethod === 'uploadBase64WithRequest')?.method).toBe('POST');
  });

  it('the gateway answers a PNG upload with SUCCESS + success:false "store image error"', async () => {
    const t = nodeTransport(mock.port);
    const data = recommendData(SEARCH_APP_ID, imageUploadParams(PNG_B64));
    const out = await callMtop(contextFor(t), { api: RECOMMEND_API, v: '2.0', data, method: 'POST' });
    expect(out.state).toBe('ok');
    if (out.state === 'ok') {
      expect(out.envelope.ret).toEqual(['SUCCESS::调用成功']);
      expect(out.envelope.data).toEqual({ success: false, errorMessage: 'store image error' });
    }
  });

  it('the provider refuses a PNG before uploading', async () => {
    const t = nodeTransport(mock.port);
    const r = await create1688Provider().searchByImage(PNG_B64, {}, contextFor(t));
    expect(r).toEqual({ state: 'error', kind: 'input', message: 'image search needs a JPEG' });
    expect(mock.count()).toBe(0);
  });

  it('an unknown imageId finds nothing', async () => {
    const t = nodeTransport(mock.port);
    const r = ok(await create1688Provider().searchByImage('', { imageId: '123' }, contextFor(t)));
    expect(r.offers).toEqual([]);
  });
});

describe('walls become typed states', () => {
  const cases: [WallKind | null, string, Record<string, unknown>][] = [
    ['punish', 'needs-verification', { reason: 'url' }],
    ['slider', 'needs-verification', { reason: 'slider-markup' }],
    ['rgv587', 'needs-verification', { reason: 'ret:RGV587_ERROR' }],
    ['user-validate', 'needs-verification', { reason: 'ret:FAIL_SYS_USER_VALIDATE' }],
    ['login', 'needs-login', { url: expect.stringMatching(/^https:\/\/login\.1688\.com\//) }],
    ['throttled', 'throttled', { retryAfterMs: 60_000 }],
  ];
  for (const [kind, state, extra] of cases) {
    it(`${kind} → ${state}`, async () => {
      const t = nodeTransport(mock.port);
      mock.setWall(kind);
      const r = await create1688Provider().searchByKeywords('帽子', {}, contextFor(t));
      expect(r).toMatchObject({ state, ...extra });
      if (r.state === 'needs-verification') expect(r.url.startsWith('https://')).toBe(true);
      if (kind === 'punish' || kind === 'rgv587')
        expect(r).toMatchObject({ url: expect.stringContaining('punish') });
    });
  }

  it('a run of empty answers → possible block', async () => {
    const t = nodeTransport(mock.port);
    const provider = create1688Provider({ emptyRunThreshold: 3 });
    mock.setWall('empty');
    const a = await provider.searchByKeywords('帽子', {}, contextFor(t));
    const b = await provider.searchByKeywords('帽子', {}, contextFor(t));
    expect([a.state, b.state]).toEqual(['ok', 'ok']);
    expect(ok(a).offers).toEqual([]);
    const c = await provider.searchByKeywords('帽子', {}, contextFor(t));
    expect(c).toMatchObject({ state: 'needs-verification', reason: 'possible-block' });
  });

  it('a wall can be asked for per request (X-Mock-Wall header)', async () => {
    const t = nodeTransport(mock.port);
    const r = await create1688Provider().readOffer(FIXTURE_CONTEXT_ID, {
      transport: { request: (req, s) => t.request({ ...req, headers: { 'x-mock-wall': 'login' } }, s) },
      tokens: t.tokens,
    });
    expect(r.state).toBe('needs-login');
  });
});

describe('offer pages through the mock', () => {
  it('serves both generations and delisted pages', async () => {
    const t = nodeTransport(mock.port);
    const p = create1688Provider();
    const ctx = await p.readOffer(FIXTURE_CONTEXT_ID, contextFor(t));
    expect(ctx).toMatchObject({
      state: 'ok',
      generation: 'context',
      offer: { moq: 100, priceMinMinor: 880, dropship: true },
    });
    const init = await p.readOffer({ offerId: FIXTURE_INIT_DATA_ID }, contextFor(t));
    expect(init).toMatchObject({
      state: 'ok',
      generation: 'init-data',
      offer: { priceMinMinor: 230, priceMaxMinor: 2052 },
    });
    expect(await p.readOffer('700000000002', contextFor(t))).toMatchObject({
      state: 'ok',
      generation: 'context',
    });
    expect(await p.readOffer('700000000003', contextFor(t))).toMatchObject({
      state: 'ok',
      generation: 'init-data',
    });
    expect(await p.readOffer(DELISTED_ID, contextFor(t))).toEqual({
      state: 'delisted',
      offerId: DELISTED_ID,
    });
    expect(await p.readOffer(WRONGPAGE_ID, contextFor(t))).toEqual({
      state: 'delisted',
      offerId: WRONGPAGE_ID,
    });
    expect(await p.readOffer('not-an-id', contextFor(t))).toMatchObject({ state: 'error' });
    expect(mock.count('detail.1688.com/offer/833454967766.html')).toBe(1);
  });

  it('pages handed over as HTML or data are read without the network', async () => {
    const p = create1688Provider();
    const none = {
      transport: { request: () => Promise.reject(new Error('no network')) },
      tokens: { getToken: async () => null },
    };
    const html = await nodeTransport(mock.port).request({
      method: 'GET',
      url: 'https://detail.1688.com/offer/700000000004.html',
      query: {},
      expect: 'page',
    });
    expect(await p.readOffer({ html: html.text, url: html.finalUrl }, none)).toMatchObject({
      state: 'ok',
      offer: { offerId: '700000000004' },
    });
    mock.setWall('slider');
    const wall = await nodeTransport(mock.port).request({
      method: 'GET',
      url: 'https://detail.1688.com/offer/700000000004.html',
      query: {},
      expect: 'page',
    });
    expect(await p.readOffer({ html: wall.text, url: wall.finalUrl }, none)).toMatchObject({
      state: 'needs-verification',
    });
  });

  it('offer pages behind a punish wall', async () => {
    const t = nodeTransport(mock.port);
    mock.setWall('punish');
    const r = await create1688Provider().readOffer(FIXTURE_CONTEXT_ID, contextFor(t));
    expect(r).toMatchObject({
      state: 'needs-verification',
      url: expect.stringContaining('_____tmd_____/punish'),
    });
  });

  it('search results agree with offer pages', async () => {
    const t = nodeTransport(mock.port);
    const p = create1688Provider();
    const r = ok(await p.searchByKeywords('水杯', { pageSize: 4 }, contextFor(t)));
    for (const o of r.offers) {
      const d = await p.readOffer(o.offerId, contextFor(t));
      expect(d.state).toBe('ok');
      if (d.state === 'ok') {
        expect(d.offer.title).toBe(o.title);
        expect(d.offer.priceTiers).toEqual(o.priceTiers);
      }
    }
  });
});

describe('person-facing pages', () => {
  it('s.1688.com decodes GBK keywords and shows offer cards', async () => {
    const t = nodeTransport(mock.port);
    const res = await t.request({ method: 'GET', url: searchPageUrl('帽子'), query: {}, expect: 'page' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('data-keywords="帽子"');
    expect(res.text.match(/class="offer-card"/g)).toHaveLength(60);
  });

  it('the h5api origin serves a small page at /', async () => {
    const t = nodeTransport(mock.port);
    const res = await t.request({
      method: 'GET',
      url: 'https://h5api.m.1688.com/',
      query: {},
      expect: 'page',
    });
    expect(res.status).toBe(200);
    expect(res.text).toContain('<title>');
  });
});

describe('mounting the handler in another server', () => {
  it('the mock handler works inside a combined server', async () => {
    const combined = createMockSources();
    const server = await listen((req, res) => {
      if (req.url?.startsWith('/shop')) {
        res.end('shop page');
        return;
      }
      combined.handle(req, res);
    });
    try {
      const t = nodeTransport(server.port);
      const r = ok(await create1688Provider().searchByKeywords('帽子', {}, contextFor(t)));
      expect(r.offers.length).toBe(60);
      expect(combined.counts()[GATEWAY]).toBe(2);
    } finally {
      await server.close();
    }
  });
});
