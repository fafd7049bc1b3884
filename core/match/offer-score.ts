/**
 * One score in [0, 1] per wholesale offer for one retail product: a weighted mean of the signals that are
 * known for that offer (a missing signal is left out and the weights of the others re-normalised, so
 * "unknown" never counts as "bad"), plus short machine chips for the UI.
 *
 * Signals (each in [0, 1]):
 * - title: `scoreTitlePair` of the product title and the offer title under the IDF of the search's titles.
 *   Pass the title in the language of the offers (the query sent to the source) for a meaningful value.
 * - image: from the Hamming distance of the dHashes (1 up to 6 bits, 0 from 24 bits). A different photo is
 *   weaker evidence than the same photo (sellers shoot their own pictures), so the image weight shrinks
 *   with the similarity: weight × (0.4 + 0.6 × similarity).
 * - price: plausibility of the wholesale unit price at the buyer's quantity against the retail price, both
 *   in CNY: above retail or under 3 % of it is implausible (0, chip 'price-implausible').
 * - supplier: mean of the known facts: factory (flag or badge), years on the platform, repurchase rate.
 * - moq: 1 when the MOQ is at most the buyer's quantity (or the offer ships single pieces), else qty / MOQ.
 *
 * Weights and curve points are judgement calls (no labelled offer data yet); see DEFAULT_WEIGHTS.
 */
import type { Money } from '../money';
import type { WholesaleOffer } from '../sources/types';
import { isFactorySupplier } from './cluster';
import { isDhash, popcount32 } from './dhash';
import {
  convertMinor,
  type ExchangeRates,
  effectiveMoq,
  offerTiers,
  tierPriceAt,
  toCnyMinor,
} from './margin';
import { buildIdf, type IdfTable, type PreparedText, prepareText } from './similarity';
import { scoreTitlePair, titleMatchThreshold } from './titles';

export interface ScoreWeights {
  title: number;
  image: number;
  price: number;
  supplier: number;
  moq: number;
}

/** Relevance (title + image) carries 75 %, the rest says whether the offer is a good buy. Guesses. */
export const DEFAULT_WEIGHTS: Readonly<ScoreWeights> = Object.freeze({
  title: 0.45,
  image: 0.3,
  price: 0.1,
  supplier: 0.1,
  moq: 0.05,
});

/** Image similarity is 1 up to this distance and falls linearly to 0 at IMAGE_FAR. */
export const IMAGE_NEAR = 6;
export const IMAGE_FAR = 24;
/** Wholesale / retail below this ratio is implausible (a different, cheaper article or an accessory). */
export const PRICE_RATIO_MIN = 0.03;

export interface ScoreProduct {
  title: string;
  price: Money | null;
  /** dHash of the product's main image. */
  imageHash: string | null;
}

export type ScorableOffer = WholesaleOffer & { imageHash?: string | null };

export interface ScoreOptions {
  /** Units the buyer wants (MOQ fit, tier price). */
  quantity: number;
  rates: ExchangeRates;
  /** Distance up to which an offer's photo counts as the product's photo (chip 'same-photo'); default 10. */
  samePhotoDistance?: number;
  weights?: Partial<ScoreWeights>;
}

/** Everything about the product and the search that every offer is scored against; build once per search. */
export interface ScoreContext {
  productText: PreparedText | null;
  idf: IdfTable;
  titleThreshold: number;
  productHash: [number, number] | null;
  retailCnyMinor: number | null;
  rates: ExchangeRates;
  quantity: number;
  samePhotoDistance: number;
  weights: ScoreWeights;
}

export interface OfferParts {
  title: number | null;
  image: number | null;
  /** Hamming distance of the main images, when both hashes are known. */
  imageDistance: number | null;
  price: number | null;
  /** Wholesale unit price / retail price, both in CNY. */
  priceRatio: number | null;
  supplier: number | null;
  moq: number | null;
}

export interface OfferScore {
  score: number;
  /**
   * In this order when present: 'same-photo', 'similar-title', 'factory', 'yrs:N' (N ≥ 3),
   * 'repurchase:NN' (percent, ≥ 30), 'dropship', 'moq:N' (MOQ above the quantity), 'price-implausible', 'ad'.
   */
  chips: string[];
  parts: OfferParts;
}

function hasTokens(p: PreparedText | null): p is PreparedText {
  return p !== null && p.tokens.length > 0;
}

function parseHash(h: string | null | undefined): [number, number] | null {
  if (!isDhash(h)) return null;
  return [Number.parseInt(h.slice(0, 8), 16), Number.parseInt(h.slice(8), 16)];
}

/**
 * Build the context: prepares the product title and, unless an IDF table is given, builds one over the
 * search's titles (the offers' titles, prepared or not, plus the product's).
 */
export function makeScoreContext(
  product: ScoreProduct | (Omit<ScoreProduct, 'title'> & { title: PreparedText }),
  titles: Iterable<string | PreparedText> | IdfTable,
  opts: ScoreOptions,
): ScoreContext {
  if (!Number.isSafeInteger(opts.quantity) || opts.quantity < 1) {
    throw new RangeError(`quantity must be a positive integer, got ${opts.quantity}`);
  }
  const productText = typeof product.title === 'string' ? prepareText(product.title) : product.title;
  let idf: IdfTable;
  if (isIdfTable(titles)) idf = titles;
  else idf = buildIdf([productText, ...titles]);
  return {
    productText: hasTokens(productText) ? productText : null,
    idf,
    titleThreshold: titleMatchThreshold(),
    productHash: parseHash(product.imageHash),
    retailCnyMinor: product.price ? toCnyMinor(product.price, opts.rates) : null,
    rates: opts.rates,
    quantity: opts.quantity,
    samePhotoDistance: opts.samePhotoDistance ?? 10,
    weights: { ...DEFAULT_WEIGHTS, ...opts.weights },
  };
}

function isIdfTable(x: unknown): x is IdfTable {
  return typeof x === 'object' && x !== null && 'ids' in x && 'counts' in x && 'n' in x;
}

/** Image similarity from a Hamming distance (see IMAGE_NEAR / IMAGE_FAR). */
export function imageSimilarity(distance: number): number {
  if (distance <= IMAGE_NEAR) return 1;
  if (distance >= IMAGE_FAR) return 0;
  return (IMAGE_FAR - distance) / (IMAGE_FAR - IMAGE_NEAR);
}

/**
 * Plausibility of a wholesale / retail price ratio: 0 under 3 % or above 100 %; rising from 0.5 at 3 % to 1
 * at 8 %; 1 up to 60 % (the usual resale markups of 1.7× to 12×); falling to 0.3 at 100 %.
 */
export function priceRatioScore(ratio: number): number {
  if (!(ratio >= PRICE_RATIO_MIN) || ratio > 1) return 0;
  if (ratio < 0.08) return 0.5 + (0.5 * (ratio - PRICE_RATIO_MIN)) / (0.08 - PRICE_RATIO_MIN);
  if (ratio <= 0.6) return 1;
  return 1 - (0.7 * (ratio - 0.6)) / 0.4;
}

/** Supplier quality in [0, 1] from the known facts, null when none is known. */
export function supplierScore(s: WholesaleOffer['supplier']): number | null {
  let sum = 0;
  let n = 0;
  if (isFactorySupplier(s)) {
    sum += 1;
    n++;
  } else if (s.isFactory === false) {
    sum += 0.3; // a trading company: it may still be fine, but it isn't the source
    n++;
  }
  if (s.years !== null && s.years >= 0) {
    sum += Math.min(s.years, 10) / 10;
    n++;
  }
  if (s.repurchaseRate !== null && s.repurchaseRate >= 0) {
    sum += Math.min(s.repurchaseRate / 0.4, 1);
    n++;
  }
  return n ? sum / n : null;
}

/** Precomputed signals (`rankPreparedOffers` passes cached values). */
export interface PrecomputedSignals {
  /** Prepared offer title (saves preparing it again). */
  text?: PreparedText | null;
  /** Title score already computed under the context's IDF. */
  titleScore?: number | null;
  /** Image distance to the product's hash already computed (null: one of the hashes is missing). */
  imageDistance?: number | null;
}

/** Score one offer; see the module comment. Pure, deterministic. */
export function scoreOffer(
  offer: ScorableOffer,
  ctx: ScoreContext,
  pre: PrecomputedSignals = {},
): OfferScore {
  const w = ctx.weights;
  const chips: string[] = [];
  let num = 0;
  let den = 0;

  // Image.
  let imageDistance: number | null = null;
  if (pre.imageDistance !== undefined) imageDistance = pre.imageDistance;
  else if (ctx.productHash) {
    const h = parseHash(offer.imageHash);
    if (h) imageDistance = popcount32(h[0] ^ ctx.productHash[0]) + popcount32(h[1] ^ ctx.productHash[1]);
  }
  let image: number | null = null;
  if (imageDistance !== null) {
    image = imageSimilarity(imageDistance);
    const wi = w.image * (0.4 + 0.6 * image);
    num += wi * image;
    den += wi;
    if (imageDistance <= ctx.samePhotoDistance) chips.push('same-photo');
  }

  // Title.
  let title: number | null = null;
  if (pre.titleScore !== undefined) title = pre.titleScore;
  else if (ctx.productText) {
    const text = pre.text === undefined ? prepareText(offer.title) : pre.text;
    if (hasTokens(text)) title = scoreTitlePair(ctx.productText, text, ctx.idf);
  }
  if (title !== null) {
    num += w.title * title;
    den += w.title;
    if (title >= ctx.titleThreshold) chips.push('similar-title');
  }

  // Supplier.
  const s = offer.supplier;
  const supplier = supplierScore(s);
  if (supplier !== null) {
    num += w.supplier * supplier;
    den += w.supplier;
  }
  if (isFactorySupplier(s)) chips.push('factory');
  if (s.years !== null && s.years >= 3) chips.push(`yrs:${Math.floor(s.years)}`);
  if (s.repurchaseRate !== null && s.repurchaseRate >= 0.3) {
    chips.push(`repurchase:${Math.round(s.repurchaseRate * 100)}`);
  }

  // MOQ.
  const moqQty = effectiveMoq(offer);
  let moq: number | null = null;
  if (offer.dropship === true) {
    moq = 1;
    chips.push('dropship');
  } else if (moqQty !== null) moq = moqQty <= ctx.quantity ? 1 : ctx.quantity / moqQty;
  if (moq !== null) {
    num += w.moq * moq;
    den += w.moq;
  }
  if (moqQty !== null && moqQty > ctx.quantity) chips.push(`moq:${moqQty}`);

  // Price.
  let price: number | null = null;
  let priceRatio: number | null = null;
  if (ctx.retailCnyMinor !== null && ctx.retailCnyMinor > 0) {
    const tiers = offerTiers(offer);
    const at = tiers ? tierPriceAt(tiers.tiers, ctx.quantity) : null;
    const unitCny = at ? convertMinor(at.priceMinor, offer.currency, 'CNY', ctx.rates) : null;
    if (unitCny !== null && unitCny > 0) {
      priceRatio = unitCny / ctx.retailCnyMinor;
      price = priceRatioScore(priceRatio);
      num += w.price * price;
      den += w.price;
      if (price === 0) chips.push('price-implausible');
    }
  }

  if (offer.isAd) chips.push('ad');
  const score = den > 0 ? Math.min(1, Math.max(0, num / den)) : 0;
  return { score, chips, parts: { title, image, imageDistance, price, priceRatio, supplier, moq } };
}
