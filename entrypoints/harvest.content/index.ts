import { parseOfferPage } from '../../core/sources/1688/parse-offer-page';
import { readResultsPage } from '../../core/sources/1688/parse-results-page';
import type { WholesaleOffer } from '../../core/sources/types';
import { sendMessage } from '../../messaging/client';

/** Script text read from an offer page at most (its data object sits in one inline script). */
const MAX_SCRIPT_TEXT = 4_000_000;

function offerPageOffers(): WholesaleOffer[] {
  let html = '';
  for (const s of document.scripts) {
    if (s.src) continue;
    html += `${s.textContent ?? ''}\n`;
    if (html.length > MAX_SCRIPT_TEXT) break;
  }
  const r = parseOfferPage(html, { url: location.href });
  return r.state === 'ok' ? [r.offer] : [];
}

/**
 * Reads the offers on 1688 pages the person browses — an offer page's data, or the cards of a results page —
 * and records them with their prices: the passive way price history builds up. Never changes the page.
 */
export default defineContentScript({
  matches: ['https://detail.1688.com/offer/*', 'https://s.1688.com/*', 'https://air.1688.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    const isOfferPage = location.host === 'detail.1688.com';
    let reported = '';
    const harvest = () => {
      if (!ctx.isValid) return;
      let offers: WholesaleOffer[] = [];
      try {
        offers = isOfferPage ? offerPageOffers() : readResultsPage(document);
      } catch {
        offers = [];
      }
      const fingerprint = offers.map((o) => `${o.offerId}:${o.priceMinMinor}`).join(',');
      if (!offers.length || fingerprint === reported) return;
      reported = fingerprint;
      void sendMessage('offersHarvested', {
        pageUrl: location.href,
        kind: isOfferPage ? 'offer-page' : 'results',
        offers: offers.slice(0, 120),
      }).catch(() => {});
    };
    harvest();
    // Results pages render and page by script: read again a few times as cards arrive.
    if (!isOfferPage) for (const ms of [1500, 4000, 9000]) ctx.setTimeout(harvest, ms);
  },
});
