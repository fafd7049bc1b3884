import { browser } from 'wxt/browser';
import type { Source } from '../../../core/sources/index';
import type { GatewayRequest, GatewayResponse, TokenStore, Transport } from '../../../core/sources/provider';
import { TransportError } from '../../../core/sources/provider';
import { DIRECT_PERMISSION, directRequests } from '../../../storage/settings/sources';
import {
  cookieJarTokens,
  directTransport,
  NO_TOKENS,
  originTabTransport,
  pageCookieTokens,
  pageLibraryTransport,
} from './transports';

type Route = Source['routes'][number];

/** Direct requests are tried only while the setting is on and its permission is still granted. */
async function directEnabled(): Promise<boolean> {
  if (!(await directRequests.getValue())) return false;
  return browser.permissions.contains(DIRECT_PERMISSION).catch(() => false);
}

function routeTransport(source: Source, route: Route): Transport {
  switch (route.kind) {
    case 'direct':
      return directTransport(source.sites);
    case 'origin-tab':
      return originTabTransport(route.origin);
    case 'page-library':
      return pageLibraryTransport(route);
  }
}

export interface RouteChain {
  transport: Transport;
  tokens: TokenStore;
  /** The route that carried the last request, for the person to see how the answer came. */
  served: () => Route['id'] | null;
}

/**
 * A source's routes in the order it declares them — a direct route only when the person turned direct requests
 * on (it is never the only path). The first route that carries a request serves it and is remembered. When
 * none can, the search service opens the person-facing results page instead.
 */
export function routeChain(source: Source): RouteChain {
  let served: Route['id'] | null = null;
  const direct = directEnabled();
  const transport: Transport = {
    async request(req: GatewayRequest, signal?: AbortSignal): Promise<GatewayResponse> {
      const useDirect = await direct;
      const failures: string[] = [];
      let awayRedirect = false;
      for (const route of source.routes) {
        if (route.kind === 'direct' && !useDirect) continue;
        try {
          const res = await routeTransport(source, route).request(req, signal);
          served = route.id;
          return res;
        } catch (err) {
          // Past the deadline (or cancelled): no other route is tried; the caller reports why.
          if (signal?.aborted) throw err;
          if (err instanceof TransportError && err.failure === 'away-redirect') awayRedirect = true;
          failures.push(`${route.id}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      // A route that met the source's redirect to its login site outranks the routes that could not reach it.
      throw new TransportError(awayRedirect ? 'away-redirect' : 'unreachable', failures.join('; '));
    },
  };
  const token = source.token;
  const tokens: TokenStore = token
    ? {
        // The cookie jar when direct requests may read it, else page script in the helper tab on the token's
        // origin (a page library signs by itself, so no token is fine there).
        getToken: async () =>
          ((await direct) ? cookieJarTokens(token) : pageCookieTokens(token)).getToken().catch(() => null),
      }
    : NO_TOKENS;
  return { transport, tokens, served: () => served };
}
