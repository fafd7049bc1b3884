/**
 * A small Node transport for tests: sends every request to the local mock server while keeping the original host
 * in the Host header, follows redirects, and keeps a cookie jar the TokenStore reads `_m_h5_tk` from. Multipart
 * requests are encoded by the runtime's own FormData serialiser (as a browser fetch would), boundary included.
 */

import { request as httpRequest } from 'node:http';
import type {
  GatewayRequest,
  GatewayResponse,
  ProviderContext,
  SearchResult,
  TokenStore,
  Transport,
} from '../../core/sources/provider';
import { requestBody, requestFormData, requestUrl } from '../../core/sources/provider';

export interface NodeTransport extends Transport {
  jar: Map<string, string>;
  tokens: TokenStore;
  /** Every URL requested (after redirects too). */
  sent: string[];
  /** Change requests before they go out (tests tamper with the sign this way). */
  tamper?: (req: GatewayRequest) => GatewayRequest;
}

function once(
  port: number,
  method: string,
  url: URL,
  body: string | Buffer | undefined,
  headers: Record<string, string>,
  signal?: AbortSignal,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path: url.pathname + url.search,
        headers: {
          ...headers,
          host: url.host,
          ...(body !== undefined ? { 'content-length': Buffer.byteLength(body) } : {}),
        },
        signal,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

export function nodeTransport(port: number): NodeTransport {
  const jar = new Map<string, string>();
  const sent: string[] = [];
  const t: NodeTransport = {
    jar,
    sent,
    tokens: {
      async getToken() {
        return jar.get('_m_h5_tk') ?? null;
      },
    },
    async request(original, signal): Promise<GatewayResponse> {
      const req = t.tamper ? t.tamper(original) : original;
      let url = new URL(requestUrl(req));
      let method: string = req.method;
      let body: string | Buffer | undefined = requestBody(req);
      let contentType = body !== undefined ? 'application/x-www-form-urlencoded' : undefined;
      const formData = requestFormData(req);
      if (formData) {
        const encoded = new Response(formData);
        body = Buffer.from(await encoded.arrayBuffer());
        contentType = encoded.headers.get('content-type') ?? undefined;
      }
      for (let hop = 0; hop < 6; hop++) {
        sent.push(url.href);
        const headers: Record<string, string> = { ...(req.headers ?? {}) };
        if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
        if (body !== undefined && contentType) headers['content-type'] = contentType;
        const res = await once(port, method, url, body, headers, signal);
        const setCookie = res.headers['set-cookie'];
        for (const c of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
          const pair = c.split(';')[0] ?? '';
          const eq = pair.indexOf('=');
          if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
        }
        const location = res.headers.location;
        if (res.status >= 300 && res.status < 400 && typeof location === 'string') {
          url = new URL(location, url);
          method = 'GET';
          body = undefined;
          continue;
        }
        const flat: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') flat[k] = v;
        return { status: res.status, finalUrl: url.href, headers: flat, text: res.text };
      }
      throw new Error('too many redirects');
    },
  };
  return t;
}

export function contextFor(t: NodeTransport): ProviderContext {
  return { transport: t, tokens: t.tokens };
}

/** The page of a search that must have succeeded (the whole answer in the failure message otherwise). */
export function expectOk(r: SearchResult): Extract<SearchResult, { state: 'ok' }> {
  if (r.state !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r;
}
