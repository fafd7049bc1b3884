/**
 * Offers a source's page reported while the person browsed it (the harvest content script), made as trustworthy
 * as searched ones. The page is hostile data: the offers' links are rebuilt from their ids as searches build
 * them (the source's own `pages.offer`), so a card cannot point "view offer" anywhere else; a shop link off the
 * source's sites is dropped; only the source whose sites the sender's page is on is accepted. Pure.
 */

import { MatchPattern } from '@webext-core/match-patterns';
import * as v from 'valibot';
import { withoutSecrets } from '../url';
import type { SourceDefinition } from './definition';
import { WholesaleOfferSchema } from './offer-schema';
import type { WholesaleOffer } from './types';

const onSites = (sites: readonly string[], url: string) =>
  sites.some((pattern) => new MatchPattern(pattern).includes(url));

/** The registered source whose sites `url` is on, or null. */
export function sourceOfPage<S extends Pick<SourceDefinition, 'id' | 'sites'>>(
  sources: readonly S[],
  url: string,
): S | null {
  return sources.find((s) => onSites(s.sites, url)) ?? null;
}

/** Every offer stored passes the one offer schema, whatever path it came by (search, harvest, offer page). */
export function storableOffers(offers: readonly unknown[]): WholesaleOffer[] {
  return offers.filter((o): o is WholesaleOffer => v.is(WholesaleOfferSchema, o));
}

/** The harvested offers as they may be stored, with their links rebuilt; ones the source would not have dropped. */
export function harvestedOffers(
  source: Pick<SourceDefinition, 'id' | 'sites' | 'pages'>,
  offers: readonly WholesaleOffer[],
): WholesaleOffer[] {
  const out: WholesaleOffer[] = [];
  for (const o of offers) {
    if (o.source !== source.id) continue;
    const url = source.pages.offer(o.offerId);
    if (!url) continue;
    const shop = o.supplier.shopUrl ? withoutSecrets(o.supplier.shopUrl) : null;
    const shopUrl = shop && onSites(source.sites, shop) ? shop : null;
    out.push({ ...o, url, supplier: { ...o.supplier, shopUrl } });
  }
  return storableOffers(out);
}
