import { useState } from 'preact/hooks';
import type { SourceId } from '../../../core/sources/index';
import { sendMessage } from '../../../messaging/client';
import type { OfferReply } from '../../../messaging/search';

export type DetailState = OfferReply | 'loading';

/**
 * Offer pages read on request, by offer key (`readOffer`): Details on a card shows what the page said, a second
 * click folds it away; the Ask dialog offers the variants a page listed.
 */
export function useOfferDetails() {
  const [details, setDetails] = useState<Map<string, DetailState>>(new Map());
  const set = (key: string, value: DetailState | null) =>
    setDetails((old) => {
      const next = new Map(old);
      if (value === null) next.delete(key);
      else next.set(key, value);
      return next;
    });
  const read = (key: string, source: SourceId, offerId: string) => {
    set(key, 'loading');
    void sendMessage('readOffer', { source, offerId })
      .then((reply) => set(key, reply))
      .catch((err: unknown) =>
        set(key, { state: 'error', message: err instanceof Error ? err.message : String(err) }),
      );
  };
  return { details, read, fold: (key: string) => set(key, null) };
}
