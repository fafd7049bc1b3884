/**
 * Recognising anti-bot walls, login redirects and rate limits in a 1688 answer. Only structural signals count:
 * the URL after redirects, the page <title>, slider markup ids/classes, gateway `ret` codes, HTTP status, and
 * rate-limit wording in a *short* message. Words like 验证码 or 安全验证 in a normal page's body are not a wall.
 */
import type { GatewayResponse, NeedsLogin, NeedsVerification, Throttled, WallState } from '../provider';
import { LOGIN_URL, loginUrl, verifyUrl } from './urls';

export const WALL_URL_RE = /_____tmd_____|punish|x5secdata=|nocaptcha|_____sec_____/i;
export const LOGIN_HOST_RE = /^(login\.1688\.com|login\.taobao\.com|passport\.1688\.com)$/i;
export const WALL_TITLE_RE = /验证码拦截|风险|滑块验证|滑动验证/;
export const RISK_RET_RE = /RGV587|USER_VALIDATE|ILLEGAL|SPAM|FLOW|punish|限流/i;
export const RATE_LIMIT_RE =
  /访问频繁|请求频繁|操作频繁|稍后再试|访问受限|流量异常|系统繁忙|too many requests|rate limit/i;
export const DELISTED_URL_RE = /page\.1688\.com\/shtml\/static\/wrongpage/i;

/** Default wait after a rate-limit answer that says nothing about how long. */
export const DEFAULT_THROTTLE_MS = 60_000;

function hostOf(url: string): string | null {
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
function markupOnly(html: string): string {
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

function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html|<head|<body|<title|<div|<meta)/i.test(text);
}

/** Visible text of a short answer (tags stripped), or null when the answer is long. */
function shortVisibleText(text: string, max = 400): string | null {
  const visible = markupOnly(text)
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return visible.length <= max ? visible : null;
}

function retryAfterMs(headers: Record<string, string> | undefined, now: number): number {
  const raw = headers?.['retry-after'];
  if (raw) {
    if (/^\d{1,6}$/.test(raw.trim())) return Math.max(1000, Number(raw.trim()) * 1000);
    const at = Date.parse(raw);
    if (Number.isFinite(at) && at > now) return at - now;
  }
  return DEFAULT_THROTTLE_MS;
}

export interface ClassifyOptions {
  /** The keywords being searched, to build a "verify on 1688" page when the wall gives no URL. */
  keywords?: string | null;
  now?: number;
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
 * null when the response looks like an ordinary answer. Gateway `ret` codes are judged by classifyRet.
 */
export function classifyHttp(res: GatewayResponse, opts: ClassifyOptions = {}): WallState | null {
  const host = hostOf(res.finalUrl);
  if (host && LOGIN_HOST_RE.test(host)) return { state: 'needs-login', url: loginUrl(res.finalUrl) };
  if (isWallUrl(res.finalUrl)) {
    return { state: 'needs-verification', url: verifyUrl(res.finalUrl, opts.keywords), reason: 'url' };
  }
  const text = typeof res.text === 'string' ? res.text : '';
  const html = looksLikeHtml(text) || /<title[\s>]/i.test(text.slice(0, 4096));
  if (html) {
    const title = pageTitle(text);
    if (title && WALL_TITLE_RE.test(title)) {
      return { state: 'needs-verification', url: verifyUrl(res.finalUrl, opts.keywords), reason: 'title' };
    }
    if (hasSliderMarkup(text)) {
      return {
        state: 'needs-verification',
        url: verifyUrl(res.finalUrl, opts.keywords),
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

export type RetVerdict =
  | { kind: 'ok' }
  | { kind: 'token'; code: string }
  | { kind: 'wall'; wall: WallState }
  | { kind: 'error'; code: string; message: string };

/** Code and message of one ret entry: "RGV587_ERROR::SM::哎哟喂" → ["RGV587_ERROR", "SM::哎哟喂"]. */
export function splitRet(entry: string): [string, string] {
  const cut = entry.indexOf('::');
  return cut < 0 ? [entry.trim(), ''] : [entry.slice(0, cut).trim(), entry.slice(cut + 2).trim()];
}

/**
 * Judge a gateway `ret` array. A code with TOKEN means "sign again with the fresh cookie"; SUCCESS is only the
 * transport-level verdict (the caller still checks `data.success`); FAIL_SYS_API_NOT_FOUNDED is an error, not a wall.
 */
export function classifyRet(ret: unknown, data: unknown, opts: ClassifyOptions = {}): RetVerdict {
  const entries = Array.isArray(ret) ? ret.filter((r): r is string => typeof r === 'string') : [];
  if (entries.length === 0) return { kind: 'error', code: 'NO_RET', message: 'answer without a ret code' };
  const all = entries.join(' | ');
  const [code, message] = splitRet(entries[0] ?? '');
  if (entries.some((e) => splitRet(e)[0].toUpperCase().startsWith('SUCCESS'))) return { kind: 'ok' };
  if (/TOKEN/i.test(code)) return { kind: 'token', code };
  if (/API_NOT_FOUNDED|API_NOT_FOUND/i.test(code)) return { kind: 'error', code, message: message || code };
  if (RISK_RET_RE.test(all)) {
    const url = data && typeof data === 'object' ? (data as Record<string, unknown>).url : undefined;
    const wall: NeedsVerification = {
      state: 'needs-verification',
      url: verifyUrl(url, opts.keywords),
      reason: `ret:${code}`,
    };
    return { kind: 'wall', wall };
  }
  if (/SESSION_EXPIRED|NOT_LOGIN|LOGIN_REQUIRED/i.test(code)) {
    const wall: NeedsLogin = { state: 'needs-login', url: LOGIN_URL };
    return { kind: 'wall', wall };
  }
  if (RATE_LIMIT_RE.test(all)) {
    const wall: Throttled = { state: 'throttled', retryAfterMs: DEFAULT_THROTTLE_MS, reason: `ret:${code}` };
    return { kind: 'wall', wall };
  }
  return { kind: 'error', code, message: message || code };
}

/** Rate-limit wording in a short service error message ("store image error" is not one). */
export function throttledByMessage(message: unknown): Throttled | null {
  if (typeof message !== 'string' || message.length > 200) return null;
  return RATE_LIMIT_RE.test(message)
    ? { state: 'throttled', retryAfterMs: DEFAULT_THROTTLE_MS, reason: 'message' }
    : null;
}

/**
 * Counts empty result lists in a row. During throttling 1688 can answer SUCCESS with nothing in it, so a sudden
 * run of empties is treated as a possible block.
 */
export class EmptyRunDetector {
  private run = 0;
  constructor(readonly threshold = 3) {}

  /** Record one answer's offer count; true when this completes a suspicious run. */
  record(count: number): boolean {
    if (count > 0) {
      this.run = 0;
      return false;
    }
    this.run += 1;
    return this.run >= this.threshold;
  }

  reset(): void {
    this.run = 0;
  }

  get current(): number {
    return this.run;
  }
}

/** Whether a detail page redirect / text says the offer is gone. */
export function isDelistedPage(finalUrl: string, html: string): boolean {
  if (DELISTED_URL_RE.test(finalUrl)) return true;
  const visible = markupOnly(html).replace(/<[^>]*>/g, ' ');
  return /商品已下架|该商品已下架|商品不存在|该商品已删除|offer已下架/.test(visible);
}
