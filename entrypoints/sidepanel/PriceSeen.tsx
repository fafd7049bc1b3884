import { t } from '../../components/i18n';
import { useLiveQuery } from '../../components/useLiveQuery';
import { formatMoney } from '../../core/money';
import { db } from '../../storage/db';
import { priceHistory } from '../../storage/products';

/**
 * The lowest and highest price seen for the product, in its own currency — the slot where the shortlist issue
 * puts the price sparkline. Nothing while only one price is known.
 */
export function PriceSeen(props: { subjectKey: string; currency: string | null }) {
  const rows = useLiveQuery(() => priceHistory(db(), props.subjectKey), [props.subjectKey]);
  const prices = (rows ?? []).filter((r) => r.currency === props.currency).map((r) => r.minor);
  if (!props.currency || prices.length < 2) return null;
  const low = Math.min(...prices);
  const high = Math.max(...prices);
  if (low === high) return null;
  const money = (minor: number) => formatMoney({ minor, currency: props.currency as string });
  return (
    <p class="product-header__seen ui-small ui-muted" data-testid="price-range" data-slot="sparkline">
      {t('priceSeenRange', [money(low), money(high), String(prices.length)])}
    </p>
  );
}
