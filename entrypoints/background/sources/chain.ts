import { browser } from 'wxt/browser';
import type { GatewayRequest, GatewayResponse, TokenStore, Transport } from '../../../core/sources/provider';
import { DIRECT_PERMISSION, directRequests } from '../../../storage/settings';
import {
  cookieTokens,
  directTransport,
  gatewayTabTokens,
  gatewayTabTransport,
  pageMtopTransport,
  type TransportId,
} from './transports';

/** Direct requests are tried only while the setting is on and its permission is still granted. */
async function directEnabled(): Promise<boolean> {
  if (!(await directRequests.getValue())) return false;
  return browser.permissions.contains(DIRECT_PERMISSION).catch(() => false);
}

/**
 * The transports in the order the issue sets: (1) the gateway tab, (2) a 1688 page's own request library —
 * with, when the person turned it on, a request straight from the service worker tried before them (never the
 * only path). The first that answers serves the request; which one did is remembered so the UI can show it.
 * (3), the person-facing results page, is not a transport: the search service opens it when all fail.
 */
export function transportChain(): {
  transport: Transport;
  tokens: TokenStore;
  served: () => TransportId | null;
} {
  let served: TransportId | null = null;
  const direct = directEnabled();
  const transport: Transport = {
    async request(req: GatewayRequest, signal?: AbortSignal): Promise<GatewayResponse> {
      const order: [TransportId, Transport][] = [
        ...((await direct) ? [['direct', directTransport] as [TransportId, Transport]] : []),
        ['gateway-tab', gatewayTabTransport],
        ['page-mtop', pageMtopTransport],
      ];
      const failures: string[] = [];
      for (const [id, t] of order) {
        try {
          const res = await t.request(req, signal);
          served = id;
          return res;
        } catch (err) {
          failures.push(`${id}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      throw new Error(failures.join('; '));
    },
  };
  const tokens: TokenStore = {
    // The cookie jar when direct requests may read it, else the gateway tab's page script (the page library
    // signs by itself, so no token is fine there).
    getToken: async () =>
      ((await direct) ? cookieTokens.getToken() : gatewayTabTokens.getToken()).catch(() => null),
  };
  return { transport, tokens, served: () => served };
}
