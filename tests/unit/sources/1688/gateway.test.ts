import { describe, expect, it } from 'vitest';
import {
  buildMtopRequest,
  callMtop,
  mtopUrl,
  parseEnvelope,
  RECOMMEND_API,
  TOKEN_RETRIES,
  unwrapJsonp,
} from '../../../../core/sources/1688/gateway';
import { mtopSign } from '../../../../core/sources/1688/sign';
import type { GatewayRequest, GatewayResponse, ProviderContext } from '../../../../core/sources/provider';
import { requestBody, requestUrl } from '../../../../core/sources/provider';
import { fixtureJson, fixtureText } from './fixtures';

const TOKEN = '0123456789abcdef0123456789abcdef';

describe('building requests', () => {
  const call = { api: RECOMMEND_API, v: '2.0', data: '{"appId":32517,"params":"{}"}' };

  it('GET carries data in the query and signs exactly that string', () => {
    const req = buildMtopRequest({ ...call, method: 'GET' }, { token: TOKEN, t: 1700000000000 });
    expect(req.method).toBe('GET');
    expect(req.url).toBe(
      'https://h5api.m.1688.com/h5/mtop.relationrecommend.wirelessrecommend.recommend/2.0/',
    );
    expect(req.query).toMatchObject({
      appKey: '12574478',
      t: '1700000000000',
      api: 'mtop.relationrecommend.WirelessRecommend.recommend',
      v: '2.0',
      type: 'originaljson',
      dataType: 'json',
      data: call.data,
    });
    expect(req.query.sign).toBe(mtopSign(TOKEN, '1700000000000', '12574478', call.data));
    expect(req.form).toBeUndefined();
    const u = new URL(requestUrl(req));
    expect(u.searchParams.get('data')).toBe(call.data);
  });

  it('POST sends data as a form body and asks for JSONP', () => {
    const req = buildMtopRequest({ ...call, method: 'POST' }, { token: TOKEN, t: 5, callbackIndex: 7 });
    expect(req.query.data).toBeUndefined();
    expect(req.query.dataType).toBe('jsonp');
    expect(req.query.timeout).toBe('20000');
    expect(req.query.callback).toBe('mtopjsonp7');
    expect(req.form).toEqual({ data: call.data });
    expect(new URLSearchParams(requestBody(req)).get('data')).toBe(call.data);
  });

  it('lower-cases the API in the path', () => {
    expect(mtopUrl('mtop.A.B', '1.0')).toBe('https://h5api.m.1688.com/h5/mtop.a.b/1.0/');
  });
});

describe('JSONP and envelopes', () => {
  it('unwraps mtopjsonpN(...)', () => {
    expect(unwrapJsonp('mtopjsonp12({"a":1})')).toBe('{"a":1}');
    expect(unwrapJsonp(' mtopjsonp1( {"a":1} ); ')).toBe('{"a":1}');
    expect(unwrapJsonp('{"a":1}')).toBe('{"a":1}');
    const env = parseEnvelope(fixtureText('search-keyword.jsonp.txt'));
    expect(env?.ret).toEqual(['SUCCESS::调用成功']);
  });

  it('is null for anything that is not an envelope', () => {
    expect(parseEnvelope('<html></html>')).toBeNull();
    expect(parseEnvelope('{"data":{}}')).toBeNull();
    expect(parseEnvelope('')).toBeNull();
  });
});

/** A fake gateway: answers a queue of bodies, records requests, and lets a test change the cookie. */
function fakeGateway(answers: (string | ((req: GatewayRequest) => Partial<GatewayResponse>))[]) {
  const seen: GatewayRequest[] = [];
  let cookie: string | null = null;
  const ctx: ProviderContext = {
    transport: {
      async request(req) {
        seen.push(req);
        const a = answers.shift();
        if (a === undefined) throw new Error('no more answers');
        const r = typeof a === 'string' ? { text: a } : a(req);
        return { status: 200, finalUrl: requestUrl(req), text: '', ...r };
      },
    },
    tokens: {
      async getToken() {
        return cookie;
      },
    },
    now: () => 1700000000000,
  };
  return {
    ctx,
    seen,
    setCookie(v: string | null) {
      cookie = v;
    },
  };
}

const SUCCESS = JSON.stringify(fixtureJson('search-keyword.json'));
const TOKEN_EMPTY = JSON.stringify(fixtureJson('ret-token-empty.json'));
const call = { api: RECOMMEND_API, v: '2.0', data: '{}', method: 'GET' as const };

describe('token handshake', () => {
  it('re-reads the cookie and retries after a TOKEN answer', async () => {
    const g = fakeGateway([
      (req) => {
        // The gateway sets the cookie with its TOKEN_EMPTY answer.
        expect(req.query.sign).toBe(mtopSign(null, '1700000000000', '12574478', '{}'));
        g.setCookie(`${TOKEN}_1800000000000`);
        return { text: TOKEN_EMPTY };
      },
      SUCCESS,
    ]);
    const out = await callMtop(g.ctx, call);
    expect(out.state).toBe('ok');
    expect(g.seen).toHaveLength(2);
    expect(g.seen[1]?.query.sign).toBe(mtopSign(TOKEN, '1700000000000', '12574478', '{}'));
  });

  it(`gives up after ${TOKEN_RETRIES} retries`, async () => {
    const g = fakeGateway(Array.from({ length: 10 }, () => TOKEN_EMPTY));
    const out = await callMtop(g.ctx, call);
    expect(out).toMatchObject({ state: 'error' });
    expect(g.seen).toHaveLength(1 + TOKEN_RETRIES);
  });

  it('retries on expired (sic: EXOIRED) and illegal tokens too', async () => {
    const illegal = JSON.stringify({ ret: ['FAIL_SYS_TOKEN_ILLEGAL::非法令牌'], data: {} });
    const g = fakeGateway([JSON.stringify(fixtureJson('ret-token-expired.json')), illegal, SUCCESS]);
    expect((await callMtop(g.ctx, call)).state).toBe('ok');
    expect(g.seen).toHaveLength(3);
  });

  it('never retries a wall', async () => {
    const g = fakeGateway([JSON.stringify(fixtureJson('ret-rgv587.json')), SUCCESS]);
    const out = await callMtop(g.ctx, call);
    expect(out.state).toBe('needs-verification');
    expect(g.seen).toHaveLength(1);
  });

  it('reports transport failures and abort as errors', async () => {
    const g = fakeGateway([]);
    expect(await callMtop(g.ctx, call)).toMatchObject({ state: 'error' });
    const ac = new AbortController();
    ac.abort();
    expect(await callMtop({ ...g.ctx, signal: ac.signal }, call)).toEqual({
      state: 'error',
      kind: 'aborted',
      message: 'aborted',
    });
  });

  it('treats an unreadable body as an error, not ok', async () => {
    const g = fakeGateway(['garbage']);
    expect(await callMtop(g.ctx, call)).toMatchObject({ state: 'error' });
  });
});

describe('FAIL_SYS_ILLEGAL_ACCESS: the gateway refused the signature, not a slider', () => {
  const ILLEGAL = JSON.stringify(fixtureJson('ret-illegal-access.json'));

  it('re-reads the token and signs again once; a good answer then goes through', async () => {
    const g = fakeGateway([
      (req) => {
        // Signed with a stale token: the cookie has changed since.
        expect(req.query.sign).toBe(mtopSign(TOKEN, '1700000000000', '12574478', '{}'));
        g.setCookie(`${'f'.repeat(32)}_1800000000000`);
        return { text: ILLEGAL };
      },
      SUCCESS,
    ]);
    g.setCookie(`${TOKEN}_1800000000000`);
    const out = await callMtop(g.ctx, call);
    expect(out.state).toBe('ok');
    expect(g.seen).toHaveLength(2);
    expect(g.seen[1]?.query.sign).toBe(mtopSign('f'.repeat(32), '1700000000000', '12574478', '{}'));
  });

  it('a second one means the session cannot sign: needs-login, never needs-verification', async () => {
    const g = fakeGateway([ILLEGAL, ILLEGAL, SUCCESS]);
    const out = await callMtop(g.ctx, call);
    expect(out).toEqual({ state: 'needs-login', url: 'https://login.1688.com/member/signin.htm' });
    expect(g.seen).toHaveLength(2);
  });

  it('a TOKEN handshake before it does not use up the one signing again', async () => {
    const g = fakeGateway([TOKEN_EMPTY, ILLEGAL, SUCCESS]);
    expect((await callMtop(g.ctx, call)).state).toBe('ok');
    expect(g.seen).toHaveLength(3);
  });
});

describe('rate limits and deny answers from the gateway', () => {
  it('FAIL_SYS_FLOWLIMIT is throttled with the default back-off, asked once', async () => {
    const g = fakeGateway([JSON.stringify(fixtureJson('ret-flowlimit.json')), SUCCESS]);
    expect(await callMtop(g.ctx, call)).toEqual({
      state: 'throttled',
      retryAfterMs: 60_000,
      reason: 'ret:FAIL_SYS_FLOWLIMIT',
    });
    expect(g.seen).toHaveLength(1);
  });

  it('a risk answer whose check page says action=deny is the terminal deny', async () => {
    const denyUrl =
      'https://h5api.m.1688.com:443//h5/mtop.relationrecommend.wirelessrecommend.recommend/2.0/_____tmd_____/punish?x5secdata=x&x5step=2&action=deny';
    const g = fakeGateway([JSON.stringify({ ret: ['RGV587_ERROR::SM::被挤爆啦'], data: { url: denyUrl } })]);
    expect(await callMtop(g.ctx, call)).toEqual({
      state: 'needs-verification',
      url: new URL(denyUrl).href,
      reason: 'deny',
    });
  });

  it('a body that is not an envelope but carries rgv587_flag is a wall, not "not a gateway answer"', async () => {
    const g = fakeGateway(['<html><script>var rgv587_flag = "sm";</script></html>']);
    expect(await callMtop(g.ctx, call)).toMatchObject({
      state: 'needs-verification',
      reason: 'body:rgv587_flag',
    });
  });

  it('the punish headers on an answer are a wall', async () => {
    const g = fakeGateway([() => ({ text: '{}', headers: { bxpunish: '1' } })]);
    expect(await callMtop(g.ctx, call)).toMatchObject({
      state: 'needs-verification',
      reason: 'header:bxpunish',
    });
  });
});
