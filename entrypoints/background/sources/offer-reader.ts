import type { SourceId } from '../../../core/sources/index';
import type { OfferReply } from '../../../messaging/search';
import { db } from '../../../storage/db';
import { offersByKeys, recordOffers } from '../../../storage/offers';
import { exclusive, polite, spacedTransport } from './polite';
import { offerPageHost, sourceRuntime } from './runtimes';
import { NO_TOKENS, pageTabTransport } from './transports';
import { backoffReply, wallReply } from './wall-reply';

/** Variants shown at most (a page can list thousands of SKU combinations). */
const MAX_SKUS = 200;

/**
 * One offer read in full from its own page, on the person's request: every quantity tier, the minimum order
 * and unit, variants with their prices and stock, dropshipping, the supplier block. The page loads in an
 * inactive tab (the person's own session), politely spaced on the source's offer-page host; the offer row and
 * its price are updated.
 */
export async function readOffer(sourceId: SourceId, offerId: string): Promise<OfferReply> {
  const { source, provider } = sourceRuntime(sourceId);
  if (!source.supports.offerPages)
    return { state: 'error', message: `${source.name} offer pages are not read by SourceLens yet` };
  const page = source.pages.offer(offerId);
  if (!page) return { state: 'error', message: `not a ${source.name} offer id` };
  const host = offerPageHost(source);
  const p = await polite();
  // The person passes a check (or logs in) on the offer page itself.
  const backoff = backoffReply(p, host, { verifyUrl: page, loginUrl: page });
  if (backoff) return backoff;
  const result = await exclusive(host, () =>
    provider.readOffer(
      { offerId },
      { transport: spacedTransport(p, host, pageTabTransport(source.sites)), tokens: NO_TOKENS },
    ),
  );
  p.report(host, result.state, result.state === 'throttled' ? result.retryAfterMs : undefined);
  switch (result.state) {
    case 'ok': {
      const [key] = await recordOffers(db(), [result.offer], page, 'offer-page', Date.now());
      const [stored] = key ? await offersByKeys(db(), [key]) : [];
      if (!stored) return { state: 'error', message: 'the offer could not be stored' };
      return {
        state: 'ok',
        offer: stored,
        skus: result.skus.slice(0, MAX_SKUS),
        generation: result.generation,
      };
    }
    case 'delisted':
      return { state: 'delisted' };
    case 'needs-verification':
    case 'needs-login':
    case 'throttled':
      return wallReply(result);
    case 'error':
      return { state: 'error', message: result.message };
  }
}
