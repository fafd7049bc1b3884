import type { GatewayRequest, GatewayResponse, TokenStore, Transport } from '../../../core/sources/provider';
import { gatewayTabTokens, gatewayTabTransport, pageMtopTransport, type TransportId } from './transports';

/**
 * The transports in the order the issue sets: (1) the gateway tab, (2) a 1688 page's own request library.
 * The first that answers serves the request; which one did is remembered so the UI can show it. (3), the
 * person-facing results page, is not a transport: the search service opens it when both fail.
 */
export function transportChain(): {
  transport: Transport;
  tokens: TokenStore;
  served: () => TransportId | null;
} {
  let served: TransportId | null = null;
  const order: [TransportId, Transport][] = [
    ['gateway-tab', gatewayTabTransport],
    ['page-mtop', pageMtopTransport],
  ];
  const transport: Transport = {
    async request(req: GatewayRequest, signal?: AbortSignal): Promise<GatewayResponse> {
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
    // Only the gateway tab can read the cookie; the page library signs by itself, so no token is fine there.
    getToken: () => gatewayTabTokens.getToken().catch(() => null),
  };
  return { transport, tokens, served: () => served };
}
