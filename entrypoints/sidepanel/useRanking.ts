import { useEffect, useMemo, useState } from 'preact/hooks';
import { convertMinor, landedCost, type Margin, margin as marginOf } from '../../core/match/margin';
import { prepareOffers, type RankResult, rankPreparedOffers } from '../../core/match/rank-offers';
import { safeHttpUrl } from '../../core/url';
import { sendMessage } from '../../messaging/client';
import type { MarginSettings } from '../../storage/settings/margin';
import type { StoredOffer, StoredProduct } from '../../storage/types';

export type RankedView = RankResult<StoredOffer & { imageHash: string | null }> & {
  margins: Map<string, Margin | null>;
  productHashed: boolean;
  /** The pictures of these offers have been hashed (or could not be): same-photo signals are in the ranking. */
  hashesReady: boolean;
};

/**
 * Ranks a search's offers against the product: pictures hashed in the background (cached), then scored and
 * clustered here, so changing the quantity or costs re-ranks without asking anything again.
 * `titleForMatching` is the text in the offers' language (the Chinese query), not the shop's title.
 */
export function useRanking(
  offers: StoredOffer[] | null,
  product: StoredProduct | null,
  titleForMatching: string,
  settings: MarginSettings | null,
): RankedView | null {
  const [hashes, setHashes] = useState<Map<string, string | null>>(new Map());
  // The offers the last hash answer was for.
  const [hashedFor, setHashedFor] = useState<StoredOffer[] | null>(null);
  const productImage = safeHttpUrl(product?.images[0]);

  useEffect(() => {
    if (!offers?.length) return;
    const urls = [productImage, ...offers.map((o) => safeHttpUrl(o.images[0]))].filter(
      (u): u is string => !!u,
    );
    let live = true;
    const answered = (map: Map<string, string | null>) => {
      if (!live) return;
      setHashes(map);
      setHashedFor(offers);
    };
    void sendMessage('hashImages', { urls: urls.slice(0, 120) })
      .then(({ hashes: rows }) => answered(new Map(rows.map((r) => [r.url, r.hash]))))
      .catch(() => answered(new Map()));
    return () => {
      live = false;
    };
  }, [offers, productImage]);

  // Offers are prepared once per answer (titles, hashes, the search's IDF); re-ranking for another quantity,
  // cost or query is then cheap.
  const prepared = useMemo(
    () =>
      offers
        ? prepareOffers(offers.map((o) => ({ ...o, imageHash: hashes.get(o.images[0] ?? '') ?? null })))
        : null,
    [offers, hashes],
  );
  const productHash = productImage ? (hashes.get(productImage) ?? null) : null;
  const retail =
    product?.priceMinor != null && product.currency
      ? { minor: product.priceMinor, currency: product.currency }
      : null;
  const result = useMemo(
    () =>
      prepared && settings
        ? rankPreparedOffers({ title: titleForMatching, price: retail, imageHash: productHash }, prepared, {
            quantity: settings.quantity,
            rates: settings.rates,
          })
        : null,
    [prepared, titleForMatching, retail?.minor, retail?.currency, productHash, settings],
  );
  if (!offers || !settings || !result) return null;
  const margins = new Map<string, Margin | null>();
  for (const o of offers) {
    // The tier at the buyer's quantity in the offer's own currency (USD on Alibaba.com), then in CNY, the
    // currency margins are worked out in, at the buyer's rates.
    const cost = landedCost({
      offer: o,
      quantity: settings.quantity,
      shippingPerUnitMinor: 0,
      currency: o.currency,
    });
    const unitCny = cost ? convertMinor(cost.unitPriceMinor, o.currency, 'CNY', settings.rates) : null;
    margins.set(
      o.key,
      retail && unitCny !== null
        ? marginOf({
            retail,
            rates: settings.rates,
            unitCostMinor: unitCny,
            shippingPerUnitMinor: settings.shippingPerUnitMinor,
            platformFeePct: settings.platformFeePct,
          })
        : null,
    );
  }
  return { ...result, margins, productHashed: productHash !== null, hashesReady: hashedFor === offers };
}
