import * as urls1688 from '../../../core/sources/1688/urls';
import * as urlsAlibaba from '../../../core/sources/alibaba/urls';
import { createProvider, type ProviderId } from '../../../core/sources/index';
import type { SortOrder, SourceProvider, TokenStore, Transport } from '../../../core/sources/provider';
import type { SearchVia } from '../../../messaging/search';
import { transportChain } from './chain';
import { GATEWAY_HOST } from './gateway-tab';
import { NO_TOKENS, originTabTransport } from './transports';

type TransportId = Exclude<SearchVia, 'cache'>;

/** What the background needs to run one source: its provider, host, transports and person-facing pages. */
export interface SourceRuntime {
  id: ProviderId;
  label: string;
  /** The host politeness slots and back-offs are kept for. */
  host: string;
  provider: SourceProvider;
  /** Fresh transports for one request (remembers which one served it). */
  transports(): { transport: Transport; tokens: TokenStore; served: () => TransportId | null };
  /** Where a person passes a check (while SourceLens is backing off and has no wall URL of its own). */
  verifyUrl(query: string | null): string;
  loginUrl(): string;
  /** The results page a person would see, opened when no transport reaches the source. */
  resultsPageUrl(query: string, sort: SortOrder): string;
}

function alibabaTransports(): ReturnType<SourceRuntime['transports']> {
  let served: TransportId | null = null;
  const tab = originTabTransport(urlsAlibaba.SEARCH_ORIGIN);
  return {
    transport: {
      async request(req, signal) {
        const res = await tab.request(req, signal);
        served = 'alibaba-tab';
        return res;
      },
    },
    // Alibaba.com's search endpoints are not signed.
    tokens: NO_TOKENS,
    served: () => served,
  };
}

/** The sources, each built once per service-worker life (providers keep their empty-answer counters). */
const runtimes: Record<ProviderId, SourceRuntime | null> = {
  '1688': runtime1688(),
  alibaba: runtimeAlibaba(),
};

function runtime1688(): SourceRuntime | null {
  const provider = createProvider('1688');
  if (!provider) return null;
  return {
    id: '1688',
    label: '1688',
    host: GATEWAY_HOST,
    provider,
    transports: transportChain,
    verifyUrl: (query) => urls1688.verifyUrl(null, query),
    loginUrl: () => urls1688.loginUrl(),
    resultsPageUrl: (query, sort) => urls1688.searchPageUrl(query, sort),
  };
}

function runtimeAlibaba(): SourceRuntime | null {
  const provider = createProvider('alibaba');
  if (!provider) return null;
  return {
    id: 'alibaba',
    label: 'Alibaba.com',
    host: 'www.alibaba.com',
    provider,
    transports: alibabaTransports,
    verifyUrl: (query) => urlsAlibaba.verifyUrl(null, query),
    loginUrl: () => urlsAlibaba.loginUrl(),
    resultsPageUrl: (query) => urlsAlibaba.searchPageUrl(query),
  };
}

export function sourceRuntime(id: ProviderId): SourceRuntime | null {
  return runtimes[id];
}
