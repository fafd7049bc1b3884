import type { Availability } from './types';

/** A price as a layer found it: a clean decimal ("12.50") or display text ("£12.50", "30,000원~"). */
export interface RawPrice {
  amount: string;
  /** ISO code, symbol or currency text as the layer found it. */
  currency?: string | null;
  /** Upper end of a range, same currency. */
  max?: string | null;
}

/** What one layer (adapter, JSON-LD, microdata…) found. Values are raw: the caller sanitises them. */
export interface Fields {
  title?: string | null;
  /** A social post's text (social candidates only). */
  text?: string | null;
  price?: RawPrice | null;
  images?: string[] | null;
  brand?: string | null;
  sku?: string | null;
  gtin?: string | null;
  availability?: Availability;
  itemId?: string | null;
  /** The regular price the layer names beside the price (og:price:standard_amount), a decimal. */
  listPrice?: string | null;
  /** Page URL the layer names for the product (JSON-LD `url`, og:url). */
  url?: string | null;
}

export interface AdapterResult extends Fields {
  kind?: 'product' | 'social-candidate';
  /** The adapter knows this page is not a product (search, review list): the page gives null. */
  reject?: boolean;
}

export interface SiteAdapter {
  id: string;
  /** WebExtension match patterns of the pages the adapter reads. */
  matches: string[];
  /** For adapters that recognise a site by its markup rather than its host (Shopify). Must be cheap. */
  detect?: (doc: Document) => boolean;
  extract(doc: Document, url: string): AdapterResult | null;
}

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Array of a value that may be one item, an array or nothing. */
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v == null ? [] : [v]);

/**
 * The first string-ish value (a non-blank string, or a finite number as text) of a value or an array of them, as
 * schema.org properties hold one or many. Not trimmed: callers clean text themselves.
 */
export function propertyString(v: unknown): string | null {
  for (const x of list(v)) {
    if (typeof x === 'string' && x.trim()) return x;
    if (typeof x === 'number' && Number.isFinite(x)) return String(x);
  }
  return null;
}

/** Out-of-stock wording, in the languages of the shops we see (also the DOM layer's cue to read a text). */
export const OUT_OF_STOCK =
  /out ?of ?stock|sold ?out|soldout|unavailable|not available|nicht (?:verfügbar|lieferbar|auf lager)|ausverkauft|épuisé|rupture|indisponible|esaurit|non disponibile|agotado|no disponible|sin stock|niedostęp|brak w magazynie|nedostup|vypredan|tükendi|stokta yok|нет в наличии|缺货|无货|售罄|已下架|在庫切れ|品切れ|売り切れ/i;

const AVAIL: [RegExp, Availability][] = [
  [/pre-?order|backorder|vorbestell|précommande|preventa|prenota|予約/i, 'preorder'],
  [/discontinued|no longer (?:available|sold)/i, 'discontinued'],
  [OUT_OF_STOCK, 'out_of_stock'],
  [/limited|low ?stock|only \d+ left/i, 'limited'],
  [
    /in ?stock|instock|available|^yes$|^true$|auf lager|lieferbar|verfügbar|en stock|disponible|disponibil|in magazzino|na stanie|skladom|dostupn|stokta|в наличии|有货|现货|在庫あり/i,
    'in_stock',
  ],
];

/** schema.org availability URL, OpenGraph value or shop text to our enum. */
export function availabilityOf(v: unknown): Availability {
  const s = propertyString(v);
  if (!s || s.length > 200) return null;
  const t = s.replace(/^https?:\/\/schema\.org\//i, '').trim();
  if (/^(?:instoreonly|onlineonly)$/i.test(t)) return 'in_stock';
  for (const [re, a] of AVAIL) if (re.test(t)) return a;
  return null;
}
