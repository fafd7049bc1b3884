import { harvestedOffers, sourceOfPage } from '../../core/sources/harvested';
import { SOURCES } from '../../core/sources/index';
import type { WholesaleOffer } from '../../core/sources/types';
import { withoutSecrets } from '../../core/url';
import type { SenderInfo } from '../../messaging/sender';
import type { SourceLensDb } from '../../storage/db';
import { recordOffers } from '../../storage/offers';

/**
 * Records offers a source's page reported. The page is the browser's word for the sender (`sender.url`), never
 * the message's: it must be the page the message names and on a registered source's sites; the offers' links
 * are rebuilt from their ids (core/sources/harvested.ts); the page URL is stored without secrets.
 */
export async function recordHarvested(
  database: SourceLensDb,
  report: { pageUrl: string; kind: 'offer-page' | 'results'; offers: WholesaleOffer[] },
  sender: SenderInfo,
  now: number,
): Promise<{ recorded: number }> {
  const page = sender.url ? withoutSecrets(sender.url) : null;
  const named = withoutSecrets(report.pageUrl);
  if (!page || !named || new URL(page).host !== new URL(named).host)
    throw new Error('offers reported for another page');
  const source = sourceOfPage(SOURCES, page);
  if (!source) throw new Error("offers reported from outside the sources' sites");
  const offers = harvestedOffers(source, report.offers);
  const via = report.kind === 'offer-page' ? 'offer-page' : 'harvest';
  const keys = await recordOffers(database, offers, page, via, now);
  return { recorded: keys.length };
}
