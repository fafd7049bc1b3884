import { describe, expect, it } from 'vitest';
import { createAlibabaProvider } from '../../../../core/sources/alibaba/index';
import { parseSuggestAnswer } from '../../../../core/sources/alibaba/parse-suggest';
import { SUGGEST_SITE, SUGGEST_URL } from '../../../../core/sources/alibaba/urls';
import { answering } from '../../../support/fake-transport';
import { alibabaJson, alibabaText } from './fixtures';

describe('keyword suggestions: associationSuggestionViewService on open-s.alibaba.com', () => {
  it('reads the plain keywords, each once, entities decoded, items without one skipped', () => {
    expect(parseSuggestAnswer(alibabaJson('suggest.json'))).toEqual({
      state: 'ok',
      suggestions: ['led lamp', 'led lamp bulb', 'LED lamp & shade'],
    });
    expect(parseSuggestAnswer({ code: 200, data: { list: [] } })).toEqual({ state: 'ok', suggestions: [] });
    const many = Array.from({ length: 15 }, (_, i) => ({ suggestKeyword: `k${i}` }));
    expect(parseSuggestAnswer({ code: '200', data: { list: many } })).toMatchObject({
      suggestions: expect.arrayContaining(['k0', 'k9']),
    });
    expect(
      (parseSuggestAnswer({ data: { list: many } }) as { suggestions: string[] }).suggestions,
    ).toHaveLength(10);
  });

  it('a code of its own is a refusal; a renamed list or renamed items are unrecognised', () => {
    expect(parseSuggestAnswer({ code: 500, msg: 'system error' })).toEqual({
      state: 'failed',
      message: 'system error',
    });
    expect(parseSuggestAnswer({ code: 200, data: { suggestions: [] } })).toEqual({
      state: 'unrecognised',
      reason: 'no data.list',
    });
    expect(parseSuggestAnswer({ code: 200, data: { list: [{ keyword: 'a' }, { keyword: 'b' }] } })).toEqual({
      state: 'unrecognised',
      reason: 'most items lack suggestKeyword',
    });
    expect(parseSuggestAnswer('text')).toMatchObject({ state: 'unrecognised' });
  });

  it('GETs the gateway with the query public code sends, on the suggestion host (outside the www site)', async () => {
    const { sent, ctx } = answering({ text: alibabaText('suggest.json') });
    expect(await createAlibabaProvider().suggest('  led <b>lamp</b> ', ctx)).toEqual({
      state: 'ok',
      suggestions: ['led lamp', 'led lamp bulb', 'LED lamp & shade'],
    });
    expect(sent).toEqual([
      {
        method: 'GET',
        url: 'https://open-s.alibaba.com/openservice/associationSuggestionViewService',
        query: {
          keywords: 'led lamp',
          tab: 'all',
          bizScene: '',
          pageSize: '10',
          showAd: 'false',
          showGgs: 'false',
        },
        expect: 'gateway',
        step: 'suggest',
      },
    ]);
    expect(SUGGEST_URL.startsWith(SUGGEST_SITE.slice(0, -1))).toBe(true);
  });

  it('nothing typed asks nothing', async () => {
    const { sent, ctx } = answering({});
    expect(await createAlibabaProvider().suggest(' <i></i> ', ctx)).toEqual({ state: 'ok', suggestions: [] });
    expect(sent).toHaveLength(0);
  });

  it('walls, refusals, HTTP errors and answers that are not JSON become typed states', async () => {
    const p = createAlibabaProvider();
    expect(
      await p.suggest('lamp', answering({ text: alibabaText('throttled-rgv587.json') }).ctx),
    ).toMatchObject({ state: 'needs-verification', reason: 'ret:RGV587_ERROR' });
    expect(await p.suggest('lamp', answering({ status: 429, text: '' }).ctx)).toMatchObject({
      state: 'throttled',
    });
    expect(await p.suggest('lamp', answering({ text: '{"code":500,"msg":"busy now"}' }).ctx)).toEqual({
      state: 'error',
      kind: 'refused',
      message: 'suggestions: busy now',
    });
    expect(await p.suggest('lamp', answering({ status: 502, text: 'bad gateway' }).ctx)).toEqual({
      state: 'error',
      kind: 'http',
      message: 'suggestions: HTTP 502',
    });
    expect(await p.suggest('lamp', answering({ text: '<html><body>new</body></html>' }).ctx)).toEqual({
      state: 'error',
      kind: 'answer',
      message: 'suggestion answer is not JSON',
    });
    expect(await p.suggest('lamp', answering({ text: '{"code":200,"data":{"words":[]}}' }).ctx)).toEqual({
      state: 'unrecognised',
      call: 'suggest',
      shape: '{code:number,data:{words:[]}}',
      reason: 'no data.list',
    });
  });
});
