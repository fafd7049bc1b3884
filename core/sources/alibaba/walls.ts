/**
 * Walls on Alibaba.com: the same punish / x5sec / slider system as 1688 (shared signals in ../walls.ts: wall
 * URLs, the punish system's check / deny / busy titles and headers, slider markup, body marks), its own login
 * hosts, and the search API's way of saying it: HTTP 200 with the punish system's `ret` codes
 * (`RGV587_ERROR::SM::…`, `FAIL_SYS_USER_VALIDATE`, a rate-limit code) or a punish address in the body.
 */
import { parseLooseJson } from '../../text/loose-json';
import type { GatewayResponse, WallState } from '../provider';
import { asArray, firstStr, get, isRecord } from '../util';
import {
  type ClassifyOptions,
  classifyHttpFor,
  DEFAULT_THROTTLE_MS,
  DENY_REASON,
  isDenyUrl,
  punishBodyWall,
  retCodeKind,
  type WallSite,
} from '../walls';
import { LOGIN_HOST_RE, loginUrl, verifyUrl } from './urls';

/**
 * Check-page titles besides the punish system's own (those are shared), matched as the whole title: a result
 * page's title carries the person's own keywords, which may be anything ("Captcha Interception Kit - Buy …").
 */
export const WALL_TITLE_RE =
  /^\s*(验证码拦截|滑块验证|滑动验证|captcha interception|security verification)\s*$/i;

/** Codes of a blocked API answer when the body is not JSON (a JSONP wrapper, a cut-off answer). */
const API_MARK_RE = /RGV587_ERROR|FAIL_SYS_USER_VALIDATE/;

const SITE: WallSite = { loginHostRe: LOGIN_HOST_RE, titleRe: WALL_TITLE_RE, loginUrl, verifyUrl };

/** A wall seen at the HTTP level: redirect target, status, headers, page title, slider markup, rate-limit text. */
export function classifyAlibabaHttp(res: GatewayResponse, opts: ClassifyOptions = {}): WallState | null {
  return classifyHttpFor(SITE, res, opts);
}

/**
 * A wall inside a 200 answer's body: a JSON `ret` with a rate-limit code (throttled) or a risk code (its
 * `data.url` is the check page; `action=deny` there is terminal), or, in a body that is not a result, the
 * punish system's marks. Call it on API answers, and on a page only when it held no result data (a full page may
 * carry those words in its scripts).
 */
export function classifyAnswerBody(text: string, opts: ClassifyOptions = {}): WallState | null {
  if (typeof text !== 'string' || !text) return null;
  const json = parseLooseJson(text);
  if (isRecord(json)) {
    const codes = asArray(json.ret)
      .filter((r): r is string => typeof r === 'string')
      .map((e) => (e.split('::')[0] ?? '').trim());
    const kinds = codes.map(retCodeKind);
    const limited = codes[kinds.indexOf('rate-limit')];
    if (limited !== undefined)
      return { state: 'throttled', retryAfterMs: DEFAULT_THROTTLE_MS, reason: `ret:${limited}` };
    // The search API is not signed: a refused signature means the session's cookie is missing.
    if (kinds.includes('sign-rejected')) return { state: 'needs-login', url: loginUrl() };
    const risky = codes[kinds.indexOf('risk')];
    if (risky === undefined) return null;
    const wallUrl = firstStr(get(json, 'data', 'url'), json.url);
    return {
      state: 'needs-verification',
      url: verifyUrl(wallUrl, opts.keywords),
      reason: isDenyUrl(wallUrl) ? DENY_REASON : `ret:${risky}`,
    };
  }
  const body = punishBodyWall(SITE, text, opts);
  if (body) return body;
  const mark = API_MARK_RE.exec(text);
  return mark
    ? { state: 'needs-verification', url: verifyUrl(undefined, opts.keywords), reason: `body:${mark[0]}` }
    : null;
}
