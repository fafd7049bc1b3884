import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { elsewhereLinks } from '../../../core/sources/elsewhere';

describe('open this search on other wholesale sites', () => {
  it('builds each site search URL with the query UTF-8 encoded', () => {
    const links = elsewhereLinks('  保温杯 316 ');
    expect(links.map((l) => l.id)).toEqual(['alibaba', 'yiwugo', 'made-in-china', 'dhgate', 'aliexpress']);
    expect(links[0]?.url).toBe(
      'https://www.alibaba.com/trade/search?SearchText=%E4%BF%9D%E6%B8%A9%E6%9D%AF%20316',
    );
  });

  it('gives nothing for an empty query', () => expect(elsewhereLinks('   ')).toEqual([]));

  it('only ever makes https URLs on the site itself, whatever the query', () => {
    fc.assert(
      fc.property(fc.string(), (q) => {
        for (const link of elsewhereLinks(q)) {
          const url = new URL(link.url);
          expect(url.protocol).toBe('https:');
          expect(url.host).toMatch(/(alibaba|yiwugo|made-in-china|dhgate|aliexpress)\.com$/);
        }
      }),
    );
  });
});
