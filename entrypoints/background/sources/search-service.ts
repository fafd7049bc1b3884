import { browser } from 'wxt/browser';
import { cacheKey } from '../../../core/sources/cache-key';
import type { SourceId } from '../../../core/sources/index';
import {
  abortedError,
  type ProviderContext,
  type SearchPage,
  type SearchResult,
  sourceError,
  type Transport,
} from '../../../core/sources/provider';
import { filterHere, filtersHere, inAskedOrder, sortHere } from '../../../core/sources/refine';
import type { WholesaleOffer } from '../../../core/sources/types';
import type { SearchRequest } from '../../../messaging/schemas';
import type { SearchReply } from '../../../messaging/search';
import { db } from '../../../storage/db';
import { offersByKeys, readLookup, recordOffers, writeLookup } from '../../../storage/offers';
import { endProgress, reportProgress, type SearchProgress } from '../../../storage/search-progress';
import { readSourceSettings } from '../../../storage/settings/sources';
import type { LookupPaging } from '../../../storage/types';
import { routeChain } from './chain';
import { imageToJpegBase64 } from './image';
import { exclusive, polite, politeTransport } from './polite';
import { type SourceRuntime, sourceHosts, sourceRuntime } from './runtimes';
import { turnedOff } from './turned-off';
import { backoffReply, unrecognisedReply, wallReply } from './wall-reply';

/**
 * When filters applied here leave fewer offers than this on a page, the next pages of the same result list are
 * asked for too (at most EXTRA_PAGES more), so "dropshipping only" does not show three offers out of sixty.
 */
const ENOUGH_OFFERS = 20;
const EXTRA_PAGES = 2;

/** Searches the panel can still cancel, by its request id. */
const running = new Map<string, AbortController>();

/** The person cancelled a search: its requests stop (slot waits, transports) and it answers "cancelled". */
export function cancelSearch(requestId: string): boolean {
  const controller = running.get(requestId);
  controller?.abort(new DOMException('cancelled by the person', 'AbortError'));
  return controller !== undefined;
}

/** A person solved the check on the source (or logged in): requests may go again at the normal pace. */
export async function verified(source: SourceId): Promise<void> {
  const p = await polite();
  // One check on a source clears all its hosts (on 1688: the gateway and its offer pages alike).
  for (const host of sourceHosts((await sourceRuntime(source)).source)) p.clear(host);
}

/** One page of the search, by keywords or by picture (the picture fetched and re-encoded only for page 1). */
async function askPage(
  { provider }: SourceRuntime,
  req: SearchRequest,
  ctx: ProviderContext,
  page: number,
  after: SearchPage | null,
): Promise<SearchResult> {
  const options = {
    sort: req.sort,
    filters: req.filters,
    page,
    pageId: (after?.pageId ?? req.pageId) || undefined,
    imageId: (after?.imageId ?? req.imageId) || undefined,
  };
  if (req.mode !== 'image') return provider.searchByKeywords(req.query, options, ctx);
  let jpeg = '';
  // A later page of an image search names the uploaded picture: nothing to fetch or upload again.
  if (!options.imageId) {
    try {
      jpeg = await imageToJpegBase64(req.query, ctx.signal);
    } catch (err) {
      if (ctx.signal?.aborted) throw err;
      return sourceError('input', err instanceof Error ? err.message : String(err));
    }
  }
  return provider.searchByImage(jpeg, options, ctx);
}

async function fetchFresh(
  runtime: SourceRuntime,
  req: SearchRequest,
  key: string,
  signal?: AbortSignal,
): Promise<SearchReply> {
  const { source } = runtime;
  const host = source.hosts.search;
  const p = await polite();
  const settings = await readSourceSettings();
  let page = req.page;
  const kept: WholesaleOffer[] = [];
  const progress = (step: SearchProgress['step']) => {
    if (req.requestId)
      void reportProgress({
        requestId: req.requestId,
        source: source.id,
        step,
        page,
        offers: kept.length,
        at: Date.now(),
      });
  };
  // Still backing off after a wall: say which, without touching the source again.
  const backoff = backoffReply(p, host, {
    verifyUrl: source.pages.verify(null, req.mode === 'keywords' ? req.query : null),
    loginUrl: source.pages.login(),
  });
  if (backoff) return backoff;
  const chain = routeChain(source);
  // What each request is for shows as the search's progress, once its slot has come.
  const tracked: Transport = {
    request(r, s) {
      progress(r.step ?? 'search');
      return chain.transport.request(r, s);
    },
  };
  // Every request to the host waits for its slot (the token handshake's retries included) and has its deadline.
  const ctx: ProviderContext = {
    transport: politeTransport(p, host, tracked, settings.deadlineMs),
    tokens: chain.tokens,
    signal,
  };
  const here = filtersHere(req.filters, source.supports.filters);
  let sortedHere = false;
  let last: SearchPage | null = null;
  progress('waiting');
  // One call at a time per host: its token read, slot wait and request belong together.
  const result: SearchResult = await exclusive(host, async () => {
    for (let extra = 0; ; extra++) {
      if (signal?.aborted) return abortedError(signal);
      const answer = await askPage(runtime, req, ctx, page, last);
      p.report(host, answer.state, answer.state === 'throttled' ? answer.retryAfterMs : undefined);
      // A later page failing still leaves the pages already read: what was read is shown (the failure has been
      // reported to the politeness policy, so a wall there still pauses the source).
      if (answer.state !== 'ok') return last ? { ...last, state: 'ok', offers: kept } : answer;
      last = answer;
      let offers = filterHere(answer.offers, req.filters, source.supports.filters);
      if (!inAskedOrder(offers, req.sort)) {
        offers = sortHere(offers, req.sort);
        sortedHere = true;
      }
      kept.push(...offers);
      if (!here.length || kept.length >= ENOUGH_OFFERS || !answer.hasMore || extra >= EXTRA_PAGES)
        return { ...answer, offers: kept };
      page++;
    }
  });

  switch (result.state) {
    case 'ok': {
      const now = Date.now();
      const keys = await recordOffers(db(), result.offers, `https://${host}/`, 'search', now);
      const paging: LookupPaging = {
        hasMore: result.hasMore,
        pageId: result.pageId,
        total: result.total,
        imageId: result.imageId ?? null,
        lastPage: page,
        filteredHere: here,
        sortedHere,
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
        lastPage: page,
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
    case 'unrecognised':
      return unrecognisedReply(
        source.id,
        result,
        req.mode === 'keywords' ? source.pages.results(req.query, req.sort) : source.pages.home,
      );
    case 'error':
      switch (result.kind) {
        case 'aborted':
          return { state: 'cancelled' };
        case 'timeout':
          return { state: 'timed-out', seconds: Math.round(settings.deadlineMs / 1000) };
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
 * otherwise sent politely through the source's routes. Walls, timeouts and answers in an unknown shape come back
 * as states the UI can act on.
 */
export async function searchOffers(req: SearchRequest): Promise<SearchReply> {
  const off = await turnedOff(req.source);
  if (off) return off;
  const runtime = await sourceRuntime(req.source);
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
      lastPage: cached.paging.lastPage ?? req.page,
      via: 'cache',
      fetchedAt: cached.fetchedAt,
      stale,
    };
  }
  const controller = new AbortController();
  if (req.requestId) running.set(req.requestId, controller);
  try {
    return await fetchFresh(runtime, req, key, controller.signal);
  } finally {
    if (req.requestId) {
      running.delete(req.requestId);
      void endProgress(req.requestId);
    }
  }
}
