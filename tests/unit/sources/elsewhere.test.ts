import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { elsewhereLinks } from '../../../core/sources/elsewhere';
import { SOURCE_IDS } from '../../../core/sources/index';

describe('open this search on other wholesale sites', () => {
  it('builds each site search URL with the query UTF-8 encoded', () => {
    const links = elsewhereLinks('  保温杯 316 ', '1688');
    expect(links.map((l) => l.id)).toEqual(['alibaba', 'yiwugo', 'made-in-china', 'dhgate', 'aliexpress']);
    expect(links[0]?.url).toBe(
      'https://www.alibaba.com/trade/search?SearchText=%E4%BF%9D%E6%B8%A9%E6%9D%AF%20316',
    );
  });

  it('gives nothing for an empty query', () => expect(elsewhereLinks('   ', '1688')).toEqual([]));

  it('offers every registered source but the one being searched, with its own results page', () => {
    const links = elsewhereLinks('保温杯', 'alibaba');
    expect(links.map((l) => l.id)).toEqual(['1688', 'yiwugo', 'made-in-china', 'dhgate', 'aliexpress']);
    // 1688's results page reads its query as GBK.
    expect(links[0]?.url).toBe('https://s.1688.com/selloffer/offer_search.htm?keywords=%B1%A3%CE%C2%B1%AD');
  });

  it('only ever makes https URLs on the site itself, whatever the query', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(...SOURCE_IDS), (q, searching) => {
        for (const link of elsewhereLinks(q, searching)) {
          const url = new URL(link.url);
          expect(url.protocol).toBe('https:');
          expect(url.host).toMatch(/(1688|alibaba|yiwugo|made-in-china|dhgate|aliexpress)\.com$/);
        }
      }),
    );
  });
});
