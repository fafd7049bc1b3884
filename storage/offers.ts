import * as v from 'valibot';
import { storableOffers } from '../core/sources/harvested';
import { MAX_STORED_SKUS, OfferSkuSchema } from '../core/sources/offer-schema';
import type { OfferSku } from '../core/sources/provider';
import type { WholesaleOffer } from '../core/sources/types';
import type { SourceLensDb } from './db';
import { type NewObservation, recordObservations } from './price-history';
import { withQuotaGuard } from './quota';
import type { CachedLookup, PriceObservation, StoredOffer, StoredVariants } from './types';

export const offerKey = (o: Pick<WholesaleOffer, 'source' | 'offerId'>) => `${o.source}:${o.offerId}`;

/**
 * Records offers a source returned (or the user browsed past): the same offer seen twice is one row, updated;
 * its lowest price (with its tiers when known) becomes a price observation when price-history.ts says it is
 * new. One transaction.
 */
export async function recordOffers(
  database: SourceLensDb,
  reported: WholesaleOffer[],
  where: string,
  via: PriceObservation['via'],
  now: number,
): Promise<string[]> {
  // Whatever path an offer came by (search, harvest, offer page, refresh), it passes the one offer schema.
  const offers = storableOffers(reported);
  if (offers.length === 0) return [];
  return withQuotaGuard(() =>
    database.transaction('rw', [database.offers, database.priceInbox], async () => {
      const keys = offers.map(offerKey);
      const existing = await database.offers.bulkGet(keys);
      const rows: StoredOffer[] = offers.map((o, i) => {
        const old = existing[i];
        return {
          key: keys[i] as string,
          source: o.source,
          offerId: o.offerId,
          title: o.title,
          url: o.url,
          images: o.images.length ? o.images : (old?.images ?? []),
          currency: o.currency,
          priceTiers: o.priceTiers.length ? o.priceTiers : (old?.priceTiers ?? []),
          priceMinMinor: o.priceMinMinor ?? old?.priceMinMinor ?? null,
          priceMaxMinor: o.priceMaxMinor ?? old?.priceMaxMinor ?? null,
          moq: o.moq ?? old?.moq ?? null,
          unit: o.unit ?? old?.unit ?? null,
          dropship: o.dropship ?? old?.dropship ?? null,
          sales: o.sales ?? old?.sales ?? null,
          isAd: o.isAd,
          shippingPromise: o.shippingPromise ?? old?.shippingPromise ?? null,
          supplier: o.supplier,
          firstSeenAt: old?.firstSeenAt ?? now,
          lastSeenAt: now,
          // What its page last showed stays until the page is read again (recordOfferVariants).
          ...(old?.variants ? { variants: old.variants } : {}),
        };
      });
      await database.offers.bulkPut(rows);
      const observations: NewObservation[] = [];
      rows.forEach((row, i) => {
        if (row.priceMinMinor === null) return;
        observations.push({
          subjectKey: row.key,
          subjectKind: 'offer',
          minor: row.priceMinMinor,
          maxMinor: row.priceMaxMinor,
          currency: row.currency,
          at: now,
          where,
          via,
          // Only tiers read this time: a search's range says nothing about the tiers an offer page showed.
          ...(offers[i]?.priceTiers.length ? { tiers: row.priceTiers } : {}),
        });
      });
      await recordObservations(database, observations);
      return keys;
    }),
  );
}

/**
 * Keeps an offer's variants as its page showed them just now (`readAt`), replacing the last read: at most
 * `MAX_STORED_SKUS`, each held to the variant schema (a spec too long is cut, a variant with impossible numbers
 * is left out). Nothing happens when the offer is not stored.
 */
export async function recordOfferVariants(
  database: SourceLensDb,
  key: string,
  skus: OfferSku[],
  skusKnown: boolean,
  readAt: number,
): Promise<StoredVariants | null> {
  const kept: StoredVariants['skus'] = [];
  for (const sku of skus) {
    if (kept.length >= MAX_STORED_SKUS) break;
    const checked = v.safeParse(OfferSkuSchema, { ...sku, spec: String(sku.spec).slice(0, 200) });
    if (checked.success) kept.push(checked.output);
  }
  const variants: StoredVariants = {
    skus: kept,
    total: skus.length,
    skusKnown,
    readAt,
  };
  return withQuotaGuard(async () => ((await database.offers.update(key, { variants })) ? variants : null));
}

/** Offers by key, in the order given, skipping any that were deleted since. */
export async function offersByKeys(database: SourceLensDb, keys: string[]): Promise<StoredOffer[]> {
  const rows = await database.offers.bulkGet(keys);
  return rows.filter((r): r is StoredOffer => r !== undefined);
}

export async function readLookup(database: SourceLensDb, key: string): Promise<CachedLookup | undefined> {
  return database.lookups.get(key);
}

export async function writeLookup(database: SourceLensDb, lookup: CachedLookup): Promise<void> {
  await database.lookups.put(lookup);
}
