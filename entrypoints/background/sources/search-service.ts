import { browser } from 'wxt/browser';
import { loginUrl, searchPageUrl, verifyUrl } from '../../../core/sources/1688/urls';
import { cacheKey } from '../../../core/sources/cache-key';
import { createProvider } from '../../../core/sources/index';
import type { SearchFilters, SearchResult, SortOrder } from '../../../core/sources/provider';
import type { SearchReply } from '../../../messaging/search';
import { db } from '../../../storage/db';
import { offersByKeys, readLookup, recordOffers, writeLookup } from '../../../storage/offers';
import { sourceSettings } from '../../../storage/settings';
import { transportChain } from './chain';
import { imageToJpegBase64 } from './image';
import { polite, spacedTransport } from './polite';
import { AWAY_REDIRECT } from './transports';

export const HOST = 'h5api.m.1688.com';
/** Offer pages are their own host: their slots do not hold up searches (offer-reader.ts). */
export const DETAIL_HOST = 'detail.1688.com';

export interface SearchRequest {
  mode: 'keywords' | 'image';
  /** Keywords, or the picture's http(s) URL. */
  query: string;
  sort: SortOrder;
  filters: SearchFilters;
  page: number;
  pageId: string | null;
  /** Ignore a fresh cached answer (the user pressed refresh). */
  refresh: boolean;
}

const provider = createProvider('1688');

/** A person solved the check on 1688 (or logged in): searches may go again at the normal pace. */
export async function verified(): Promise<void> {
  const p = await polite();
  // One check on 1688 clears the gateway and its offer pages alike.
  for (const host of [HOST, DETAIL_HOST]) p.clear(host);
}

async function fetchFresh(req: SearchRequest, key: string): Promise<SearchReply> {
  if (!provider) return { state: 'error', message: 'no 1688 provider' };
  const p = await polite();
  const blocked = p.blocked(HOST);
  // Still backing off after a wall: say which, without touching the source again.
  if (blocked?.reason === 'needs-verification')
    return { state: 'needs-verification', url: verifyUrl(null, req.query) };
  if (blocked?.reason === 'needs-login') return { state: 'needs-login', url: loginUrl() };
  if (blocked) return { state: 'throttled', retryAt: blocked.until };
  const chain = transportChain();
  // Every request to the host waits for its slot, the token handshake's retries included.
  const ctx = { transport: spacedTransport(p, HOST, chain.transport), tokens: chain.tokens };
  const options = { sort: req.sort, filters: req.filters, page: req.page, pageId: req.pageId ?? undefined };
  let result: SearchResult;
  if (req.mode === 'image') {
    let jpeg: string;
    try {
      jpeg = await imageToJpegBase64(req.query);
    } catch (err) {
      return { state: 'error', message: err instanceof Error ? err.message : String(err) };
    }
    result = await provider.searchByImage(jpeg, options, ctx);
  } else {
    result = await provider.searchByKeywords(req.query, options, ctx);
  }
  p.report(HOST, result.state, result.state === 'throttled' ? result.retryAfterMs : undefined);

  switch (result.state) {
    case 'ok': {
      const now = Date.now();
      const keys = await recordOffers(db(), result.offers, `https://${HOST}/`, 'search', now);
      const settings = await sourceSettings.getValue();
      await writeLookup(db(), {
        key,
        source: '1688',
        query: req.query,
        offerKeys: keys,
        state: JSON.stringify({ hasMore: result.hasMore, pageId: result.pageId, total: result.total }),
        fetchedAt: now,
        expiresAt: now + settings.cacheHours * 3600_000,
      });
      const via = chain.served() ?? 'gateway-tab';
      return {
        state: 'ok',
        offers: await offersByKeys(db(), keys),
        hasMore: result.hasMore,
        pageId: result.pageId,
        total: result.total,
        via,
        fetchedAt: now,
        stale: false,
      };
    }
    case 'needs-verification':
    case 'needs-login':
      return { state: result.state, url: result.url };
    case 'throttled':
      return { state: 'throttled', retryAt: Date.now() + result.retryAfterMs };
    case 'error':
      // The gateway answered with a redirect to another 1688 site: in practice its login page. A person has
      // to act there; opening the results page would only meet the same wall.
      if (result.message.includes(AWAY_REDIRECT)) {
        p.report(HOST, 'needs-login');
        return { state: 'needs-login', url: loginUrl() };
      }
      if (result.message.startsWith('transport failed') && req.mode === 'keywords') {
        // (3) Neither transport could reach the gateway: open the results page for the person; the harvest
        // script records its offers as they browse.
        const url = searchPageUrl(req.query, req.sort);
        await browser.tabs.create({ url, active: true });
        return { state: 'opened-page', url, reason: result.message };
      }
      return { state: 'error', message: result.message };
  }
}

/**
 * One search as the side panel asks it: served from the cache while fresh (and stale-while-refreshing after),
 * otherwise sent politely through the transport chain. Walls come back as states the UI can act on.
 */
export async function searchOffers(req: SearchRequest): Promise<SearchReply> {
  const key = cacheKey({
    provider: '1688',
    kind: req.mode === 'image' ? 'image' : 'keyword',
    query: req.query,
    sort: req.sort,
    filters: req.filters,
    page: req.page,
  });
  const cached = req.refresh ? undefined : await readLookup(db(), key);
  if (cached) {
    const meta = JSON.parse(cached.state) as {
      hasMore: boolean;
      pageId: string | null;
      total: number | null;
    };
    const stale = cached.expiresAt <= Date.now();
    // Served stale while a fresh answer is fetched in the background; the panel re-reads the lookup row.
    if (stale) void fetchFresh(req, key).catch(() => {});
    return {
      state: 'ok',
      offers: await offersByKeys(db(), cached.offerKeys),
      ...meta,
      via: 'cache',
      fetchedAt: cached.fetchedAt,
      stale,
    };
  }
  return fetchFresh(req, key);
}
