/**
 * The URLs SourceLens reads from pages and answers and then opens, loads or links. Page data is hostile:
 * `javascript:`, `data:`, `blob:`, `file:` and friends never pass.
 */
import { decodeEntities } from './text/entities';

const MAX_URL = 2048;

/**
 * An absolute http(s) URL, normalised, from what a page or the person wrote, resolved against `base` when it
 * is relative ("/a.jpg", "//cdn…/a.jpg"); null for anything else. Tabs and line breaks are dropped first, as
 * the URL parser would drop them ("java\nscript:"), so the length bound counts what is parsed.
 */
export function safeHttpUrl(value: unknown, base?: string): string | null {
  if (typeof value !== 'string') return null;
  const t = value.trim().replace(/[\t\n\r]+/g, '');
  if (!t || t.length > MAX_URL) return null;
  try {
    const url = base ? new URL(t, base) : new URL(t);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * An https URL from a source's data, where addresses come entity-encoded, protocol-relative (`//img…`) or on
 * `http:`: those are decoded and upgraded (the source hosts all serve https, and an extension page must not
 * load http). Anything that is not then a well-formed https URL without credentials — relative paths,
 * `javascript:`, garbage — gives null. Unlike safeHttpUrl there is no base: a source's data never holds a
 * relative address we could resolve, and a wrong guess would link somewhere else.
 */
export function httpsUrl(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  let s = decodeEntities(raw).trim();
  if (!s) return null;
  if (s.startsWith('//')) s = `https:${s}`;
  else if (/^http:\/\//i.test(s)) s = `https://${s.slice(7)}`;
  if (!/^https:\/\//i.test(s)) return null;
  try {
    const u = new URL(s);
    if (u.protocol !== 'https:' || !u.hostname || u.username || u.password) return null;
    return u.href;
  } catch {
    return null;
  }
}

/** Registrable-ish site of a host name: the last two labels, three for "co.uk"-style suffixes. */
export function siteOfHost(host: string): string {
  const parts = host.toLowerCase().replace(/\.$/, '').split('.');
  const n =
    parts.length > 2 && /^(?:co|com|net|org|gov|ac|edu|ne|or|go)$/.test(parts[parts.length - 2] ?? '')
      ? 3
      : 2;
  return parts.slice(-n).join('.');
}

/**
 * Query parameters that carry secrets or session state, never what a product is: sign-in links, one-time
 * codes, signed-URL signatures, session ids. (`id`, `item_id`, Amazon's path and the like are kept: they say
 * which product it is.) `spm` and `utm_*` are tracking, not identity, so they go too.
 */
const SECRET_PARAM =
  /^(?:access_?token|id_?token|refresh_?token|token|auth|authorization|auth_?key|session|session_?id|sessid|sid|ssid|key|api_?key|apikey|code|otp|signature|sig|sign|password|passwd|pwd|secret|ticket|jwt|spm|utm_\w+)$/i;

/**
 * A page or canonical URL as SourceLens may store it: no fragment (`#access_token=…` lives there), no user
 * name or password, none of the secret parameters above. Null when it is not an http(s) URL.
 */
export function withoutSecrets(value: string): string | null {
  const href = safeHttpUrl(value);
  if (!href) return null;
  const url = new URL(href);
  url.hash = '';
  url.username = '';
  url.password = '';
  for (const name of [...new Set(url.searchParams.keys())])
    if (SECRET_PARAM.test(name)) url.searchParams.delete(name);
  // An emptied query leaves a bare "?": drop it so one page keeps one spelling.
  if (!url.searchParams.size) url.search = '';
  return url.href;
}
