/**
 * MTOP H5 signing: sign = md5(token + "&" + t + "&" + appKey + "&" + data), lower-case hex of the UTF-8 bytes.
 * `token` is the part of the `_m_h5_tk` cookie before the first "_" (the cookie is `<32 hex>_<expiry ms>`).
 */
import SparkMD5 from 'spark-md5';

/** The public H5 app key used by 1688 (and Taobao) pages. */
export const H5_APP_KEY = '12574478';

export interface ParsedTokenCookie {
  token: string;
  /** Expiry in epoch ms when the cookie carries one. */
  expiresAt: number | null;
}

/** Parse a `_m_h5_tk` cookie value; also accepts a whole `name=value` pair. Null for anything unusable. */
export function parseTokenCookie(raw: string | null | undefined): ParsedTokenCookie | null {
  if (typeof raw !== 'string') return null;
  let value = raw.trim();
  const eq = value.indexOf('=');
  if (eq >= 0 && value.slice(0, eq).trim() === '_m_h5_tk') value = value.slice(eq + 1).trim();
  try {
    if (value.includes('%')) value = decodeURIComponent(value);
  } catch {
    return null;
  }
  const cut = value.indexOf('_');
  const token = cut >= 0 ? value.slice(0, cut) : value;
  if (!/^[0-9a-zA-Z]{8,64}$/.test(token)) return null;
  const rest = cut >= 0 ? value.slice(cut + 1) : '';
  const expiry = /^\d{10,16}$/.test(rest) ? Number(rest) : null;
  return { token, expiresAt: expiry !== null && Number.isSafeInteger(expiry) ? expiry : null };
}

/** Just the token part, or null. */
export function tokenFromCookie(raw: string | null | undefined): string | null {
  return parseTokenCookie(raw)?.token ?? null;
}

/** True when the cookie says it has expired at `now` (a cookie without an expiry is taken as valid). */
export function tokenExpired(raw: string | null | undefined, now: number): boolean {
  const parsed = parseTokenCookie(raw);
  if (!parsed) return true;
  return parsed.expiresAt !== null && parsed.expiresAt <= now;
}

/** md5 hex of the UTF-8 bytes of `text`. */
export function md5Hex(text: string): string {
  return SparkMD5.hash(text);
}

/** The MTOP sign. An absent token signs with an empty string, as the page library does before the handshake. */
export function mtopSign(token: string | null, t: string | number, appKey: string, data: string): string {
  return md5Hex(`${token ?? ''}&${t}&${appKey}&${data}`);
}
