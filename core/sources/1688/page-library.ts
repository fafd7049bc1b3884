/**
 * 1688 pages carry their own gateway client, `lib.mtop.request`, which signs requests by itself. When no helper
 * tab can reach the gateway, a 1688 page the person already has open can send the call through it (the route
 * `page-mtop` in source.ts). Public 1688 clients that run inside the site call it the same way.
 */
import type { PageLibraryCall } from '../definition';

/**
 * Serialised into the page and run in its own world, so it must not use anything imported. The gateway call's
 * `api`, `v` and `data` are read back from the request the provider built (query or form). The library's promise
 * can hang, so it races a timeout; both of its outcomes come back as the gateway's JSON text.
 */
export const pageMtopCall: PageLibraryCall = (req, timeoutMs) => {
  const params: Record<string, string> = { ...req.query, ...(req.form ?? {}) };
  const { api, v, data } = params;
  const lib = (window as unknown as { lib?: { mtop?: { request?: (o: unknown) => Promise<unknown> } } }).lib;
  const request = lib?.mtop?.request;
  if (!api || !v || !data || typeof request !== 'function') return Promise.resolve(null);
  const call = request({
    api,
    v,
    data: JSON.parse(data),
    type: 'GET',
    dataType: 'json',
    timeout: timeoutMs,
    ecode: 0,
  }).then(
    (ok) => ({ status: 200, finalUrl: location.href, text: JSON.stringify(ok) }),
    (failed) => ({ status: 200, finalUrl: location.href, text: JSON.stringify(failed) }),
  );
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs));
  return Promise.race([call, timeout]);
};
