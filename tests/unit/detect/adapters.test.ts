import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ADAPTERS, adapterForUrl } from '../../../core/detect/adapters';
import { SITE_MATCHES } from '../../../core/detect/adapters/sites';
import type { SiteAdapter } from '../../../core/detect/fields';
import { urlMatchesAny } from '../../../core/detect/url-patterns';
import { SPOTTER_MATCHES } from '../../../entrypoints/spotter.content/matches';
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

  // The registry is the one place an adapter is declared: a file in the folder that is not registered fails
  // here, whatever hand-kept list says.
  const ADAPTER_DIR = fileURLToPath(new URL('../../../core/detect/adapters', import.meta.url));
  /** Modules of the folder that hold helpers, not adapters. */
  const HELPER_MODULES = ['index', 'sites', 'util'];

  it('registers exactly the adapters of the folder, each under its file name', async () => {
    const files = readdirSync(ADAPTER_DIR)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.replace(/\.ts$/, ''));
    const fromFiles: string[] = [];
    for (const name of files) {
      const mod = (await import(join(ADAPTER_DIR, `${name}.ts`))) as Record<string, unknown>;
      const adapters = Object.values(mod).filter(
        (v): v is SiteAdapter =>
          typeof v === 'object' && v !== null && typeof (v as SiteAdapter).extract === 'function',
      );
      if (HELPER_MODULES.includes(name)) {
        if (name !== 'index') expect(adapters, `${name}.ts holds no adapter`).toEqual([]);
        continue;
      }
      expect(
        adapters.map((x) => x.id),
        `${name}.ts exports one adapter named after the file`,
      ).toEqual([name]);
      expect(ADAPTERS, `${name}.ts is registered in ADAPTERS`).toContain(adapters[0]);
      fromFiles.push(name);
    }
    expect(ADAPTERS.map((x) => x.id).sort()).toEqual(fromFiles.sort());
  });

  it("takes every adapter's patterns from the one site table, and no pattern reads the query string", () => {
    expect(Object.keys(SITE_MATCHES).sort()).toEqual(ADAPTERS.map((x) => x.id).sort());
    for (const a of ADAPTERS) {
      expect(a.matches, a.id).toBe(SITE_MATCHES[a.id as keyof typeof SITE_MATCHES]);
      // The match-pattern library tests the path without the query (url-patterns.ts).
      for (const m of a.matches) expect(m, a.id).not.toContain('?');
    }
  });

  it("has every adapter's patterns covered by the spotter content script's matches", () => {
    for (const a of ADAPTERS)
      for (const m of a.matches) expect(coveredBy(SPOTTER_MATCHES, m), `${a.id}: ${m}`).toBe(true);
    // The check itself can fail.
    expect(coveredBy(['https://*/*'], '*://*.example.com/*')).toBe(false);
    expect(coveredBy(['*://*.example.com/*'], '*://shop.example.org/*')).toBe(false);
    expect(coveredBy(['*://*/shop/*'], '*://*.example.com/*')).toBe(false);
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
        for (const u of testUrls(a.id)) expect(urlMatchesAny(a.matches, u), u).toBe(true);
      });
      it("matches no other adapter's test URLs", () => {
        for (const other of ADAPTERS) {
          if (other === a) continue;
          for (const u of testUrls(other.id))
            expect(urlMatchesAny(a.matches, u), `${a.id} matches ${u}`).toBe(false);
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

interface Pattern {
  schemes: string[];
  host: string;
  path: string;
}

function parsePattern(p: string): Pattern | null {
  if (p === '<all_urls>')
    return { schemes: ['http', 'https', 'file', 'ftp', 'ws', 'wss'], host: '*', path: '/*' };
  const m = /^(\*|[a-z]+):\/\/([^/]*)(\/.*)$/.exec(p);
  if (!m) return null;
  return {
    schemes: m[1] === '*' ? ['http', 'https'] : [m[1] as string],
    host: m[2] as string,
    path: m[3] as string,
  };
}

const globRegExp = (glob: string) =>
  new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);

/**
 * Whether every URL `inner` matches is matched by one of `outer` (per scheme): hosts by the match-pattern host
 * rules, paths by testing the outer glob on the inner one (its "*" standing for itself).
 */
function coveredBy(outer: readonly string[], inner: string): boolean {
  const i = parsePattern(inner);
  if (!i) return false;
  const hostCovered = (o: string, h: string) => {
    if (o === '*') return true;
    if (o.startsWith('*.')) {
      const base = o.slice(2);
      const bare = h.startsWith('*.') ? h.slice(2) : h;
      return bare === base || bare.endsWith(`.${base}`);
    }
    return o === h;
  };
  return i.schemes.every((scheme) =>
    outer.some((p) => {
      const o = parsePattern(p);
      return (
        !!o && o.schemes.includes(scheme) && hostCovered(o.host, i.host) && globRegExp(o.path).test(i.path)
      );
    }),
  );
}
