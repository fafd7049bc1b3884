import { formatMoney } from '../core/money';

/** A price or a price range, formatted for the reader's locale. */
export function Price(props: { minor: number | null; maxMinor?: number | null; currency: string | null }) {
  const { minor, maxMinor, currency } = props;
  if (minor === null || !currency) return <span class="price price--none">—</span>;
  const low = formatMoney({ minor, currency });
  const text =
    maxMinor != null && maxMinor > minor ? `${low} – ${formatMoney({ minor: maxMinor, currency })}` : low;
  return (
    <span class="price" data-testid="price">
      {text}
    </span>
  );
}
