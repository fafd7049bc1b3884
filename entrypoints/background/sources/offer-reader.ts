import { detailUrl, verifyUrl } from '../../../core/sources/1688/urls';
import { createProvider } from '../../../core/sources/index';
import type { OfferReply } from '../../../messaging/search';
import { db } from '../../../storage/db';
import { offersByKeys, recordOffers } from '../../../storage/offers';
import { exclusive, polite, spacedTransport } from './polite';
import { DETAIL_HOST as HOST } from './search-service';
import { NO_TOKENS, pageTabTransport } from './transports';
import { backoffReply, wallReply } from './wall-reply';

const provider = createProvider('1688');

/**
 * One offer read in full from its detail page, on the person's request: every quantity tier, the minimum
 * order and unit, SKUs with their prices and stock, dropshipping, the supplier block. The page loads in an
 * inactive tab (the person's own session), politely spaced; the offer row and its price are updated.
 */
export async function readOffer(offerId: string): Promise<OfferReply> {
  if (!provider) return { state: 'error', message: 'no 1688 provider' };
  const p = await polite();
  const page = detailUrl(offerId) ?? verifyUrl();
  // The person passes a check (or logs in) on the offer page itself.
  const backoff = backoffReply(p, HOST, { verifyUrl: page, loginUrl: page });
  if (backoff) return backoff;
  const result = await exclusive(HOST, () =>
    provider.readOffer(
      { offerId },
      { transport: spacedTransport(p, HOST, pageTabTransport), tokens: NO_TOKENS },
    ),
  );
  p.report(HOST, result.state, result.state === 'throttled' ? result.retryAfterMs : undefined);
  switch (result.state) {
    case 'ok': {
      const [key] = await recordOffers(db(), [result.offer], page, 'offer-page', Date.now());
      const [stored] = key ? await offersByKeys(db(), [key]) : [];
      if (!stored) return { state: 'error', message: 'the offer could not be stored' };
      return { state: 'ok', offer: stored, skus: result.skus.slice(0, 200), generation: result.generation };
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
