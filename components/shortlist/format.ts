import { formatMoney } from '../../core/money';
import { t, uiLocale } from '../i18n';
import type { PriceChange } from './review';

/**
 * One formatter for every row's percentage: `toLocaleString` with options sets up a new formatter on each call,
 * which was a measurable part of drawing the list's first rows.
 */
let pctFormat: Intl.NumberFormat | null = null;

/** "▼ 3.2%" / "▲ 1.5%" / "= 0%" and the words for screen readers. */
export function changeText(change: PriceChange): {
  mark: string;
  words: string;
  dir: 'up' | 'down' | 'flat';
} {
  pctFormat ??= new Intl.NumberFormat(uiLocale(), { maximumFractionDigits: 1 });
  const pct = pctFormat.format(Math.abs(change.pct));
  if (change.pct > 0) return { mark: `▲ ${pct}%`, words: t('shortlistChangeUp', [pct]), dir: 'up' };
  if (change.pct < 0) return { mark: `▼ ${pct}%`, words: t('shortlistChangeDown', [pct]), dir: 'down' };
  return { mark: '= 0%', words: t('shortlistChangeNone'), dir: 'flat' };
}

/** A sparkline's spoken form: lowest and highest over the days it covers. */
export function sparkWords(points: readonly { minor: number }[], currency: string, days: number): string {
  if (points.length === 0) return t('shortlistNoHistory');
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const p of points) {
    lo = Math.min(lo, p.minor);
    hi = Math.max(hi, p.minor);
  }
  return t('shortlistSparkWords', [
    String(days),
    formatMoney({ minor: lo, currency }),
    formatMoney({ minor: hi, currency }),
  ]);
}

/** A date and time of a status change, in the reader's locale. */
export function formatWhen(at: number): string {
  return new Date(at).toLocaleString(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' });
}
