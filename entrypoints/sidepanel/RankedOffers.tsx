import { useState } from 'preact/hooks';
import { t } from '../../components/i18n';
import { OfferCard } from '../../components/OfferCard';
import { OfferDetails } from '../../components/OfferDetails';
import { sourceLabel } from '../../components/source-text';
import { useStorageItem } from '../../components/useStorageItem';
import type { SeenNote } from '../../core/match/seen-before';
import { type SourceId, sourceById } from '../../core/sources/index';
import { sendMessage } from '../../messaging/client';
import type { OfferReply } from '../../messaging/search';
import { marginSettings } from '../../storage/settings';
import type { StoredOffer, StoredProduct } from '../../storage/types';
import { useRanking } from './useRanking';
import { useSeenBefore } from './useSeenBefore';

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
  /** When the search was answered: offers met before it are "seen before". */
  searchedAt: number;
}) {
  const settings = useStorageItem(marginSettings) ?? null;
  const view = useRanking(props.offers, props.product, props.titleForMatching, settings);
  const seen = useSeenBefore(props.offers, props.searchedAt);
  // Detail pages read on request, by offer key; an open panel is closed by a second click.
  const [details, setDetails] = useState<Map<string, OfferReply | 'loading'>>(new Map());
  const setDetail = (key: string, value: OfferReply | 'loading' | null) =>
    setDetails((old) => {
      const next = new Map(old);
      if (value === null) next.delete(key);
      else next.set(key, value);
      return next;
    });
  const readDetails = (key: string, source: SourceId, offerId: string) => {
    setDetail(key, 'loading');
    void sendMessage('readOffer', { source, offerId })
      .then((reply) => setDetail(key, reply))
      .catch((err: unknown) =>
        setDetail(key, { state: 'error', message: err instanceof Error ? err.message : String(err) }),
      );
  };
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
              {t('clusterLine', [
                String(c.size),
                source?.supplier.name ?? source?.title ?? c.sourceKey,
                c.reasons.join(', '),
              ])}
            </p>
          );
        })}
      {view.ranked.map((r) => {
        const key = r.offer.key;
        const detail = details.get(key);
        // Only offers of a source whose offer pages SourceLens reads have Details.
        const source = sourceById(r.offer.source);
        const read = source?.supports.offerPages ? () => readDetails(key, source.id, r.offer.offerId) : null;
        return (
          <OfferCard
            key={key}
            offer={r.offer}
            chips={r.chips}
            margin={view.margins.get(key) ?? null}
            probableSource={r.isProbableSource}
            kept={props.kept.has(key)}
            onToggleKeep={() => props.onToggleKeep(key)}
            seen={seenLabel(seen.get(key))}
            onDetails={read ? () => (detail ? setDetail(key, null) : read()) : undefined}
            detailsOpen={detail !== undefined}
          >
            {detail && source && read ? (
              <OfferDetails
                reply={detail}
                sourceLabel={sourceLabel(source)}
                onRetry={read}
                onVerified={() =>
                  void sendMessage('sourceVerified', { source: source.id })
                    .then(read)
                    .catch(() => {})
                }
              />
            ) : null}
          </OfferCard>
        );
      })}
    </div>
  );
}

/** The "seen before" chip: when, and for a re-listing which earlier listing. */
function seenLabel(note: SeenNote | undefined): { label: string; detail: string } | null {
  if (!note) return null;
  const date = new Date(note.since).toLocaleDateString();
  if (note.by === 'same-offer')
    return { label: t('seenSince', [date]), detail: t('seenSinceDetail', [date]) };
  return { label: t('seenRelisted', [date]), detail: t('seenRelistedDetail', [note.earlierTitle, date]) };
}
