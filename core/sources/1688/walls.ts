/**
 * Recognising anti-bot walls, login redirects and rate limits in a 1688 answer. Only structural signals count:
 * the URL after redirects, the page <title>, slider markup ids/classes, gateway `ret` codes, HTTP status, and
 * rate-limit wording in a *short* message. Words like 验证码 or 安全验证 in a normal page's body are not a wall.
 * The signals Alibaba.com shares live in ../walls.ts; this file adds 1688's hosts, titles and `ret` judgement.
 */
import type { GatewayResponse, NeedsLogin, NeedsVerification, Throttled, WallState } from '../provider';
import {
  type ClassifyOptions,
  classifyHttpFor,
  DEFAULT_THROTTLE_MS,
  DENY_REASON,
  isDenyUrl,
  markupOnly,
  punishBodyWall,
  RATE_LIMIT_RE,
  retCodeKind,
  type WallSite,
} from '../walls';
import { LOGIN_URL, loginUrl, verifyUrl } from './urls';

// The generic signals live in ../walls.ts (Alibaba.com shares them); re-exported so 1688 callers keep one import.
export {
  type ClassifyOptions,
  DEFAULT_THROTTLE_MS,
  DENY_REASON,
  EmptyRunDetector,
  hasSliderMarkup,
  isWallUrl,
  pageTitle,
  RATE_LIMIT_RE,
  RISK_RET_RE,
  throttledByMessage,
  WALL_URL_RE,
} from '../walls';

export const LOGIN_HOST_RE = /^(login\.1688\.com|login\.taobao\.com|passport\.1688\.com)$/i;
export const WALL_TITLE_RE = /验证码拦截|风险|滑块验证|滑动验证/;
export const DELISTED_URL_RE = /page\.1688\.com\/shtml\/static\/wrongpage/i;

const SITE_1688: WallSite = {
  loginHostRe: LOGIN_HOST_RE,
  titleRe: WALL_TITLE_RE,
  loginUrl,
  verifyUrl,
};

/**
 * A wall seen at the HTTP level (redirect target, status, page title, slider markup, short rate-limit text), or
 * null when the response looks like an ordinary answer. Gateway `ret` codes are judged by classifyRet.
 */
export function classifyHttp(res: GatewayResponse, opts: ClassifyOptions = {}): WallState | null {
  return classifyHttpFor(SITE_1688, res, opts);
}

export type RetVerdict =
  | { kind: 'ok' }
  | { kind: 'token'; code: string }
  /** FAIL_SYS_ILLEGAL_ACCESS: cookie missing or signature mismatch. Sign again once, then needs-login. */
  | { kind: 'resign'; code: string }
  | { kind: 'wall'; wall: WallState }
  | { kind: 'error'; code: string; message: string };

/** Code and message of one ret entry: "RGV587_ERROR::SM::哎哟喂" → ["RGV587_ERROR", "SM::哎哟喂"]. */
export function splitRet(entry: string): [string, string] {
  const cut = entry.indexOf('::');
  return cut < 0 ? [entry.trim(), ''] : [entry.slice(0, cut).trim(), entry.slice(cut + 2).trim()];
}

/**
 * Judge a gateway `ret` array. A code with TOKEN means "sign again with the fresh cookie"; SUCCESS is only the
 * transport-level verdict (the caller still checks `data.success`); FAIL_SYS_API_NOT_FOUNDED is an error, not a
 * wall. Rate-limit codes (FLOWLIMIT, TRAFFIC_LIMIT) are tested before the risk patterns: their message reads like
 * RGV587's. A risk answer whose check page says `action=deny` is the terminal `deny`.
 */
export function classifyRet(ret: unknown, data: unknown, opts: ClassifyOptions = {}): RetVerdict {
  const entries = Array.isArray(ret) ? ret.filter((r): r is string => typeof r === 'string') : [];
  if (entries.length === 0) return { kind: 'error', code: 'NO_RET', message: 'answer without a ret code' };
  const [code, message] = splitRet(entries[0] ?? '');
  if (entries.some((e) => splitRet(e)[0].toUpperCase().startsWith('SUCCESS'))) return { kind: 'ok' };
  if (/TOKEN/i.test(code)) return { kind: 'token', code };
  if (/API_NOT_FOUNDED|API_NOT_FOUND/i.test(code)) return { kind: 'error', code, message: message || code };
  const codes = entries.map((e) => splitRet(e)[0]);
  const kinds = codes.map(retCodeKind);
  if (kinds.includes('rate-limit')) {
    const limited = codes[kinds.indexOf('rate-limit')] ?? code;
    const wall: Throttled = {
      state: 'throttled',
      retryAfterMs: DEFAULT_THROTTLE_MS,
      reason: `ret:${limited}`,
    };
    return { kind: 'wall', wall };
  }
  if (kinds.includes('sign-rejected'))
    return { kind: 'resign', code: codes[kinds.indexOf('sign-rejected')] ?? code };
  if (kinds.includes('risk')) {
    const risky = codes[kinds.indexOf('risk')] ?? code;
    const url = data && typeof data === 'object' ? (data as Record<string, unknown>).url : undefined;
    const wall: NeedsVerification = {
      state: 'needs-verification',
      url: verifyUrl(url, opts.keywords),
      reason: isDenyUrl(url) ? DENY_REASON : `ret:${risky}`,
    };
    return { kind: 'wall', wall };
  }
  if (/SESSION_EXPIRED|NOT_LOGIN|LOGIN_REQUIRED/i.test(code)) {
    const wall: NeedsLogin = { state: 'needs-login', url: LOGIN_URL };
    return { kind: 'wall', wall };
  }
  if (RATE_LIMIT_RE.test(entries.join(' | '))) {
    const wall: Throttled = { state: 'throttled', retryAfterMs: DEFAULT_THROTTLE_MS, reason: `ret:${code}` };
    return { kind: 'wall', wall };
  }
  return { kind: 'error', code, message: message || code };
}

/**
 * A punish answer in a 1688 body that carries none of 1688's own data (no gateway envelope, no page data):
 * `_____tmd_____`, `punish?x5secdata`, `sufei-punish`, `rgv587_flag`. The caller says the body has no data; a
 * normal offer page that mentions one of them in a script is never passed here.
 */
export function classifyBodyWithoutData(text: string, opts: ClassifyOptions = {}): NeedsVerification | null {
  return punishBodyWall(SITE_1688, text, opts);
}

/** The state after FAIL_SYS_ILLEGAL_ACCESS twice: the session is not usable for signing (log in, open 1688). */
export function signRejected(): NeedsLogin {
  return { state: 'needs-login', url: LOGIN_URL };
}

/** Whether a detail page redirect / text says the offer is gone. */
export function isDelistedPage(finalUrl: string, html: string): boolean {
  if (DELISTED_URL_RE.test(finalUrl)) return true;
  const visible = markupOnly(html).replace(/<[^>]*>/g, ' ');
  return /商品已下架|该商品已下架|商品不存在|该商品已删除|offer已下架/.test(visible);
}
