/**
 * Walls on Alibaba.com: the same punish / x5sec / slider system as 1688 (shared signals in ../walls.ts), its own
 * login hosts, and one more sign: the search API answers HTTP 200 with the punish system's `ret` codes
 * (`RGV587_ERROR::SM::…`, `FAIL_SYS_USER_VALIDATE`) or a `_____tmd_____` address in the body.
 */
import { parseLooseJson } from '../../text/loose-json';
import type { GatewayResponse, NeedsVerification, WallState } from '../provider';
import { asArray, firstStr, get, isRecord } from '../util';
import { type ClassifyOptions, classifyHttpFor, RISK_RET_RE, type WallSite } from '../walls';
import { LOGIN_HOST_RE, loginUrl, verifyUrl } from './urls';

/**
 * Titles of check pages, matched as the whole title: a result page's title carries the person's own keywords,
 * which may be anything ("Captcha Interception Kit - Buy … on Alibaba.com").
 */
export const WALL_TITLE_RE =
  /^\s*(验证码拦截|滑块验证|滑动验证|captcha interception|security verification)\s*$/i;

/** The punish system's marks in an answer body. */
const BODY_MARK_RE = /RGV587_ERROR|FAIL_SYS_USER_VALIDATE|_____tmd_____/;

const SITE: WallSite = { loginHostRe: LOGIN_HOST_RE, titleRe: WALL_TITLE_RE, loginUrl, verifyUrl };

/** A wall seen at the HTTP level: redirect target, status, page title, slider markup, short rate-limit text. */
export function classifyAlibabaHttp(res: GatewayResponse, opts: ClassifyOptions = {}): WallState | null {
  return classifyHttpFor(SITE, res, opts);
}

/** The first `…_____tmd_____…` address in a text, looked for only around the mark (bounded work on big pages). */
function punishUrlIn(text: string): string | undefined {
  const at = text.indexOf('_____tmd_____');
  if (at < 0) return undefined;
  const around = text.slice(Math.max(0, at - 1000), at + 1000);
  return /https?:\/\/[^\s"'<>]{0,1000}?_____tmd_____[^\s"'<>]{0,1000}/.exec(around)?.[0];
}

/**
 * A wall inside a 200 answer's body: a JSON `ret` with a risk code (its `data.url` is the check page), or, in a
 * body that is not a result, the punish system's marks. Call it on API answers, and on a page only when it held
 * no result data (a full page may carry those words in its scripts).
 */
export function classifyAnswerBody(text: string, opts: ClassifyOptions = {}): NeedsVerification | null {
  if (typeof text !== 'string' || !text) return null;
  const json = parseLooseJson(text);
  if (isRecord(json)) {
    const entries = asArray(json.ret).filter((r): r is string => typeof r === 'string');
    const risky = entries.find((e) => RISK_RET_RE.test(e.split('::')[0] ?? ''));
    if (!risky) return null;
    return {
      state: 'needs-verification',
      url: verifyUrl(firstStr(get(json, 'data', 'url'), json.url), opts.keywords),
      reason: `ret:${(risky.split('::')[0] ?? '').trim()}`,
    };
  }
  const m = BODY_MARK_RE.exec(text);
  if (!m) return null;
  const wallUrl = punishUrlIn(text);
  return { state: 'needs-verification', url: verifyUrl(wallUrl, opts.keywords), reason: `body:${m[0]}` };
}
