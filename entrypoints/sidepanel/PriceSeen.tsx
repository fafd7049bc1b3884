import { Sparkline } from '../../components/chart/Sparkline';
import { t } from '../../components/i18n';
import { useLiveQuery } from '../../components/useLiveQuery';
import { formatMoney } from '../../core/money';
import { db } from '../../storage/db';
import { priceRange, sparklinePoints } from '../../storage/price-history';

/** Days the header's sparkline covers. */
const DAYS = 30;

/**
 * The product's retail price over the last 30 days as a sparkline, and the lowest and highest price ever seen,
 * in its own currency. Nothing while only one price is known.
 */
export function PriceSeen(props: { subjectKey: string; currency: string | null }) {
  const seen = useLiveQuery(async () => {
    const database = db();
    const [points, range] = await Promise.all([
      sparklinePoints(database, props.subjectKey, DAYS),
      priceRange(database, props.subjectKey),
    ]);
    return { points, range };
  }, [props.subjectKey]);
  const range = seen?.range;
  if (!seen || !range || (range.lowMinor === range.highMinor && seen.points.length < 2)) return null;
  const money = (minor: number) => formatMoney({ minor, currency: range.currency });
  const low = money(range.lowMinor);
  const high = money(range.highMinor);
  return (
    <p class="price-seen ui-small ui-muted" data-testid="price-range">
      <Sparkline
        points={seen.points}
        width={64}
        height={18}
        neutral
        label={t('priceSeenSpark', [String(DAYS)])}
        data-testid="price-sparkline"
      />
      <span data-testid="price-low-high">{t('priceSeenLowHigh', [low, high])}</span>
    </p>
  );
}
