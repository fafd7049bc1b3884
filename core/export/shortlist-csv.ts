/**
 * The shortlist as CSV for a colleague or a spreadsheet: one row per kept offer with the facts a buyer sends on.
 * Pure: the caller reads the rows and passes the headers in the person's language.
 *
 * Every text cell comes from a supplier's page or the person's own notes, and spreadsheets run a cell that looks
 * like a formula (CSV injection: `=HYPERLINK(…)`, `@SUM(…)`, DDE). Such cells are neutralised with a leading
 * apostrophe (OWASP's advice). papaparse's `escapeFormulae: true` tests `/^[=+\-@\t\r].*$/`, which misses a
 * formula with a line break in it (`.` stops at `\n` and `$` has no `m` flag), a line break first, leading
 * spaces before `=` (some spreadsheets trim them) and the full-width signs ＝＋－＠ a Chinese IME types (some
 * spreadsheets fold them to ASCII); FORMULA_START covers those too.
 */
import Papa from 'papaparse';
import {
  convertMinor,
  type ExchangeRates,
  effectiveMoq,
  margin,
  offerTiers,
  tierPriceAt,
} from '../match/margin';
import { minorToDecimal } from '../money';
import type { PriceTier, WholesaleOffer } from '../sources/types';

/** A cell that a spreadsheet could take for a formula, after any leading white space. */
export const FORMULA_START = /^[\s\u00a0\u3000\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20\t\r\n]/;

/** Byte order mark: Excel reads a CSV as UTF-8 (and shows Chinese) only when the file starts with it. */
export const BOM = '\ufeff';

export const CSV_COLUMNS = [
  'title',
  'link',
  'supplier',
  'priceAtQuantity',
  'currency',
  'moq',
  'tiers',
  'status',
  'notes',
  'tags',
  'marginPct',
  'retailProduct',
  'keptOn',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export interface ShortlistCsvRow {
  entry: {
    note: string;
    tags: readonly string[];
    status: string;
    addedAt: number;
    /** The quantity kept with this entry, when the buyer set one; else the settings' quantity applies. */
    quantity: number | null;
  };
  /** The stored offer; null when the offer row is gone (the entry is still exported, with what it has). */
  offer: Pick<
    WholesaleOffer,
    'title' | 'url' | 'supplier' | 'priceTiers' | 'priceMinMinor' | 'moq' | 'currency'
  > | null;
  /** The retail product the offer was kept for, when there is one. */
  product: { title: string; priceMinor: number | null; currency: string | null } | null;
}

export interface ShortlistCsvOptions {
  /** Header text per column, in the person's language. */
  headers: Record<CsvColumn, string>;
  /** The status as the person reads it ("已联系"); the raw value when absent. */
  statusLabel?: (status: string) => string;
  /** The buyer's planned quantity and costs (storage/settings/margin.ts). */
  quantity: number;
  shippingPerUnitMinor: number;
  platformFeePct: number;
  rates: ExchangeRates;
}

function tiersText(tiers: readonly PriceTier[], currency: string): string {
  return [...tiers]
    .sort((a, b) => a.minQty - b.minQty)
    .map((t) => `≥${t.minQty}: ${minorToDecimal(t.priceMinor, currency)}`)
    .join('; ');
}

function keptOn(at: number): string {
  const d = new Date(at);
  return Number.isFinite(d.getTime()) ? d.toISOString().slice(0, 10) : '';
}

/** One row's cells: text as strings (neutralised later), figures as numbers (never taken for formulas). */
function cells(row: ShortlistCsvRow, o: ShortlistCsvOptions): (string | number)[] {
  const { offer, entry, product } = row;
  const quantity =
    entry.quantity !== null && Number.isSafeInteger(entry.quantity) && entry.quantity >= 1
      ? entry.quantity
      : o.quantity;
  const tiers = offer ? offerTiers(offer) : null;
  const at = tiers ? tierPriceAt(tiers.tiers, quantity) : null;
  const unitCny = offer && at ? convertMinor(at.priceMinor, offer.currency, 'CNY', o.rates) : null;
  const m =
    product?.priceMinor != null && product.currency && unitCny !== null
      ? margin({
          retail: { minor: product.priceMinor, currency: product.currency },
          rates: o.rates,
          unitCostMinor: unitCny,
          shippingPerUnitMinor: o.shippingPerUnitMinor,
          platformFeePct: o.platformFeePct,
        })
      : null;
  const moq = offer ? effectiveMoq(offer) : null;
  return [
    offer?.title ?? '',
    offer?.url ?? '',
    offer?.supplier.name ?? '',
    // A decimal string ("12.50") keeps the currency's places; it starts with a digit, so it is never escaped.
    offer && at ? minorToDecimal(at.priceMinor, offer.currency) : '',
    offer?.currency ?? '',
    moq ?? '',
    offer ? tiersText(offer.priceTiers, offer.currency) : '',
    o.statusLabel ? o.statusLabel(entry.status) : entry.status,
    entry.note,
    entry.tags.join(', '),
    m?.marginPct ?? '',
    product?.title ?? '',
    keptOn(entry.addedAt),
  ];
}

/** The CSV text (BOM first, CRLF line ends as RFC 4180 and Excel expect). */
export function shortlistCsv(rows: readonly ShortlistCsvRow[], options: ShortlistCsvOptions): string {
  const data = rows.map((r) => cells(r, options));
  const text = Papa.unparse(
    { fields: CSV_COLUMNS.map((c) => options.headers[c]), data },
    { escapeFormulae: FORMULA_START, newline: '\r\n', quotes: false },
  );
  return BOM + text;
}
