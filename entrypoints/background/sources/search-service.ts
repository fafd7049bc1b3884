import { browser } from 'wxt/browser';
import { cacheKey } from '../../../core/sources/cache-key';
import type { ProviderId } from '../../../core/sources/index';
import type { SearchFilters, SearchResult, SortOrder } from '../../../core/sources/provider';
import type { SearchReply } from '../../../messaging/search';
import { db } from '../../../storage/db';
import { offersByKeys, readLookup, recordOffers, writeLookup } from '../../../storage/offers';
import { readSourceSettings } from '../../../storage/settings';
import { GATEWAY_HOST } from './gateway-tab';
import { imageToJpegBase64 } from './image';
import { exclusive, polite, spacedTransport } from './polite';
import { type SourceRuntime, sourceRuntime } from './runtimes';
import { AWAY_REDIRECT } from './transports';
import { backoffReply, wallReply } from './wall-reply';

/** The 1688 gateway host (suggestions share its slots). */
export const HOST = GATEWAY_HOST;
/** Offer pages are their own host: their slots do not hold up searches (offer-reader.ts). */
export const DETAIL_HOST = 'detail.1688.com';

export interface SearchRequest {
  /** Which wholesale source to ask. */
  source: ProviderId;
  mode: 'keywords' | 'image';
  /** Keywords, or the picture's http(s) URL. */
  query: string;
  sort: SortOrder;
  filters: SearchFilters;
  page: number;
  pageId: string | null;
  /** Image search, later pages: the picture as the source already has it (no second upload). */
  imageId?: string | null;
  /** Ignore a fresh cached answer (the user pressed refresh). */
  refresh: boolean;
}

/** A person solved the check on the source (or logged in): requests may go again at the normal pace. */
export async function verified(source: ProviderId = '1688'): Promise<void> {
  const p = await polite();
  // One check on 1688 clears the gateway and its offer pages alike.
  const hosts = source === '1688' ? [HOST, DETAIL_HOST] : [sourceRuntime(source)?.host ?? ''];
  for (const host of hosts) p.clear(host);
}

async function fetchFresh(src: SourceRuntime, req: SearchRequest, key: string): Promise<SearchReply> {
  const p = await polite();
  // Still backing off after a wall: say which, without touching the source again.
  const backoff = backoffReply(p, src.host, {
    verifyUrl: src.verifyUrl(req.mode === 'keywords' ? req.query : null),
    loginUrl: src.loginUrl(),
  });
  if (backoff) return backoff;
  const chain = src.transports();
  // Every request to the host waits for its slot, the token handshake's retries included.
  const ctx = { transport: spacedTransport(p, src.host, chain.transport), tokens: chain.tokens };
  const options = {
    sort: req.sort,
    filters: req.filters,
    page: req.page,
    pageId: req.pageId ?? undefined,
    imageId: req.imageId ?? undefined,
  };
  // One call at a time per host: its token read, slot wait and request belong together.
  const result: SearchResult = await exclusive(src.host, async () => {
    if (req.mode !== 'image') return src.provider.searchByKeywords(req.query, options, ctx);
    let jpeg = '';
    // A later page of an image search names the uploaded picture: nothing to fetch or upload again.
    if (!options.imageId) {
      try {
        jpeg = await imageToJpegBase64(req.query);
      } catch (err) {
        return { state: 'error', message: err instanceof Error ? err.message : String(err) };
      }
    }
    return src.provider.searchByImage(jpeg, options, ctx);
  });
  p.report(src.host, result.state, result.state === 'throttled' ? result.retryAfterMs : undefined);

  switch (result.state) {
    case 'ok': {
      const now = Date.now();
      const keys = await recordOffers(db(), result.offers, `https://${src.host}/`, 'search', now);
      const settings = await readSourceSettings();
      await writeLookup(db(), {
        key,
        source: src.id,
        query: req.query,
        offerKeys: keys,
        state: JSON.stringify({
          hasMore: result.hasMore,
          pageId: result.pageId,
          total: result.total,
          imageId: result.imageId ?? null,
        }),
        fetchedAt: now,
        expiresAt: now + settings.cacheHours * 3600_000,
      });
      const via = chain.served() ?? (src.id === '1688' ? 'gateway-tab' : 'alibaba-tab');
      return {
        state: 'ok',
        offers: await offersByKeys(db(), keys),
        hasMore: result.hasMore,
        pageId: result.pageId,
        total: result.total,
        imageId: result.imageId ?? null,
        via,
        fetchedAt: now,
        stale: false,
      };
    }
    case 'needs-verification':
    case 'needs-login':
    case 'throttled':
      return wallReply(result);
    case 'error':
      // The source answered with a redirect to another of its sites: in practice its login page. A person
      // has to act there; opening the results page would only meet the same wall.
      if (result.message.includes(AWAY_REDIRECT)) {
        p.report(src.host, 'needs-login');
        return { state: 'needs-login', url: src.loginUrl() };
      }
      if (result.message.startsWith('transport failed') && req.mode === 'keywords') {
        // (3) No transport could reach the source: open the results page for the person (on 1688 the
        // harvest script records its offers as they browse).
        const url = src.resultsPageUrl(req.query, req.sort);
        await browser.tabs.create({ url, active: true });
        return { state: 'opened-page', url, reason: result.message };
      }
      return { state: 'error', message: result.message };
  }
}

/**
 * One search as the side panel asks it: served from the cache while fresh (and stale-while-refreshing after),
 * otherwise sent politely through the source's transports. Walls come back as states the UI can act on.
 */
export async function searchOffers(req: SearchRequest): Promise<SearchReply> {
  const src = sourceRuntime(req.source);
  if (!src) return { state: 'error', message: `no source "${req.source}"` };
  const key = cacheKey({
    provider: src.id,
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
      imageId?: string | null;
    };
    const stale = cached.expiresAt <= Date.now();
    // Served stale while a fresh answer is fetched in the background; the panel re-reads the lookup row.
    if (stale) void fetchFresh(src, req, key).catch(() => {});
    return {
      state: 'ok',
      offers: await offersByKeys(db(), cached.offerKeys),
      ...meta,
      imageId: meta.imageId ?? null,
      via: 'cache',
      fetchedAt: cached.fetchedAt,
      stale,
    };
  }
  return fetchFresh(src, req, key);
}
