import type { SourceDefinition, SourceId } from '../../../core/sources/index';
import {
  type OfferResult,
  type ProviderContext,
  type SourceProvider,
  transportFailed,
} from '../../../core/sources/provider';
import type { OfferReply } from '../../../messaging/search';
import { db } from '../../../storage/db';
import { offersByKeys, recordOffers, recordOfferVariants } from '../../../storage/offers';
import { readSourceSettings } from '../../../storage/settings/sources';
import { exclusive, polite, politeTransport } from './polite';
import { offerPageHost, type SourceRuntime, sourceRuntime } from './runtimes';
import { NO_TOKENS, renderedPageTransport, sameOriginPageTransport } from './transports';
import { turnedOff } from './turned-off';
import { backoffReply, unrecognisedReply, wallReply } from './wall-reply';

/** Variants sent to the panel at most (a page can list thousands of SKU combinations). */
const MAX_SKUS = 200;

/** How the page was read: fetched as HTML, or shown in the helper tab and read after its scripts ran. */
export type OfferRead = 'fetched' | 'rendered';

/** A result that says the page's markup had no offer data in a shape the provider reads (it may need scripts). */
const noDataInMarkup = (r: OfferResult) =>
  r.state === 'unrecognised' || (r.state === 'error' && r.kind === 'answer');

/**
 * The offer, read as cheaply as the page allows: its HTML fetched same-origin from the helper tab on the page's
 * origin (no tab per page); only when that markup carries no offer data is the page shown in the helper tab and
 * read after its scripts ran — its markup again, then its data object as the source reads it.
 */
async function readPage(
  { source, provider }: { source: SourceRuntime['source']; provider: SourceProvider },
  offerId: string,
  url: string,
  ctx: (transport: ProviderContext['transport']) => ProviderContext,
  render: ProviderContext['transport'],
): Promise<{ result: OfferResult; read: OfferRead }> {
  const fetched = await provider.readOffer({ offerId }, ctx(sameOriginPageTransport(source.sites)));
  if (!noDataInMarkup(fetched)) return { result: fetched, read: 'fetched' };
  let shown: Awaited<ReturnType<typeof render.request>>;
  try {
    shown = await render.request({ method: 'GET', url, query: {}, expect: 'page' });
  } catch (err) {
    return { result: transportFailed(err), read: 'rendered' };
  }
  const fromMarkup = await provider.readOffer({ html: shown.text, url: shown.finalUrl }, ctx(render));
  if (!noDataInMarkup(fromMarkup) || shown.pageData === undefined)
    return { result: fromMarkup, read: 'rendered' };
  return {
    result: await provider.readOffer({ data: shown.pageData, offerId }, ctx(render)),
    read: 'rendered',
  };
}

/**
 * One offer read in full from its own page, on the person's request: every quantity tier, the minimum order
 * and unit, variants with their prices and stock, dropshipping, the supplier block. Pages are read in the
 * person's own session, politely spaced on the source's offer-page host; the offer row and its price are updated.
 */
export async function readOffer(
  sourceId: SourceId,
  offerId: string,
  // The scheduled refresh (refresh/runner.ts) reads the same way; its prices are recorded as refreshes.
  via: 'offer-page' | 'refresh' = 'offer-page',
): Promise<OfferReply> {
  const off = await turnedOff(sourceId);
  if (off) return off;
  const runtime = await sourceRuntime(sourceId);
  const { source } = runtime;
  if (!source.supports.offerPages)
    return { state: 'error', message: `${source.name} offer pages are not read by SourceLens yet` };
  const page = source.pages.offer(offerId);
  if (!page) return { state: 'error', message: `not a ${source.name} offer id` };
  const host = offerPageHost(source);
  const p = await polite();
  const settings = await readSourceSettings();
  // The person passes a check (or logs in) on the offer page itself.
  const backoff = backoffReply(p, host, { verifyUrl: page, loginUrl: page });
  if (backoff) return backoff;
  const spaced = (t: ProviderContext['transport']) => politeTransport(p, host, t, settings.deadlineMs);
  const ctx = (t: ProviderContext['transport']): ProviderContext => ({
    transport: spaced(t),
    tokens: NO_TOKENS,
  });
  const { offerPageData } = source as SourceDefinition;
  const render = spaced(renderedPageTransport(source.sites, offerPageData));
  const { result, read } = await exclusive(host, () => readPage(runtime, offerId, page, ctx, render));
  p.report(host, result.state, result.state === 'throttled' ? result.retryAfterMs : undefined);
  switch (result.state) {
    case 'ok': {
      const now = Date.now();
      const [key] = await recordOffers(db(), [result.offer], page, via, now);
      // The variants as read now stay with the offer, for the shortlist (tiers are in the offer row already).
      if (key) await recordOfferVariants(db(), key, result.skus, result.skusKnown, now);
      const [stored] = key ? await offersByKeys(db(), [key]) : [];
      if (!stored) return { state: 'error', message: 'the offer could not be stored' };
      return {
        state: 'ok',
        offer: stored,
        skus: result.skus.slice(0, MAX_SKUS),
        generation: result.generation,
        read,
        skusKnown: result.skusKnown,
      };
    }
    case 'delisted':
      return { state: 'delisted' };
    case 'needs-verification':
    case 'needs-login':
    case 'throttled':
      return wallReply(result);
    case 'unrecognised':
      return unrecognisedReply(source.id, result, page);
    case 'error':
      if (result.kind === 'timeout')
        return { state: 'timed-out', seconds: Math.round(settings.deadlineMs / 1000) };
      return { state: 'error', message: result.message };
  }
}
