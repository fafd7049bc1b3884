/**
 * The H5 MTOP gateway: building a signed request (GET with `data=` in the query, or POST with a form body),
 * unwrapping JSON/JSONP answers, and the token handshake (a `ret` code containing TOKEN means the gateway has just
 * set a fresh `_m_h5_tk` cookie: read it again, sign again, retry — at most 3 times). FAIL_SYS_ILLEGAL_ACCESS (the
 * signature did not match) is signed again once with a re-read cookie; a second one is "needs login".
 */
import type {
  GatewayRequest,
  GatewayResponse,
  HttpMethod,
  ProviderContext,
  RequestStep,
  SourceError,
  WallState,
} from '../provider';
import { abortedError, sourceError, transportFailed } from '../provider';
import { isRecord } from '../util';
import { H5_APP_KEY, mtopSign, tokenFromCookie } from './sign';
import { GATEWAY_HOST } from './urls';
import {
  type ClassifyOptions,
  classifyBodyWithoutData,
  classifyHttp,
  classifyRet,
  signRejected,
} from './walls';

export const RECOMMEND_API = 'mtop.relationrecommend.WirelessRecommend.recommend';
export const RECOMMEND_VERSION = '2.0';
export const JSV = '2.7.2';
/** How many times a TOKEN answer is retried after the first call. */
export const TOKEN_RETRIES = 3;

/** The gateway path for an api: lower case, `/h5/<api>/<v>/`. */
export function mtopUrl(api: string, v: string, host = GATEWAY_HOST): string {
  return `https://${host}/h5/${api.toLowerCase()}/${v}/`;
}

export interface MtopCall {
  /** What the call is for (a search's progress shows it); a re-signed or token retry shows as `token`. */
  step?: RequestStep;
  api: string;
  v: string;
  /** Exactly the string that is sent and signed (usually JSON.stringify of the data object). */
  data: string;
  method: HttpMethod;
}

export interface BuildOptions {
  token: string | null;
  t: number;
  appKey?: string;
  /** JSONP callback index for POST (`mtopjsonpN`). */
  callbackIndex?: number;
}

/**
 * GET: `type=originaljson&dataType=json&data=<json>`; POST: `type=originaljson&dataType=jsonp&timeout=20000`
 * with a form body `data=<json>`. Both carry jsv, appKey, t, sign, api, v in the query.
 */
export function buildMtopRequest(call: MtopCall, opts: BuildOptions): GatewayRequest {
  const appKey = opts.appKey ?? H5_APP_KEY;
  const t = String(opts.t);
  const sign = mtopSign(opts.token, t, appKey, call.data);
  const query: Record<string, string> = { jsv: JSV, appKey, t, sign, api: call.api, v: call.v };
  if (call.method === 'GET') {
    query.type = 'originaljson';
    query.dataType = 'json';
    query.data = call.data;
    return { method: 'GET', url: mtopUrl(call.api, call.v), query, expect: 'gateway' };
  }
  query.type = 'originaljson';
  query.dataType = 'jsonp';
  query.timeout = '20000';
  query.callback = `mtopjsonp${opts.callbackIndex ?? 1}`;
  return {
    method: 'POST',
    url: mtopUrl(call.api, call.v),
    query,
    form: { data: call.data },
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    expect: 'gateway',
  };
}

/** A JSONP callback before its "(": `mtopjsonp3` or `cb && cb` (checked on that short prefix only). */
const JSONP_CALLEE = /^(?:[\w$.]+\s*&&\s*)?[\w$.]+\s*$/;

/**
 * `mtopjsonp3({...})` or `cb && cb({...});` → the inner text; plain JSON is returned as it is. Linear in the
 * text (an answer is hostile data): the callee is the text before the first "(", the end the text after the
 * last ")" — one regular expression with a lazy body and trailing `\s*` took cubic time on crafted input.
 */
export function unwrapJsonp(text: string): string {
  const t = text.replace(/^\ufeff/, '').trim();
  if (t.startsWith('{') || t.startsWith('[')) return t;
  const open = t.indexOf('(');
  const close = t.lastIndexOf(')');
  if (open < 0 || close < open || open > 200) return t;
  // After the last ")": only whitespace and one optional ";".
  const end = t.slice(close + 1).trim();
  if (!JSONP_CALLEE.test(t.slice(0, open)) || (end !== '' && end !== ';')) return t;
  return t.slice(open + 1, close).trim();
}

export interface MtopEnvelope {
  api: string | null;
  v: string | null;
  ret: string[];
  data: unknown;
}

/** Parse a gateway answer (JSON or JSONP). Null when it is not an MTOP envelope. */
export function parseEnvelope(text: string): MtopEnvelope | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(unwrapJsonp(text));
  } catch {
    return null;
  }
  return envelopeOf(parsed);
}

/** An already-parsed object as an envelope, when it has a `ret` array. */
export function envelopeOf(value: unknown): MtopEnvelope | null {
  if (!isRecord(value) || !Array.isArray(value.ret)) return null;
  return {
    api: typeof value.api === 'string' ? value.api : null,
    v: typeof value.v === 'string' ? value.v : null,
    ret: value.ret.filter((r): r is string => typeof r === 'string'),
    data: value.data,
  };
}

export type GatewayOutcome =
  | { state: 'ok'; envelope: MtopEnvelope; response: GatewayResponse }
  | WallState
  | SourceError;

export interface CallOptions extends ClassifyOptions {
  appKey?: string;
}

let jsonpCounter = 0;

/**
 * One gateway call with the token handshake. Walls seen at the HTTP level or in `ret` are returned as their typed
 * state at once (never retried); TOKEN answers are retried up to TOKEN_RETRIES times with the re-read cookie;
 * FAIL_SYS_ILLEGAL_ACCESS (cookie missing or signature mismatch) is signed again once with the re-read cookie,
 * and a second one means the session cannot sign: needs-login, never a slider.
 */
export async function callMtop(
  ctx: ProviderContext,
  call: MtopCall,
  opts: CallOptions = {},
): Promise<GatewayOutcome> {
  const now = ctx.now ?? Date.now;
  let lastCode = '';
  let tokenRetries = 0;
  let resigned = false;
  for (;;) {
    if (ctx.signal?.aborted) return abortedError(ctx.signal);
    let token: string | null = null;
    try {
      token = tokenFromCookie(await ctx.tokens.getToken());
    } catch {
      token = null;
    }
    jsonpCounter = (jsonpCounter % 1_000_000) + 1;
    const built = buildMtopRequest(call, {
      token,
      t: now(),
      appKey: opts.appKey,
      callbackIndex: jsonpCounter,
    });
    const retry = tokenRetries > 0 || resigned;
    const req: GatewayRequest = { ...built, step: retry ? 'token' : (call.step ?? 'search') };
    let res: GatewayResponse;
    try {
      res = await ctx.transport.request(req, ctx.signal);
    } catch (err) {
      return transportFailed(err, ctx.signal);
    }
    const wall = classifyHttp(res, { ...opts, now: now() });
    if (wall) return wall;
    const envelope = parseEnvelope(res.text);
    if (!envelope) {
      // Not an envelope: a punish answer (rgv587_flag, a check page's address) or something else entirely.
      return (
        classifyBodyWithoutData(res.text, opts) ??
        sourceError('answer', `not a gateway answer (HTTP ${res.status})`)
      );
    }
    const verdict = classifyRet(envelope.ret, envelope.data, opts);
    switch (verdict.kind) {
      case 'ok':
        return { state: 'ok', envelope, response: res };
      case 'token':
        lastCode = verdict.code;
        if (tokenRetries >= TOKEN_RETRIES) {
          return sourceError(
            'refused',
            `token handshake failed after ${TOKEN_RETRIES} retries (${lastCode})`,
          );
        }
        tokenRetries++;
        continue;
      case 'resign':
        if (resigned) return signRejected();
        resigned = true;
        continue;
      case 'wall':
        return verdict.wall;
      case 'error':
        return sourceError('refused', `${verdict.code}: ${verdict.message}`);
    }
  }
}
