import { describe, expect, it } from 'vitest';
import { urlMatchesAny, urlPatternLookup } from '../../../core/detect/url-patterns';

const matchesPattern = (pattern: string, url: string) => urlMatchesAny([pattern], url);

describe('match patterns', () => {
  it('follows the WebExtension rules', () => {
    expect(matchesPattern('*://*.example.com/*', 'https://example.com/')).toBe(true);
    expect(matchesPattern('*://*.example.com/*', 'http://a.b.example.com/x?y#z')).toBe(true);
    expect(matchesPattern('*://*.example.com/*', 'https://badexample.com/')).toBe(false);
    expect(matchesPattern('*://*.example.com/*', 'ftp://example.com/')).toBe(false);
    expect(matchesPattern('https://item.jd.com/*.html', 'https://item.jd.com/1.html')).toBe(true);
    expect(matchesPattern('https://item.jd.com/*.html', 'http://item.jd.com/1.html')).toBe(false);
    expect(matchesPattern('*://www.tiktok.com/@*/product/*', 'https://www.tiktok.com/@shop/product/1')).toBe(
      true,
    );
    expect(matchesPattern('*://www.tiktok.com/@*/product/*', 'https://www.tiktok.com/@shop/video/1')).toBe(
      false,
    );
    expect(matchesPattern('<all_urls>', 'https://x.y/')).toBe(true);
    expect(matchesPattern('not a pattern', 'https://x.y/')).toBe(false);
  });

  it('compares host names whatever their case or port, and the path whatever the query', () => {
    expect(matchesPattern('*://item.taobao.com/*', 'https://ITEM.Taobao.com:443/item.htm?id=1')).toBe(true);
    expect(
      matchesPattern(
        '*://h5.m.taobao.com/awp/core/detail.htm*',
        'https://h5.m.taobao.com/awp/core/detail.htm?id=1',
      ),
    ).toBe(true);
    // The library reads the path without the query: a pattern must not depend on it (the adapter convention
    // test checks that none does).
    expect(matchesPattern('*://x.example/item.htm', 'https://x.example/item.htm?id=1')).toBe(true);
  });

  it('matches nothing for URLs that do not parse, and tries every pattern', () => {
    expect(urlMatchesAny(['<all_urls>'], 'not a url')).toBe(false);
    expect(urlMatchesAny(['ftp://x.example/*', 'bad', '*://x.example/*'], 'https://x.example/a')).toBe(true);
    expect(urlMatchesAny([], 'https://x.example/a')).toBe(false);
  });
});

describe('urlPatternLookup', () => {
  const lookup = urlPatternLookup([
    ['jd', ['*://item.jd.com/*']],
    ['any-shop', ['*://*.shop.example/*']],
    ['everything-https', ['https://*/*']],
    ['amazon', ['*://*.amazon.co.uk/*']],
  ] as const);

  it('gives the first group, in the given order, with a matching pattern', () => {
    expect(lookup('https://item.jd.com/1.html')).toBe('jd');
    expect(lookup('http://a.b.shop.example/x')).toBe('any-shop');
    expect(lookup('http://shop.example/')).toBe('any-shop');
    // Any-host patterns are candidates for every URL, and order decides.
    expect(lookup('https://www.amazon.co.uk/dp/1')).toBe('everything-https');
    expect(lookup('http://www.amazon.co.uk/dp/1')).toBe('amazon');
    expect(lookup('http://item.jd.com.evil.example/')).toBeNull();
    expect(lookup('http://notshop.example/')).toBeNull();
    expect(lookup('not a url')).toBeNull();
  });

  it('agrees with testing every pattern', () => {
    const groups = [
      ['a', ['*://*.example.com/*', 'https://x.example.org/p/*']],
      ['b', ['*://example.com/shop/*', '<all_urls>']],
    ] as const;
    const find = urlPatternLookup(groups);
    for (const url of [
      'https://example.com/shop/1',
      'https://w.example.com/',
      'https://x.example.org/p/1',
      'https://x.example.org/q/1',
      'ftp://example.net/',
      'https://EXAMPLE.com/',
    ])
      expect(find(url), url).toBe(groups.find(([, ps]) => urlMatchesAny(ps, url))?.[0] ?? null);
  });
});
