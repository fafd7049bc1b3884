import { describe, expect, it } from 'vitest';
import { classifyAlibabaHttp, classifyAnswerBody } from '../../../../core/sources/alibaba/walls';
import type { GatewayResponse } from '../../../../core/sources/provider';
import { EmptyRunDetector } from '../../../../core/sources/walls';
import { alibabaText } from './fixtures';

const SEARCH = 'https://www.alibaba.com/trade/search?fsb=y&keywords=lamp';
const page = (text: string, extra: Partial<GatewayResponse> = {}): GatewayResponse => ({
  status: 200,
  finalUrl: SEARCH,
  text,
  ...extra,
});

describe('Alibaba.com walls at the HTTP level', () => {
  it('a punish / x5sec URL after redirects is a check, and its URL is the page to open', () => {
    const url = 'https://www.alibaba.com/trade/search/_____tmd_____/punish?x5secdata=abc&x5step=1';
    expect(classifyAlibabaHttp(page('<html></html>', { finalUrl: url }), { keywords: 'lamp' })).toEqual({
      state: 'needs-verification',
      url,
      reason: 'url',
    });
  });

  it('keywords that say "punish" are not a wall', () => {
    const url =
      'https://www.alibaba.com/trade/search?keywords=punish%20nocaptcha&originKeywords=x5secdata%3D1';
    expect(classifyAlibabaHttp(page(alibabaText('search-keyword.html'), { finalUrl: url }))).toBeNull();
  });

  it('the check page by its title (and slider markup)', () => {
    expect(classifyAlibabaHttp(page(alibabaText('wall-punish.html')))).toMatchObject({
      state: 'needs-verification',
      reason: 'title',
    });
    const untitled = alibabaText('wall-punish.html').replace(/<title>[^<]*<\/title>/, '');
    expect(classifyAlibabaHttp(page(untitled))).toMatchObject({ reason: 'slider-markup' });
  });

  it('a result page whose title carries the keywords "captcha interception" is not a wall', () => {
    const html = alibabaText('search-keyword.html').replace(
      /<title>[^<]*<\/title>/,
      '<title>Captcha Interception Kit - Buy on Alibaba.com</title>',
    );
    expect(classifyAlibabaHttp(page(html))).toBeNull();
  });

  it('login redirects to login/passport.alibaba.com', () => {
    for (const url of [
      'https://login.alibaba.com/newlogin/icbuLogin.htm?return_url=x',
      'https://passport.alibaba.com/ac/password_reset.htm',
    ]) {
      expect(classifyAlibabaHttp(page('<html></html>', { finalUrl: url }))).toEqual({
        state: 'needs-login',
        url,
      });
    }
  });

  it('HTTP 429 and 403 are throttling', () => {
    expect(classifyAlibabaHttp(page('', { status: 429, headers: { 'retry-after': '30' } }))).toEqual({
      state: 'throttled',
      retryAfterMs: 30_000,
      reason: 'http-429',
    });
    expect(classifyAlibabaHttp(page('Forbidden', { status: 403 }))).toMatchObject({
      state: 'throttled',
      retryAfterMs: 60_000,
    });
  });
});

describe('walls inside a 200 answer body', () => {
  it('a RGV587 ret with the check URL in data.url', () => {
    expect(classifyAnswerBody(alibabaText('throttled-rgv587.json'))).toEqual({
      state: 'needs-verification',
      url: 'https://www.alibaba.com//search/api/_____tmd_____/punish?x5secdata=fixture0000&x5step=1',
      reason: 'ret:RGV587_ERROR',
    });
  });

  it('a risk ret pointing off-site sends the person to the search page instead', () => {
    const text = JSON.stringify({
      ret: ['FAIL_SYS_USER_VALIDATE::x'],
      data: { url: 'https://evil.example/' },
    });
    expect(classifyAnswerBody(text, { keywords: 'lamp' })).toEqual({
      state: 'needs-verification',
      url: 'https://www.alibaba.com/trade/search?SearchText=lamp',
      reason: 'ret:FAIL_SYS_USER_VALIDATE',
    });
  });

  it('the punish marks in a body that is not JSON', () => {
    expect(classifyAnswerBody(alibabaText('wall-punish.html'))).toEqual({
      state: 'needs-verification',
      url: 'https://www.alibaba.com/trade/search/_____tmd_____/punish?x5secdata=fixture0000&x5step=1',
      reason: 'body:_____tmd_____',
    });
  });

  it('rate-limit codes are throttling, tested before the risk codes their message resembles', () => {
    const text = JSON.stringify({
      ret: ['FAIL_SYS_FLOWLIMIT::哎哟喂,被挤爆啦,请稍后重试', 'RGV587_ERROR::SM'],
    });
    expect(classifyAnswerBody(text)).toEqual({
      state: 'throttled',
      retryAfterMs: 60_000,
      reason: 'ret:FAIL_SYS_FLOWLIMIT',
    });
  });

  it('a check page whose address says action=deny is the terminal deny', () => {
    const url = 'https://www.alibaba.com/search/api/_____tmd_____/punish?x5secdata=x&action=deny';
    expect(classifyAnswerBody(JSON.stringify({ ret: ['RGV587_ERROR::SM'], data: { url } }))).toEqual({
      state: 'needs-verification',
      url,
      reason: 'deny',
    });
  });

  it('a refused signature on an unsigned API means the session cookie is missing: needs login', () => {
    expect(classifyAnswerBody(JSON.stringify({ ret: ['FAIL_SYS_ILLEGAL_ACCESS::x'] }))).toEqual({
      state: 'needs-login',
      url: 'https://login.alibaba.com/newlogin/icbuLogin.htm',
    });
  });

  it('a risk code in a body that is not JSON (a JSONP wrapper)', () => {
    expect(classifyAnswerBody('mtopjsonp1({"ret":["RGV587_ERROR::SM::x"]})', { keywords: 'lamp' })).toEqual({
      state: 'needs-verification',
      url: 'https://www.alibaba.com/trade/search?SearchText=lamp',
      reason: 'body:RGV587_ERROR',
    });
  });

  it('a removed product’s page is not a wall', () => {
    expect(classifyAlibabaHttp(page(alibabaText('product-not-available.html')))).toBeNull();
    expect(classifyAnswerBody(alibabaText('product-ladder.html'))).toBeNull();
  });

  it('ordinary answers are not walls, even when an offer title says RGV587_ERROR', () => {
    expect(classifyAnswerBody(alibabaText('image-search.json'))).toBeNull();
    expect(classifyAnswerBody(alibabaText('image-upload.json'))).toBeNull();
    expect(
      classifyAnswerBody(JSON.stringify({ model: { offers: [{ title: 'RGV587_ERROR poster' }] } })),
    ).toBeNull();
    expect(classifyAnswerBody(JSON.stringify({ ret: ['SUCCESS::ok'] }))).toBeNull();
    expect(classifyAnswerBody('')).toBeNull();
  });
});

describe('a run of empty answers', () => {
  it('counts different searches, not the same one repeated', () => {
    const d = new EmptyRunDetector(2);
    expect(d.record(0, 'kw:lamp')).toBe(false);
    expect(d.record(0, 'kw:lamp')).toBe(false);
    expect(d.record(0, 'kw:mug')).toBe(true);
    d.reset();
    expect(d.record(0, 'kw:a')).toBe(false);
    expect(d.record(3, 'kw:b')).toBe(false);
    expect(d.record(0, 'kw:c')).toBe(false);
  });
});
