/**
 * Recognising anti-bot walls, login redirects and rate limits in any Alibaba-group answer (1688, Alibaba.com).
 * Both sites sit behind the same punish / x5sec / slider system, so the signals are shared; what differs per site
 * (its login hosts, the page a person is sent to) comes in as a WallSite.
 *
 * Only structural signals count: the URL after redirects, the page <title>, slider markup ids/classes, HTTP
 * status, and rate-limit wording in a *short* answer. Words like 验证码 or "captcha" in a normal page's body are
 * not a wall.
 */
import type { GatewayResponse, NeedsVerification, Throttled, WallState } from './provider';

export const WALL_URL_RE = /_____tmd_____|punish|x5secdata=|nocaptcha|_____sec_____/i;
/**
 * Codes of the punish system's risk answers. Broad on purpose (it also matches FLOWLIMIT and ILLEGAL_ACCESS):
 * judge a code with `retCodeKind`, which tests the rate-limit and signature codes first.
 */
export const RISK_RET_RE = /RGV587|USER_VALIDATE|ILLEGAL|SPAM|FLOW|punish|限流/i;
/**
 * Rate-limit codes (`FAIL_SYS_FLOWLIMIT`, `TRAFFIC_LIMIT`): "哎哟喂，被挤爆啦，请稍后重试" in the page's own mtop
 * error table. Their message reads like RGV587's, so the code decides, and it is tested before RISK_RET_RE.
 */
export const RATE_LIMIT_RET_RE = /FLOWLIMIT|FLOW_LIMIT|TRAFFIC_LIMIT|限流/i;
/**
 * `FAIL_SYS_ILLEGAL_ACCESS`: the gateway refused the request itself (cookie missing, signature mismatch). Not a
 * slider: sign again with a fresh token once, then the person has to log in / open the site.
 */
export const SIGN_REJECTED_RET_RE = /ILLEGAL_ACCESS/i;
export const RATE_LIMIT_RE =
  /访问频繁|请求频繁|操作频繁|稍后再试|访问受限|流量异常|系统繁忙|系統繁忙|too many requests|rate limit/i;

/**
 * The punish system's own page titles (from Alibaba's translation bundle for them), matched as the whole title:
 * a result or offer page's title carries a seller's or the person's words, which may be anything.
 * - check: a slider / captcha the person can pass;
 * - deny: 访问被拒绝 (`action=deny`), terminal — there is nothing to solve, so the person is not sent through it;
 * - busy: the system is busy, a rate limit.
 */
export const CHECK_TITLE_RE = /^\s*(?:验证码拦截|驗證碼攔截|captcha interception)\s*$/i;
export const DENY_TITLE_RE = /^\s*(?:访问被拒绝|訪問被拒絕|access denied)\s*$/i;
export const BUSY_TITLE_RE = /^\s*(?:系统正忙|系統正忙|系统繁忙|系統繁忙|system is busy)\s*$/i;

/**
 * Marks of a punish answer in a body: the check page's address, its script names, and the `rgv587_flag` a
 * blocked API answer carries. Only meaningful in a body without the page's or API's own data — a normal page
 * may mention any of them in a script.
 */
export const PUNISH_BODY_RE = /_____tmd_____|punish\?x5secdata|sufei-punish|rgv587_flag/i;

/** The `reason` of a deny answer: terminal, told apart from a check the person can pass. */
export const DENY_REASON = 'deny';

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

/** Whether a wall URL is the deny variant (`action=deny` in its query): terminal, nothing to pass. */
export function isDenyUrl(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  try {
    return new URL(url, 'https://invalid.invalid/').searchParams.get('action')?.toLowerCase() === 'deny';
  } catch {
    return false;
  }
}

/** Which punish page a title names, when it is one of the punish system's own titles. */
export function punishTitleKind(title: string | null): 'check' | 'deny' | 'busy' | null {
  if (!title) return null;
  if (DENY_TITLE_RE.test(title)) return 'deny';
  if (BUSY_TITLE_RE.test(title)) return 'busy';
  if (CHECK_TITLE_RE.test(title)) return 'check';
  return null;
}

/**
 * The punish system's response headers: `bxpunish: 1` on a served check page, `x-sec-reason` naming why. Only
 * present when the transport sees headers (a page-script transport may not).
 */
export function punishHeader(headers: Record<string, string> | undefined): string | null {
  if (!headers) return null;
  const bx = headers.bxpunish?.trim();
  if (bx && bx !== '0') return 'bxpunish';
  if (headers['x-sec-reason']?.trim()) return 'x-sec-reason';
  return null;
}

/** The first punish mark in a body (see PUNISH_BODY_RE), or null. Call it only on bodies without page data. */
export function punishBodyMark(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  return PUNISH_BODY_RE.exec(text)?.[0].toLowerCase() ?? null;
}

/** The first `…_____tmd_____…` / `…punish?x5secdata…` address in a text, looked for only around the mark. */
export function punishUrlIn(text: string): string | undefined {
  const at = text.search(/_____tmd_____|punish\?x5secdata/i);
  if (at < 0) return undefined;
  const around = text.slice(Math.max(0, at - 1000), at + 1000);
  return /(?:https?:)?\/\/[^\s"'<>\\]{0,1000}?(?:_____tmd_____|punish\?x5secdata)[^\s"'<>\\]{0,1000}/i.exec(
    around,
  )?.[0];
}

/**
 * A punish answer seen in a body that carries none of the site's own data: verification, or `deny` when the
 * check page's address says `action=deny`. The caller decides that the body has no data of its own.
 */
export function punishBodyWall(
  site: Pick<WallSite, 'verifyUrl'>,
  text: string,
  opts: ClassifyOptions = {},
): NeedsVerification | null {
  const mark = punishBodyMark(text);
  if (!mark) return null;
  const wallUrl = punishUrlIn(text);
  return {
    state: 'needs-verification',
    url: site.verifyUrl(wallUrl, opts.keywords),
    reason: isDenyUrl(wallUrl) ? DENY_REASON : `body:${mark}`,
  };
}

/** How to read a gateway / API `ret` code; rate limits and signature refusals before the risk patterns. */
export type RetCodeKind = 'rate-limit' | 'sign-rejected' | 'risk' | null;

export function retCodeKind(code: string): RetCodeKind {
  if (RATE_LIMIT_RET_RE.test(code)) return 'rate-limit';
  if (SIGN_REJECTED_RET_RE.test(code)) return 'sign-rejected';
  if (RISK_RET_RE.test(code)) return 'risk';
  return null;
}

/**
 * A wall seen at the HTTP level (redirect target, punish headers, status, page title, slider markup, short
 * rate-limit text), or null when the response looks like an ordinary answer. Codes inside an API answer and
 * punish marks in a body without data are judged by the caller (it knows what its data looks like).
 */
export function classifyHttpFor(
  site: WallSite,
  res: GatewayResponse,
  opts: ClassifyOptions = {},
): WallState | null {
  const host = hostOf(res.finalUrl);
  if (host && site.loginHostRe.test(host)) return { state: 'needs-login', url: site.loginUrl(res.finalUrl) };
  const verify = (reason: string): NeedsVerification => ({
    state: 'needs-verification',
    url: site.verifyUrl(res.finalUrl, opts.keywords),
    reason,
  });
  if (isWallUrl(res.finalUrl)) return verify(isDenyUrl(res.finalUrl) ? DENY_REASON : 'url');
  const text = typeof res.text === 'string' ? res.text : '';
  const html = looksLikeHtml(text) || /<title[\s>]/i.test(text.slice(0, 4096));
  const title = html ? pageTitle(text) : null;
  const titleKind = punishTitleKind(title);
  if (titleKind === 'deny') return verify(DENY_REASON);
  if (titleKind === 'busy') {
    return {
      state: 'throttled',
      retryAfterMs: retryAfterMs(res.headers, opts.now ?? Date.now()),
      reason: 'title-busy',
    };
  }
  const header = punishHeader(res.headers);
  if (header) return verify(`header:${header}`);
  if (html) {
    if (titleKind === 'check' || (title && site.titleRe.test(title))) return verify('title');
    if (hasSliderMarkup(text)) return verify('slider-markup');
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
