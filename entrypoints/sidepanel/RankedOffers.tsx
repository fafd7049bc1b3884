import { useEffect, useState } from 'preact/hooks';
import { t } from '../../components/i18n';
import { OfferCard } from '../../components/OfferCard';
import { type MarginSettings, marginSettings } from '../../storage/settings';
import type { StoredOffer, StoredProduct } from '../../storage/types';
import { useRanking } from './useRanking';

/**
 * The offers of one search, best match first, with why (chips), the margin at the buyer's quantity, and the
 * same-photo clusters with their probable original seller. Paid placements are marked and never silently first.
 */
export function RankedOffers(props: {
  offers: StoredOffer[];
  product: StoredProduct | null;
  titleForMatching: string;
  kept: Set<string>;
  onToggleKeep: (offerKey: string) => void;
}) {
  const [settings, setSettings] = useState<MarginSettings | null>(null);
  useEffect(() => {
    void marginSettings.getValue().then(setSettings);
    return marginSettings.watch(setSettings);
  }, []);
  const view = useRanking(props.offers, props.product, props.titleForMatching, settings);
  if (!view || !settings) return null;
  const byKey = new Map(props.offers.map((o) => [o.key, o]));
  return (
    <div data-testid="ranked-offers">
      <label class="setting">
        {t('buyQuantity')}
        <input
          type="number"
          min={1}
          max={1_000_000}
          value={settings.quantity}
          data-testid="buy-quantity"
          onChange={(e) =>
            void marginSettings.setValue({
              ...settings,
              quantity: Math.max(
                1,
                Math.min(1_000_000, Math.round(Number((e.currentTarget as HTMLInputElement).value) || 1)),
              ),
            })
          }
        />
      </label>
      {view.clusters
        .filter((c) => c.size > 1)
        .map((c) => {
          const source = byKey.get(c.sourceKey);
          return (
            <p
              class="banner cluster"
              key={c.id}
              data-testid="photo-cluster"
              data-size={c.size}
              data-source={c.sourceKey}
            >
              {t(
                'clusterLine',
                String(c.size),
                source?.supplier.name ?? source?.title ?? c.sourceKey,
                c.reasons.join(', '),
              )}
            </p>
          );
        })}
      {view.ranked.map((r) => (
        <OfferCard
          key={r.offer.key}
          offer={r.offer}
          chips={r.chips}
          margin={view.margins.get(r.offer.key) ?? null}
          probableSource={r.isProbableSource}
          kept={props.kept.has(r.offer.key)}
          onToggleKeep={() => props.onToggleKeep(r.offer.key)}
        />
      ))}
    </div>
  );
}
