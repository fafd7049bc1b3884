import { browser } from 'wxt/browser';
import { cacheKey } from '../../../core/sources/cache-key';
import type { SourceId } from '../../../core/sources/index';
import { type SearchResult, sourceError } from '../../../core/sources/provider';
import type { SearchRequest } from '../../../messaging/schemas';
import type { SearchReply } from '../../../messaging/search';
import { db } from '../../../storage/db';
import { offersByKeys, readLookup, recordOffers, writeLookup } from '../../../storage/offers';
import { readSourceSettings } from '../../../storage/settings';
import type { LookupPaging } from '../../../storage/types';
import { routeChain } from './chain';
import { imageToJpegBase64 } from './image';
import { exclusive, polite, spacedTransport } from './polite';
import { type SourceRuntime, sourceHosts, sourceRuntime } from './runtimes';
import { backoffReply, wallReply } from './wall-reply';

/** A person solved the check on the source (or logged in): requests may go again at the normal pace. */
export async function verified(source: SourceId): Promise<void> {
  const p = await polite();
  // One check on a source clears all its hosts (on 1688: the gateway and its offer pages alike).
  for (const host of sourceHosts(sourceRuntime(source).source)) p.clear(host);
}

async function fetchFresh(
  { source, provider }: SourceRuntime,
  req: SearchRequest,
  key: string,
): Promise<SearchReply> {
  const host = source.hosts.search;
  const p = await polite();
  // Still backing off after a wall: say which, without touching the source again.
  const backoff = backoffReply(p, host, {
    verifyUrl: source.pages.verify(null, req.mode === 'keywords' ? req.query : null),
    loginUrl: source.pages.login(),
  });
  if (backoff) return backoff;
  const chain = routeChain(source);
  // Every request to the host waits for its slot, the token handshake's retries included.
  const ctx = { transport: spacedTransport(p, host, chain.transport), tokens: chain.tokens };
  const options = {
    sort: req.sort,
    filters: req.filters,
    page: req.page,
    pageId: req.pageId ?? undefined,
    imageId: req.imageId ?? undefined,
  };
  // One call at a time per host: its token read, slot wait and request belong together.
  const result: SearchResult = await exclusive(host, async () => {
    if (req.mode !== 'image') return provider.searchByKeywords(req.query, options, ctx);
    let jpeg = '';
    // A later page of an image search names the uploaded picture: nothing to fetch or upload again.
    if (!options.imageId) {
      try {
        jpeg = await imageToJpegBase64(req.query);
      } catch (err) {
        return sourceError('input', err instanceof Error ? err.message : String(err));
      }
    }
    return provider.searchByImage(jpeg, options, ctx);
  });
  p.report(host, result.state, result.state === 'throttled' ? result.retryAfterMs : undefined);

  switch (result.state) {
    case 'ok': {
      const now = Date.now();
      const keys = await recordOffers(db(), result.offers, `https://${host}/`, 'search', now);
      const settings = await readSourceSettings();
      const paging: LookupPaging = {
        hasMore: result.hasMore,
        pageId: result.pageId,
        total: result.total,
        imageId: result.imageId ?? null,
      };
      await writeLookup(db(), {
        key,
        source: source.id,
        query: req.query,
        offerKeys: keys,
        paging,
        fetchedAt: now,
        expiresAt: now + settings.cacheHours * 3600_000,
      });
      return {
        state: 'ok',
        offers: await offersByKeys(db(), keys),
        ...paging,
        // A provider that answered served it through a route (the first declared, when none said).
        via: chain.served() ?? source.routes[0].id,
        fetchedAt: now,
        stale: false,
      };
    }
    case 'needs-verification':
    case 'needs-login':
    case 'throttled':
      return wallReply(result);
    case 'error':
      switch (result.kind) {
        case 'away-redirect':
          // The source sent the request on to another of its sites: in practice its login page. A person has
          // to act there; opening the results page would only meet the same wall.
          p.report(host, 'needs-login');
          return { state: 'needs-login', url: source.pages.login() };
        case 'transport':
          if (req.mode !== 'keywords') break;
          {
            // No route could reach the source: open the results page for the person (on 1688 the harvest
            // script records its offers as they browse).
            const url = source.pages.results(req.query, req.sort);
            await browser.tabs.create({ url, active: true });
            return { state: 'opened-page', url, reason: result.message };
          }
      }
      return { state: 'error', message: result.message };
  }
}

/**
 * One search as the side panel asks it: served from the cache while fresh (and stale-while-refreshing after),
 * otherwise sent politely through the source's routes. Walls come back as states the UI can act on.
 */
export async function searchOffers(req: SearchRequest): Promise<SearchReply> {
  const runtime = sourceRuntime(req.source);
  const key = cacheKey({
    provider: runtime.source.id,
    kind: req.mode === 'image' ? 'image' : 'keyword',
    query: req.query,
    sort: req.sort,
    filters: req.filters,
    page: req.page,
  });
  const cached = req.refresh ? undefined : await readLookup(db(), key);
  if (cached) {
    const stale = cached.expiresAt <= Date.now();
    // Served stale while a fresh answer is fetched in the background; the panel re-reads the lookup row.
    if (stale) void fetchFresh(runtime, req, key).catch(() => {});
    return {
      state: 'ok',
      offers: await offersByKeys(db(), cached.offerKeys),
      ...cached.paging,
      via: 'cache',
      fetchedAt: cached.fetchedAt,
      stale,
    };
  }
  return fetchFresh(runtime, req, key);
}
