import { useState } from 'preact/hooks';
import { t } from '../../components/i18n';
import { OfferCard } from '../../components/offer/OfferCard';
import { EmptyState, TextField } from '../../components/ui';
import { useLiveQuery } from '../../components/useLiveQuery';
import { shortlist } from '../../core/match/fuzzy';
import { sendMessage } from '../../messaging/client';
import { db } from '../../storage/db';
import { offersByKeys } from '../../storage/offers';

/** The kept offers, newest first, with a fuzzy search over their titles and suppliers (fuse.js). */
export function Shortlist() {
  const [query, setQuery] = useState('');
  const offers = useLiveQuery(async () => {
    const entries = await db().shortlist.orderBy('addedAt').reverse().toArray();
    return offersByKeys(
      db(),
      entries.map((e) => e.offerKey),
    );
  }, []);
  if (!offers) return null;
  if (offers.length === 0) return <EmptyState compact icon="check" title={t('shortlistEmpty')} />;
  const items = offers.map((o) => ({
    id: o.key,
    url: o.url,
    title: o.title,
    shop: o.supplier.name ?? undefined,
    offer: o,
  }));
  const shown = query.trim() ? shortlist(query, items, 30).map((hit) => hit.item.offer) : offers;
  return (
    <div class="ui-stack" data-testid="shortlist">
      <TextField
        type="search"
        hideLabel
        label={t('shortlistSearch')}
        placeholder={t('shortlistSearch')}
        value={query}
        data-testid="shortlist-search"
        onInput={setQuery}
      />
      {shown.map((o) => (
        <OfferCard
          key={o.key}
          offer={o}
          kept
          onToggleKeep={() =>
            void sendMessage('toggleShortlist', { offerKey: o.key, productKey: null }).catch(() => {})
          }
        />
      ))}
      {shown.length === 0 ? <EmptyState compact title={t('shortlistNoMatch')} /> : null}
    </div>
  );
}
