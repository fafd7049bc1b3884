/**
 * WebExtension match patterns ("*://*.example.com/path*") tested against page URLs, with
 * @webext-core/match-patterns. Its path test reads the URL's path without the query string (browsers include
 * the query), so a site pattern must never depend on the query: the adapter convention test checks none has a
 * "?". A pattern that does not parse, or a URL that does not, matches nothing.
 */
import { MatchPattern } from '@webext-core/match-patterns';

const compiled = new Map<string, MatchPattern | null>();

function compile(pattern: string): MatchPattern | null {
  let c = compiled.get(pattern);
  if (c === undefined) {
    try {
      c = new MatchPattern(pattern);
    } catch {
      c = null;
    }
    compiled.set(pattern, c);
  }
  return c;
}

/** `url` parsed once, in the form the library takes, or null when it is not a URL. */
function target(url: string): { host: string; value: string | URL } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  // The library tells a URL object from a Location with `instanceof Location`: where there is no Location
  // class (Node), it is given the string and parses it again.
  return { host: parsed.hostname, value: typeof Location === 'undefined' ? url : parsed };
}

function includes(pattern: string, value: string | URL): boolean {
  try {
    return compile(pattern)?.includes(value) ?? false;
  } catch {
    return false; // a scheme the library has no matcher for (ftp, urn patterns): no match
  }
}

/** True when any of the patterns matches the URL. */
export function urlMatchesAny(patterns: readonly string[], url: string): boolean {
  const t = target(url);
  return !!t && patterns.some((p) => includes(p, t.value));
}

/** The host a pattern names without its "*." ("" for any host), lower case. */
const patternHost = (pattern: string): string =>
  (/^[^:]*:\/\/(?:\*\.)?([^/*]*)\//.exec(pattern)?.[1] ?? '').toLowerCase();

/**
 * A lookup from a URL to the first group (in the given order) with a pattern that matches it. The library
 * decides every match; the patterns are only indexed by the host they name, so that a URL is tested against
 * the few whose host could be its own or a parent of it (a page's check must stay far under a millisecond,
 * and the library compiles its expressions on every test).
 */
export function urlPatternLookup<T>(
  groups: readonly (readonly [T, readonly string[]])[],
): (url: string) => T | null {
  const byHost = new Map<string, { order: number; key: T; pattern: string }[]>();
  groups.forEach(([key, patterns], order) => {
    for (const pattern of patterns) {
      const host = patternHost(pattern);
      const list = byHost.get(host) ?? [];
      list.push({ order, key, pattern });
      byHost.set(host, list);
    }
  });
  return (url) => {
    const t = target(url);
    if (!t) return null;
    // The URL's host and each parent domain ("a.shop.example" → "shop.example" → "example"), and any host.
    const candidates = [...(byHost.get('') ?? [])];
    for (let h = t.host; h; h = h.includes('.') ? h.slice(h.indexOf('.') + 1) : '')
      candidates.push(...(byHost.get(h) ?? []));
    candidates.sort((a, b) => a.order - b.order);
    return candidates.find((c) => includes(c.pattern, t.value))?.key ?? null;
  };
}
