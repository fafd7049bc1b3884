import { describe, expect, it } from 'vitest';
import { parseOfferPage } from '../../../../core/sources/1688/parse-offer-page';
import {
  classifyBodyWithoutData,
  classifyHttp,
  classifyRet,
  EmptyRunDetector,
  hasSliderMarkup,
  isDelistedPage,
  throttledByMessage,
} from '../../../../core/sources/1688/walls';
import type { GatewayResponse } from '../../../../core/sources/provider';
import { punishTitleKind, retCodeKind } from '../../../../core/sources/walls';
import { fixtureJson, fixtureText } from './fixtures';

const page = (text: string, extra: Partial<GatewayResponse> = {}): GatewayResponse => ({
  status: 200,
  finalUrl: 'https://detail.1688.com/offer/833454967766.html',
  text,
  ...extra,
});

function ret(name: string) {
  const env = fixtureJson(name) as { ret: string[]; data: unknown };
  return classifyRet(env.ret, env.data);
}

describe('HTTP-level walls', () => {
  it('punish / tmd / x5secdata / nocaptcha URLs after redirects', () => {
    for (const url of [
      'https://detail.1688.com/_____tmd_____/punish?x5secdata=abc&x5step=1',
      'https://s.1688.com/youyuan/index.htm?x5secdata=xyz',
      'https://h5api.m.1688.com/_____sec_____/check',
      'https://detail.1688.com/nocaptcha/verify',
    ]) {
      const w = classifyHttp(page('<html></html>', { finalUrl: url }));
      expect(w, url).toMatchObject({ state: 'needs-verification', reason: 'url' });
      if (w?.state === 'needs-verification') expect(w.url).toBe(url);
    }
  });

  it('a search whose own keywords say "punish" or "nocaptcha" is not a wall', () => {
    const data = encodeURIComponent(
      JSON.stringify({ keywords: 'punish nocaptcha _____tmd_____ x5secdata=1' }),
    );
    const url = `https://h5api.m.1688.com/h5/mtop.relationrecommend.wirelessrecommend.recommend/2.0/?data=${data}`;
    expect(classifyHttp(page('{"ret":["SUCCESS::调用成功"],"data":{}}', { finalUrl: url }))).toBeNull();
  });

  it('the punish page by title and slider markup', () => {
    expect(classifyHttp(page(fixtureText('wall-punish.html')))).toMatchObject({
      state: 'needs-verification',
      reason: 'title',
    });
    expect(classifyHttp(page(fixtureText('wall-slider.html')))).toMatchObject({
      state: 'needs-verification',
      reason: 'slider-markup',
    });
    expect(classifyHttp(page(fixtureText('wall-risk-title.html')))).toMatchObject({
      state: 'needs-verification',
    });
  });

  it('login redirects', () => {
    for (const url of [
      'https://login.1688.com/member/signin.htm?Done=x',
      'https://login.taobao.com/member/login.jhtml',
      'https://passport.1688.com/member/signin.htm',
    ]) {
      expect(classifyHttp(page(fixtureText('login-page.html'), { finalUrl: url }))).toMatchObject({
        state: 'needs-login',
      });
    }
  });

  it('HTTP 403 / 429 and short rate-limit text are throttling', () => {
    expect(classifyHttp(page('', { status: 429, headers: { 'retry-after': '120' } }))).toEqual({
      state: 'throttled',
      retryAfterMs: 120_000,
      reason: 'http-429',
    });
    expect(classifyHttp(page('forbidden', { status: 403 }))).toMatchObject({
      state: 'throttled',
      retryAfterMs: 60_000,
    });
    expect(classifyHttp(page(fixtureText('throttled-body.txt')))).toMatchObject({ state: 'throttled' });
  });

  it('normal pages that mention 验证码 / 安全验证 / 滑块验证 in their body are not walls', () => {
    expect(classifyHttp(page(fixtureText('normal-page-with-words.html')))).toBeNull();
    expect(hasSliderMarkup(fixtureText('normal-page-with-words.html'))).toBe(false);
    expect(classifyHttp(page(fixtureText('detail-context-833454967766.html')))).toBeNull();
    expect(classifyHttp(page(fixtureText('detail-initdata-597090034012.html')))).toBeNull();
    expect(classifyHttp(page(fixtureText('search-keyword.json')))).toBeNull();
  });

  it('a gateway JSON answer quoting rate-limit words is judged by its ret, not by words', () => {
    expect(
      classifyHttp(page(JSON.stringify({ ret: ['SUCCESS::调用成功'], data: { note: '请稍后再试' } }))),
    ).toBeNull();
  });
});

describe('ret codes', () => {
  it('SUCCESS is ok; TOKEN codes ask for a handshake', () => {
    expect(ret('search-keyword.json')).toEqual({ kind: 'ok' });
    expect(ret('ret-token-empty.json')).toEqual({ kind: 'token', code: 'FAIL_SYS_TOKEN_EMPTY' });
    expect(ret('ret-token-expired.json')).toEqual({ kind: 'token', code: 'FAIL_SYS_TOKEN_EXOIRED' });
  });

  it('RGV587 and USER_VALIDATE are verification walls carrying data.url', () => {
    const punish =
      'https://h5api.m.1688.com:443//h5/mtop.relationrecommend.wirelessrecommend.recommend/2.0/_____tmd_____/punish?x5secdata=fixture0000&x5step=1';
    for (const name of ['ret-rgv587.json', 'ret-user-validate.json']) {
      const v = ret(name);
      expect(v.kind).toBe('wall');
      if (v.kind === 'wall') {
        expect(v.wall.state).toBe('needs-verification');
        if (v.wall.state === 'needs-verification')
          expect(new URL(v.wall.url).href).toBe(new URL(punish).href);
      }
    }
  });

  it('ILLEGAL_ACCESS asks to sign again (not a wall); FLOWLIMIT / TRAFFIC_LIMIT are throttling', () => {
    expect(ret('ret-illegal-access.json')).toEqual({ kind: 'resign', code: 'FAIL_SYS_ILLEGAL_ACCESS' });
    expect(ret('ret-flowlimit.json')).toEqual({
      kind: 'wall',
      wall: { state: 'throttled', retryAfterMs: 60_000, reason: 'ret:FAIL_SYS_FLOWLIMIT' },
    });
    expect(classifyRet(['FAIL_SYS_TRAFFIC_LIMIT::x'], {})).toMatchObject({
      kind: 'wall',
      wall: { state: 'throttled' },
    });
    // Rate-limit codes are tested before the risk patterns, whatever else the answer says.
    expect(
      classifyRet(['RGV587_ERROR::SM', 'FAIL_SYS_FLOWLIMIT::被挤爆啦'], {
        url: 'https://h5api.m.1688.com/x',
      }),
    ).toMatchObject({
      kind: 'wall',
      wall: { state: 'throttled', reason: 'ret:FAIL_SYS_FLOWLIMIT' },
    });
  });

  it('a RGV587 / USER_VALIDATE wall without a URL sends the person to the 1688 page or the search', () => {
    expect(classifyRet(['RGV587_ERROR::SM'], {})).toMatchObject({
      kind: 'wall',
      wall: { state: 'needs-verification', url: 'https://www.1688.com/' },
    });
    const withWords = classifyRet(['FAIL_SYS_USER_VALIDATE::x'], {}, { keywords: '帽子' });
    expect(withWords).toMatchObject({
      kind: 'wall',
      wall: { url: 'https://s.1688.com/selloffer/offer_search.htm?keywords=%C3%B1%D7%D3' },
    });
  });

  it('FAIL_SYS_API_NOT_FOUNDED is an error, not a wall', () => {
    expect(ret('ret-api-not-found.json')).toMatchObject({ kind: 'error', code: 'FAIL_SYS_API_NOT_FOUNDED' });
  });

  it('a wall URL on a foreign or non-https host is not passed on', () => {
    const v = classifyRet(['RGV587_ERROR::SM'], { url: 'javascript:alert(1)' });
    expect(v).toMatchObject({ kind: 'wall', wall: { url: 'https://www.1688.com/' } });
    const evil = classifyRet(['RGV587_ERROR::SM'], { url: 'https://evil.example/punish' });
    expect(evil).toMatchObject({ kind: 'wall', wall: { url: 'https://www.1688.com/' } });
  });

  it('rate-limit wording in ret messages is throttling; other failures are errors', () => {
    expect(classifyRet(['FAIL_BIZ_X::系统繁忙，请稍后再试'], {})).toMatchObject({
      kind: 'wall',
      wall: { state: 'throttled' },
    });
    expect(classifyRet(['FAIL_SYS_SESSION_EXPIRED::SESSION失效'], {})).toMatchObject({
      kind: 'wall',
      wall: { state: 'needs-login' },
    });
    expect(classifyRet(['FAIL_BIZ_SOMETHING::oops'], {})).toMatchObject({ kind: 'error' });
    expect(classifyRet(undefined, {})).toMatchObject({ kind: 'error' });
    expect(throttledByMessage('store image error')).toBeNull();
    expect(throttledByMessage('访问频繁')).toMatchObject({ state: 'throttled' });
  });
});

describe('possible block from a run of empty answers', () => {
  it('fires on the Nth empty answer in a row and resets on a full one', () => {
    const d = new EmptyRunDetector(3);
    expect(d.record(0)).toBe(false);
    expect(d.record(0)).toBe(false);
    expect(d.record(5)).toBe(false);
    expect(d.record(0)).toBe(false);
    expect(d.record(0)).toBe(false);
    expect(d.record(0)).toBe(true);
  });
});

describe('delisted pages', () => {
  it('by text or the wrongpage redirect', () => {
    expect(isDelistedPage('https://detail.1688.com/offer/1.html', fixtureText('detail-delisted.html'))).toBe(
      true,
    );
    expect(isDelistedPage('https://page.1688.com/shtml/static/wrongpage.html', '')).toBe(true);
    expect(
      isDelistedPage('https://detail.1688.com/offer/1.html', fixtureText('detail-context-833454967766.html')),
    ).toBe(false);
  });
});

describe("the punish system's own titles, in Chinese (simplified and traditional) and English", () => {
  const titled = (title: string) =>
    page(`<!DOCTYPE html><html><head><title>${title}</title></head><body></body></html>`);

  it('deny titles are the terminal deny, told apart from a check', () => {
    for (const title of ['访问被拒绝', '訪問被拒絕', 'Access denied', ' ACCESS DENIED ']) {
      expect(classifyHttp(titled(title)), title).toMatchObject({
        state: 'needs-verification',
        reason: 'deny',
      });
    }
  });

  it('busy titles are a rate limit', () => {
    for (const title of ['系统正忙', '系統正忙', '系统繁忙', '系統繁忙', 'System is busy']) {
      expect(classifyHttp(titled(title)), title).toMatchObject({ state: 'throttled', reason: 'title-busy' });
    }
  });

  it('the check title in every language is a check', () => {
    for (const title of ['验证码拦截', 'Captcha Interception']) {
      expect(classifyHttp(titled(title)), title).toMatchObject({
        state: 'needs-verification',
        reason: 'title',
      });
    }
  });

  it('an offer whose own title contains those words is not a wall', () => {
    for (const title of [
      'Access denied 门禁卡 ic卡',
      '系统正忙提示灯 - 阿里巴巴',
      'System is busy sign 标牌',
    ]) {
      expect(punishTitleKind(title), title).toBeNull();
      expect(classifyHttp(titled(title)), title).toBeNull();
    }
  });

  it('a wall URL with action=deny is the deny', () => {
    const url = 'https://detail.1688.com/_____tmd_____/punish?x5secdata=x&x5step=2&action=deny';
    expect(classifyHttp(page('<html></html>', { finalUrl: url }))).toEqual({
      state: 'needs-verification',
      url,
      reason: 'deny',
    });
  });
});

describe('punish headers', () => {
  it('bxpunish and x-sec-reason are walls; bxpunish 0 and other headers are not', () => {
    const html = fixtureText('detail-context-833454967766.html');
    expect(classifyHttp(page(html, { headers: { bxpunish: '1' } }))).toMatchObject({
      state: 'needs-verification',
      reason: 'header:bxpunish',
    });
    expect(classifyHttp(page(html, { headers: { 'x-sec-reason': 'risk' } }))).toMatchObject({
      reason: 'header:x-sec-reason',
    });
    expect(classifyHttp(page(html, { headers: { bxpunish: '0', 'content-type': 'text/html' } }))).toBeNull();
  });
});

describe('punish marks in a 1688 body without page data', () => {
  const marks = [
    [
      '_____tmd_____',
      '<html><body><a href="https://detail.1688.com/_____tmd_____/page">继续</a></body></html>',
    ],
    [
      'punish?x5secdata',
      '<html><body><iframe src="//h5api.m.1688.com/punish?x5secdata=abc"></iframe></body></html>',
    ],
    [
      'sufei-punish',
      '<html><head><script src="//g.alicdn.com/sd/sufei-punish/1.0/index.js"></script></head></html>',
    ],
    ['rgv587_flag', '<html><script>var rgv587_flag = "sm";</script></html>'],
  ] as const;

  it.each(marks)('%s makes a page without data a wall', (mark, html) => {
    expect(classifyBodyWithoutData(html)).toMatchObject({
      state: 'needs-verification',
      reason: `body:${mark}`,
    });
    expect(parseOfferPage(html, { url: 'https://detail.1688.com/offer/833454967766.html' })).toMatchObject({
      state: 'needs-verification',
    });
  });

  it('a normal offer page that mentions them in a script is still read', () => {
    const html = fixtureText('detail-context-833454967766.html').replace(
      '</body>',
      '<script>var punishUrl="//x.1688.com/_____tmd_____/punish?x5secdata=1"; var rgv587_flag; loadScript("sufei-punish");</script></body>',
    );
    expect(classifyHttp(page(html))).toBeNull();
    expect(parseOfferPage(html)).toMatchObject({ state: 'ok', offer: { offerId: '833454967766' } });
  });

  it('the check address with action=deny makes it the deny', () => {
    const html =
      '<html><script>location.href="https://detail.1688.com/_____tmd_____/punish?x5secdata=1&action=deny"</script></html>';
    expect(classifyBodyWithoutData(html)).toMatchObject({ reason: 'deny' });
  });
});

describe('how a ret code reads', () => {
  it('rate limits and signature refusals before the risk patterns', () => {
    expect(retCodeKind('FAIL_SYS_FLOWLIMIT')).toBe('rate-limit');
    expect(retCodeKind('FAIL_SYS_TRAFFIC_LIMIT')).toBe('rate-limit');
    expect(retCodeKind('FAIL_SYS_ILLEGAL_ACCESS')).toBe('sign-rejected');
    expect(retCodeKind('RGV587_ERROR')).toBe('risk');
    expect(retCodeKind('FAIL_SYS_USER_VALIDATE')).toBe('risk');
    expect(retCodeKind('FAIL_BIZ_NOTHING')).toBeNull();
  });
});
