/**
 * fuse.js helpers for fuzzy look-ups in local data: "have we seen this offer before?" and shortlist search
 * over stored offers/products. Titles are normalised (width, case, simplified Chinese, units) before fuse.js
 * sees them, so "５００ ML 保溫杯" and "500ml 保温杯" look the same to it.
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import { normalizeText } from './normalize';
import { prepareText } from './similarity';
import { tokenize } from './tokens';

export interface FuzzyItem {
  /** Stable id (e.g. "1688:6543210987"), compared exactly. */
  id?: string;
  /** Offer/product page address, compared after canonicalisation. */
  url?: string;
  title: string;
  /** Shop or seller name. */
  shop?: string;
}

export interface FuzzyHit<T> {
  item: T;
  /** Index of the item in the index's collection. */
  refIndex: number;
  /** 1 − fuse.js score: 1 is an exact match, 0 nothing in common. */
  similarity: number;
}

export interface SeenHit<T> extends FuzzyHit<T> {
  /** How the earlier offer was recognised. */
  by: 'id' | 'url' | 'title';
}

function normalizedField(obj: unknown, path: string | string[]): string {
  const key = Array.isArray(path) ? path.join('.') : path;
  const value = (obj as Record<string, unknown>)[key];
  return typeof value === 'string' ? normalizeText(value) : '';
}

/** Our tokens for fuse.js token search: words, numbers, model codes, CJK bigrams. */
function fuseTokens(text: string): string[] {
  return tokenize(text, 'bigram').map((t) => t.text);
}

/**
 * fuse.js options for shortlist search: token search (TF-IDF over our tokens, so word order and distance
 * do not matter and CJK is split into bigrams) over normalised titles and shop names.
 */
export const TITLE_FUSE_OPTIONS: IFuseOptions<FuzzyItem> = {
  keys: [
    { name: 'title', weight: 0.85 },
    { name: 'shop', weight: 0.15 },
  ],
  includeScore: true,
  useTokenSearch: true,
  tokenize: fuseTokens,
  ignoreLocation: true,
  ignoreDiacritics: true,
  threshold: 0.4,
  shouldSort: true,
  getFn: normalizedField,
};

/**
 * fuse.js options for "seen before" checks: classic approximate string matching (Bitap) on the normalised
 * title, anywhere in the string, so near-identical titles score close to 0.
 */
export const SEEN_FUSE_OPTIONS: IFuseOptions<FuzzyItem> = {
  keys: ['title'],
  includeScore: true,
  ignoreLocation: true,
  ignoreDiacritics: true,
  threshold: 0.4,
  minMatchCharLength: 2,
  shouldSort: true,
  getFn: normalizedField,
};

/**
 * fuse.js score at or below which a title can count as "the same offer" for `findSeen` (numbers and model
 * codes must also agree exactly, and lengths be similar).
 */
export const SEEN_TITLE_MAX_SCORE = 0.3;

/** Numbers, quantities and model codes of a title, sorted: "2m" vs "1m" cables are different offers. */
function specKey(title: string): string {
  const p = prepareText(title);
  return [...p.codes, ...p.numbers].sort().join('|');
}

/**
 * Canonical form of an offer/product URL: lower-case host without "www."/"m.", no query or fragment, no
 * trailing slash; 1688 and Taobao/Tmall item addresses collapse to "1688:<id>" / "taobao:<id>".
 */
export function canonicalOfferUrl(url: string): string {
  const raw = url.trim();
  let u: URL;
  try {
    u = new URL(raw.includes('://') ? raw : `https://${raw}`);
  } catch {
    return raw.toLowerCase();
  }
  const host = u.hostname.toLowerCase().replace(/^(www|m)\./, '');
  const offer = /\/offer\/(\d+)\.html/.exec(u.pathname);
  if (host.endsWith('1688.com') && offer) return `1688:${offer[1]}`;
  const itemId = u.searchParams.get('id');
  if ((host.endsWith('taobao.com') || host.endsWith('tmall.com')) && itemId && /^\d+$/.test(itemId)) {
    return `taobao:${itemId}`;
  }
  const path = u.pathname.replace(/\/+$/, '');
  return `${host}${path}`;
}

export interface FuzzyIndexOptions<T> {
  /** fuse.js options merged over `TITLE_FUSE_OPTIONS` for shortlist search (e.g. other keys). */
  fuse?: IFuseOptions<T>;
}

/** A fuzzy index over local items (seen offers, saved products). */
export class FuzzyIndex<T extends FuzzyItem> {
  /** Token search for shortlists. */
  private readonly fuse: Fuse<T>;
  /** Approximate string search for "seen before". */
  private readonly seen: Fuse<T>;
  private readonly items: T[];

  constructor(items: readonly T[] = [], opts: FuzzyIndexOptions<T> = {}) {
    this.items = [...items];
    const options = { ...(TITLE_FUSE_OPTIONS as IFuseOptions<T>), ...opts.fuse };
    // fuse.js keeps (and appends to) the array it is given: give each instance its own copy.
    this.fuse = new Fuse([...items], options);
    this.seen = new Fuse([...items], SEEN_FUSE_OPTIONS as IFuseOptions<T>);
  }

  get size(): number {
    return this.items.length;
  }

  add(item: T): void {
    this.items.push(item);
    this.fuse.add(item);
    this.seen.add(item);
  }

  /** Remove items matching the predicate; returns them. */
  remove(predicate: (item: T) => boolean): T[] {
    const removed = this.fuse.remove((doc) => predicate(doc));
    this.seen.remove((doc) => predicate(doc));
    for (let i = this.items.length - 1; i >= 0; i--)
      if (predicate(this.items[i] as T)) this.items.splice(i, 1);
    return removed;
  }

  /** Best fuzzy matches for a free-text query, most similar first; drops hits below `minSimilarity`. */
  shortlist(query: string, limit = 20, minSimilarity = 0): FuzzyHit<T>[] {
    const q = normalizeText(query);
    if (!q) return [];
    return this.fuse
      .search(q, { limit: Math.max(1, limit) })
      .map((r) => ({ item: r.item, refIndex: r.refIndex, similarity: Math.max(0, 1 - (r.score ?? 1)) }))
      .filter((h) => h.similarity >= minSimilarity);
  }

  /**
   * Was this offer seen before? Exact id, then canonical URL, then a near-identical normalised title from
   * the same shop (when both name a shop). Returns the earlier item or null.
   */
  findSeen(offer: FuzzyItem, maxScore = SEEN_TITLE_MAX_SCORE): SeenHit<T> | null {
    if (offer.id) {
      const i = this.items.findIndex((x) => x.id === offer.id);
      if (i >= 0) return { item: this.items[i] as T, refIndex: i, similarity: 1, by: 'id' };
    }
    if (offer.url) {
      const key = canonicalOfferUrl(offer.url);
      const i = this.items.findIndex((x) => !!x.url && canonicalOfferUrl(x.url) === key);
      if (i >= 0) return { item: this.items[i] as T, refIndex: i, similarity: 1, by: 'url' };
    }
    const title = normalizeText(offer.title);
    if (title.length < 4) return null;
    const sameShop = (x: T): boolean =>
      !offer.shop || !x.shop || normalizeText(x.shop) === normalizeText(offer.shop);
    for (let i = 0; i < this.items.length; i++) {
      const x = this.items[i] as T;
      if (normalizeText(x.title) === title && sameShop(x))
        return { item: x, refIndex: i, similarity: 1, by: 'title' };
    }
    const hits = this.seen.search(title, { limit: 5 });
    const spec = specKey(offer.title);
    for (const h of hits) {
      const score = h.score ?? 1;
      if (score > maxScore) break;
      // Titles must also be of similar length (a short title inside a long one is not the same offer) and
      // name the same numbers and model codes.
      const other = normalizeText(h.item.title);
      const ratio = Math.min(other.length, title.length) / Math.max(other.length, title.length);
      if (ratio >= 0.8 && sameShop(h.item) && specKey(h.item.title) === spec) {
        return { item: h.item, refIndex: h.refIndex, similarity: 1 - score, by: 'title' };
      }
    }
    return null;
  }
}

/** One-off shortlist search without keeping an index. */
export function shortlist<T extends FuzzyItem>(
  query: string,
  items: readonly T[],
  limit = 20,
  minSimilarity = 0,
): FuzzyHit<T>[] {
  return new FuzzyIndex(items).shortlist(query, limit, minSimilarity);
}
