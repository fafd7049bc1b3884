/** WebExtension match patterns ("*://*.example.com/path*") tested against URLs. */

interface Compiled {
  schemes: string[];
  /** Host as written ("" = any host); `sub` when it started with "*." (the host or any subdomain). */
  host: string;
  sub: boolean;
  path: RegExp;
}

const cache = new Map<string, Compiled | null>();

function compile(pattern: string): Compiled | null {
  if (pattern === '<all_urls>')
    return { schemes: ['http', 'https', 'ws', 'wss', 'ftp', 'file'], host: '', sub: false, path: /^/ };
  const m = /^(\*|https?|wss?|file|ftp):\/\/(\*|(?:\*\.)?[^/*]+)?(\/.*)$/.exec(pattern);
  if (!m) return null;
  const host = (m[2] ?? '').toLowerCase();
  const path = (m[3] ?? '/').replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return {
    schemes: m[1] === '*' ? ['http', 'https'] : [m[1] as string],
    host: host === '*' ? '' : host.replace(/^\*\./, ''),
    sub: host.startsWith('*.'),
    path: new RegExp(`^${path}$`),
  };
}

const URL_PARTS = /^([a-z][a-z0-9+.-]*):\/\/(?:[^/?#@]*@)?([^/?#:]*)(?::\d+)?([^#]*)/i;

/** True when any pattern matches the URL (host compared first; the path, with its query, by pattern). */
export function matchesAny(patterns: string[], url: string): boolean {
  const u = URL_PARTS.exec(url);
  if (!u) return false;
  const scheme = (u[1] ?? '').toLowerCase();
  const host = (u[2] ?? '').toLowerCase();
  const path = u[3] || '/';
  for (const p of patterns) {
    let c = cache.get(p);
    if (c === undefined) {
      c = compile(p);
      cache.set(p, c);
    }
    if (!c?.schemes.includes(scheme)) continue;
    if (c.host && host !== c.host && !(c.sub && host.endsWith(`.${c.host}`))) continue;
    if (c.path.test(path)) return true;
  }
  return false;
}

export const matchesPattern = (pattern: string, url: string): boolean => matchesAny([pattern], url);
