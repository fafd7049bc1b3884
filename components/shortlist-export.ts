import { type CsvColumn, shortlistCsv } from '../core/export/shortlist-csv';
import { db } from '../storage/db';
import { marginSettings } from '../storage/settings/margin';
import { readShortlistRows } from '../storage/shortlist-rows';
import { SHORTLIST_STATUSES, type ShortlistStatus } from '../storage/types';
import { downloadBlob, fileDate } from './download';
import { t } from './i18n';
import { STATUS_TEXT } from './status-text';

/** Column headers in the person's language (a typed table of literal calls: the locale test sees each key). */
function headers(quantity: number): Record<CsvColumn, string> {
  return {
    title: t('csvTitle'),
    link: t('csvLink'),
    supplier: t('csvSupplier'),
    priceAtQuantity: t('csvPriceAt', [String(quantity)]),
    currency: t('csvCurrency'),
    moq: t('csvMoq'),
    tiers: t('csvTiers'),
    status: t('csvStatus'),
    notes: t('csvNotes'),
    tags: t('csvTags'),
    marginPct: t('csvMarginPct'),
    retailProduct: t('csvRetailProduct'),
    keptOn: t('csvKeptOn'),
  };
}

const isStatus = (s: string): s is ShortlistStatus => (SHORTLIST_STATUSES as readonly string[]).includes(s);

/** The shortlist as CSV text, read from the database with the buyer's quantity and costs. */
export async function shortlistCsvText(): Promise<string> {
  const [rows, settings] = await Promise.all([readShortlistRows(db()), marginSettings.getValue()]);
  return shortlistCsv(rows, {
    headers: headers(settings.quantity),
    statusLabel: (s) => (isStatus(s) ? STATUS_TEXT[s]() : s),
    quantity: settings.quantity,
    shippingPerUnitMinor: settings.shippingPerUnitMinor,
    platformFeePct: settings.platformFeePct,
    rates: settings.rates,
  });
}

/** Downloads the shortlist as `sourcelens-shortlist-<date>.csv` (the popup's and the options page's button). */
export async function exportShortlistCsv(): Promise<void> {
  const text = await shortlistCsvText();
  downloadBlob(
    new Blob([text], { type: 'text/csv;charset=utf-8' }),
    `sourcelens-shortlist-${fileDate()}.csv`,
  );
}
