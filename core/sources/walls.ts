/**
 * Recognising anti-bot walls, login redirects and rate limits in any Alibaba-group answer (1688, Alibaba.com).
 * Both sites sit behind the same punish / x5sec / slider system, so the signals are shared; what differs per site
 * (its login hosts, the page a person is sent to) comes in as a WallSite.
 *
 * Only structural signals count: the URL after redirects, the page <title>, slider markup ids/classes, HTTP
 * status, and rate-limit wording in a *short* answer. Words like 验证码 or "captcha" in a normal page's body are
 * not a wall.
 */
import type { GatewayResponse, Throttled, WallState } from './provider';

export const WALL_URL_RE = /_____tmd_____|punish|x5secdata=|nocaptcha|_____sec_____/i;
export const RISK_RET_RE = /RGV587|USER_VALIDATE|ILLEGAL|SPAM|FLOW|punish|限流/i;
export const RATE_LIMIT_RE =
  /访问频繁|请求频繁|操作频繁|稍后再试|访问受限|流量异常|系统繁忙|too many requests|rate limit/i;

/** Default wait after a rate-limit answer that says nothing about how long. */
export const DEFAULT_THROTTLE_MS = 60_000;

/** What one site contributes to wall recognition. */
export interface WallSite {
  /** Hosts a login redirect lands on. */
  loginHostRe: RegExp;
  /** Titles of the site's check pages. */
  titleRe: RegExp;
  /** The login page to show, from the redirect target when it is a trusted one. */
  loginUrl(redirected: string): string;
  /** The page a person opens to pass a check (the wall's own URL when trusted, else a search page). */
  verifyUrl(wallUrl: unknown, keywords?: string | null): string;
}

export interface ClassifyOptions {
  /** The keywords being searched, to build a "verify on the site" page when the wall gives no URL. */
  keywords?: string | null;
  now?: number;
}

export function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

/** The text of the first <title>, entities left as they are. */
export function pageTitle(html: string): string | null {
  const m = /<title[^>]*>([\s\S]{0,500}?)<\/title>/i.exec(html);
  return m ? (m[1] ?? '').trim() : null;
}

/** HTML without scripts, styles and comments: what markup checks look at. */
export function markupOnly(html: string): string {
  return html
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, ' ')
    .replace(/<style\b[\s\S]*?<\/style\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ');
}

/** Slider widget markup: `.nc-container`, `#nc_1_wrapper`, `.nc_scale`, ids starting `nocaptcha`. */
export function hasSliderMarkup(html: string): boolean {
  const markup = markupOnly(html);
  for (const tag of markup.matchAll(/<[a-zA-Z][^<>]*>/g)) {
    for (const a of tag[0].matchAll(/\s(class|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/gi)) {
      const name = (a[1] ?? '').toLowerCase();
      const value = (a[2] ?? a[3] ?? a[4] ?? '').trim();
      if (name === 'id' && (/^nc_1_wrapper$/i.test(value) || /^nocaptcha/i.test(value))) return true;
      if (name === 'class' && value.split(/\s+/).some((c) => c === 'nc-container' || c === 'nc_scale'))
        return true;
    }
  }
  return false;
}

export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html|<head|<body|<title|<div|<meta)/i.test(text);
}

/** Visible text of a short answer (tags stripped), or null when the answer is long. */
export function shortVisibleText(text: string, max = 400): string | null {
  const visible = markupOnly(text)
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return visible.length <= max ? visible : null;
}

export function retryAfterMs(headers: Record<string, string> | undefined, now: number): number {
  const raw = headers?.['retry-after'];
  if (raw) {
    if (/^\d{1,6}$/.test(raw.trim())) return Math.max(1000, Number(raw.trim()) * 1000);
    const at = Date.parse(raw);
    if (Number.isFinite(at) && at > now) return at - now;
  }
  return DEFAULT_THROTTLE_MS;
}

/**
 * Whether a URL is a wall page. Only the host, the path and the names of query parameters count: the values
 * carry the user's own keywords, and a search for "punish" or "nocaptcha" must not look like a block.
 */
export function isWallUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const names = [...parsed.searchParams.keys()].map((k) => `${k}=`).join('&');
  return WALL_URL_RE.test(`${parsed.host}${parsed.pathname}?${names}`);
}

/**
 * A wall seen at the HTTP level (redirect target, status, page title, slider markup, short rate-limit text), or
 * null when the response looks like an ordinary answer. Codes inside an API answer are judged by the caller.
 */
export function classifyHttpFor(
  site: WallSite,
  res: GatewayResponse,
  opts: ClassifyOptions = {},
): WallState | null {
  const host = hostOf(res.finalUrl);
  if (host && site.loginHostRe.test(host)) return { state: 'needs-login', url: site.loginUrl(res.finalUrl) };
  if (isWallUrl(res.finalUrl)) {
    return { state: 'needs-verification', url: site.verifyUrl(res.finalUrl, opts.keywords), reason: 'url' };
  }
  const text = typeof res.text === 'string' ? res.text : '';
  const html = looksLikeHtml(text) || /<title[\s>]/i.test(text.slice(0, 4096));
  if (html) {
    const title = pageTitle(text);
    if (title && site.titleRe.test(title)) {
      return {
        state: 'needs-verification',
        url: site.verifyUrl(res.finalUrl, opts.keywords),
        reason: 'title',
      };
    }
    if (hasSliderMarkup(text)) {
      return {
        state: 'needs-verification',
        url: site.verifyUrl(res.finalUrl, opts.keywords),
        reason: 'slider-markup',
      };
    }
  }
  if (res.status === 403 || res.status === 429) {
    return {
      state: 'throttled',
      retryAfterMs: retryAfterMs(res.headers, opts.now ?? Date.now()),
      reason: `http-${res.status}`,
    };
  }
  // Rate-limit wording counts only in a short answer: a whole page that mentions it is not a wall.
  const short = shortVisibleText(text, html ? 80 : 400);
  if (short && RATE_LIMIT_RE.test(short) && !/^\s*[[{]/.test(text) && !/^\s*[\w$.]+\s*\(/.test(text)) {
    return {
      state: 'throttled',
      retryAfterMs: retryAfterMs(res.headers, opts.now ?? Date.now()),
      reason: 'rate-limit-text',
    };
  }
  return null;
}

/** Rate-limit wording in a short service error message ("store image error" is not one). */
export function throttledByMessage(message: unknown): Throttled | null {
  if (typeof message !== 'string' || message.length > 200) return null;
  return RATE_LIMIT_RE.test(message)
    ? { state: 'throttled', retryAfterMs: DEFAULT_THROTTLE_MS, reason: 'message' }
    : null;
}

/**
 * Counts empty result lists in a row. During throttling the sites can answer "success" with nothing in it, so a
 * sudden run of empties is treated as a possible block.
 *
 * With a `key` (the query or image searched), an empty answer for the same key as the previous empty one does
 * not lengthen the run: a person repeating a search that truly has no results is not a sign of a block, while
 * different searches all coming back empty is.
 */
export class EmptyRunDetector {
  private run = 0;
  private lastKey: string | undefined;
  constructor(readonly threshold = 3) {}

  /** Record one answer's offer count; true when this completes a suspicious run. */
  record(count: number, key?: string): boolean {
    if (count > 0) {
      this.run = 0;
      this.lastKey = undefined;
      return false;
    }
    if (key !== undefined && this.run > 0 && key === this.lastKey) return false;
    this.lastKey = key;
    this.run += 1;
    return this.run >= this.threshold;
  }

  reset(): void {
    this.run = 0;
    this.lastKey = undefined;
  }

  get current(): number {
    return this.run;
  }
}
