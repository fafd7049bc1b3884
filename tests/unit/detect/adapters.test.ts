import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterMatchPatterns } from '../../../core/detect';
import { ADAPTERS, adapterForUrl } from '../../../core/detect/adapters';
import { matchesAny, matchesPattern } from '../../../core/detect/match';
import { ADAPTER_TEST_URLS } from './adapter-urls';
import { FIXTURES } from './helpers';

const REQUIRED = [
  'taobao',
  'tmall',
  'jd',
  'pinduoduo',
  'xiaohongshu',
  'douyin',
  'amazon',
  'ebay',
  'etsy',
  'walmart',
  'aliexpress',
  'temu',
  'shein',
  'tiktokshop',
  'shopify',
];

describe('site adapter conventions', () => {
  it('registers every required adapter once, in an explicit order', () => {
    const ids = ADAPTERS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of REQUIRED) expect(ids).toContain(id);
    // Markup-detected adapters (any domain) come after the host-matched ones.
    expect(ids.indexOf('shopify')).toBe(ids.length - 1);
  });

  const testUrls = (id: string) => ADAPTER_TEST_URLS[id] ?? [];

  it('has test URLs for exactly the registered adapters', () => {
    expect(Object.keys(ADAPTER_TEST_URLS).sort()).toEqual(ADAPTERS.map((a) => a.id).sort());
  });

  for (const a of ADAPTERS) {
    describe(a.id, () => {
      it('has test URLs that its own patterns match', () => {
        expect(testUrls(a.id).length).toBeGreaterThan(0);
        expect(a.matches.length).toBeGreaterThan(0);
        for (const u of testUrls(a.id)) expect(matchesAny(a.matches, u), u).toBe(true);
      });
      it("matches no other adapter's test URLs", () => {
        for (const other of ADAPTERS) {
          if (other === a) continue;
          for (const u of testUrls(other.id))
            expect(matchesAny(a.matches, u), `${a.id} matches ${u}`).toBe(false);
        }
      });
      it('is the adapter chosen for its test URLs', () => {
        for (const u of testUrls(a.id)) expect(adapterForUrl(u)?.id).toBe(a.id);
      });
      it('has at least one page fixture with expected values', () => {
        const dir = join(FIXTURES, a.id);
        expect(existsSync(dir)).toBe(true);
        const pages = readdirSync(dir).filter((f) => /\.html(?:\.gz)?$/.test(f));
        expect(pages.length).toBeGreaterThan(0);
        for (const p of pages)
          expect(existsSync(join(dir, p.replace(/\.html(?:\.gz)?$/, '.expected.json')))).toBe(true);
      });
    });
  }

  it('exports the union of all match patterns', () => {
    for (const a of ADAPTERS) for (const m of a.matches) expect(adapterMatchPatterns).toContain(m);
    expect(new Set(adapterMatchPatterns).size).toBe(adapterMatchPatterns.length);
  });

  it('covers every Amazon marketplace', () => {
    for (const tld of [
      'com',
      'co.uk',
      'de',
      'fr',
      'it',
      'es',
      'co.jp',
      'ca',
      'com.au',
      'in',
      'com.mx',
      'com.br',
      'nl',
      'se',
      'pl',
      'com.tr',
      'ae',
      'sa',
      'sg',
      'cn',
    ])
      expect(adapterForUrl(`https://www.amazon.${tld}/dp/B000000000`)?.id).toBe('amazon');
  });
});

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
});
