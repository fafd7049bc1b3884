/**
 * Rank the wholesale offers of one search for one retail product: score every offer (`scoreOffer`), group
 * offers showing the same photo (`clusterByHash`), name each group's probable original seller
 * (`probableSource`), and sort best first with the paid-placement rule below.
 *
 * Ads: an offer with `isAd` sorts as if its score were `adMargin` (default 0.10) lower, so it is placed above
 * a non-ad offer only when its score is higher by more than the margin; its reported score is unchanged and
 * it carries the chip 'ad'. In particular an ad comes first only if it beats the best non-ad by > 0.10.
 *
 * Speed: `prepareOffers` prepares titles (memoised per offer object), parses image hashes and builds the
 * IDF table of the search once; `rankPreparedOffers` then costs one title-model call per offer for a new
 * product title, and no title work at all when the same title is ranked again (quantity, rates or hashes
 * changed). The IDF is built over the offers' titles only (not the product's, unlike `rankTitles`), so it
 * can be shared by every product ranked against these offers.
 */
import type { Money } from '../money';
import { clusterParsed, offerKey, type ParsedHashes, parseHashes, probableSource } from './cluster';
import { isDhash, popcount32 } from './dhash';
import type { ExchangeRates } from './margin';
import {
  makeScoreContext,
  type OfferParts,
  type ScorableOffer,
  type ScoreWeights,
  scoreOffer,
} from './offer-score';
import { buildIdf, type IdfTable, type PreparedText, prepareText } from './similarity';
import { getTitleModel, scoreTitlePair } from './titles';

export interface RankProduct {
  title: string;
  price: Money | null;
  /** dHash of the product's main image, when computed. */
  imageHash: string | null;
}

export type RankableOffer = ScorableOffer;

export interface RankOffersOptions {
  /** Units the buyer wants. */
  quantity: number;
  rates: ExchangeRates;
  /** Single-link distance for same-photo clusters among offers (default 8). */
  maxDistance?: number;
  /** Distance for the 'same-photo' chip against the product's photo (default 10). */
  samePhotoDistance?: number;
  /** Score margin an ad needs over a non-ad to be placed above it (default 0.10). */
  adMargin?: number;
  weights?: Partial<ScoreWeights>;
}

export interface RankedOffer<T extends RankableOffer = RankableOffer> {
  offer: T;
  /** Index of the offer in the input list. */
  index: number;
  score: number;
  chips: string[];
  parts: OfferParts;
  /** Id of its same-photo cluster (clusters of 2+ offers only), else null. */
  clusterId: number | null;
  /** The probable original seller of its cluster. */
  isProbableSource: boolean;
}

export interface OfferCluster {
  /** 0 for the cluster whose best member ranks highest, then 1, … */
  id: number;
  size: number;
  /** `${source}:${offerId}` of the probable original seller. */
  sourceKey: string;
  /** Input index of that offer. */
  sourceIndex: number;
  /** Short evidence for it ("factory", "8 yrs", "lowest price", "most sold"). */
  reasons: string[];
  /** Input indices of the members, ascending. */
  members: number[];
}

export interface RankResult<T extends RankableOffer = RankableOffer> {
  /** Best first. Equal sort keys keep input order. */
  ranked: RankedOffer<T>[];
  clusters: OfferCluster[];
}

/** Default score margin an ad must exceed to be placed above a non-ad. */
export const AD_MARGIN = 0.1;

// Prepared titles per offer object (a re-prepare after a new result page only prepares the new offers).
const textCache = new WeakMap<object, { title: string; text: PreparedText }>();

function preparedTitle(o: RankableOffer): PreparedText {
  const hit = textCache.get(o);
  if (hit && hit.title === o.title) return hit.text;
  const text = prepareText(o.title);
  textCache.set(o, { title: o.title, text });
  return text;
}

/** Offers of one search, prepared for (re-)ranking. Treat as opaque; don't mutate the offers afterwards. */
export interface PreparedOffers<T extends RankableOffer = RankableOffer> {
  readonly offers: readonly T[];
  readonly texts: readonly PreparedText[];
  readonly hashes: ParsedHashes;
  readonly idf: IdfTable;
  /** Title scores of the last product title ranked (internal cache). */
  titleCache: { title: string; model: object; scores: Float64Array } | null;
  /** Clusters per maxDistance (internal cache). */
  clusterCache: Map<number, number[][]>;
}

/** Prepare the offers of one search: titles (memoised per offer object), hashes, the search's IDF table. */
export function prepareOffers<T extends RankableOffer>(offers: readonly T[]): PreparedOffers<T> {
  const texts = offers.map(preparedTitle);
  return {
    offers,
    texts,
    hashes: parseHashes(offers.map((o) => o.imageHash)),
    idf: buildIdf(texts),
    titleCache: null,
    clusterCache: new Map(),
  };
}

/**
 * Forget the title scores cached on `prepared`, so the next `rankPreparedOffers` scores every title again
 * (what ranking a new product costs; use it to benchmark that path). A changed title model is noticed anyway.
 */
export function clearTitleCache(prepared: PreparedOffers): void {
  prepared.titleCache = null;
}

function titleScores(product: RankProduct, p: PreparedOffers): Float64Array | null {
  const model = getTitleModel();
  const cached = p.titleCache;
  if (cached && cached.title === product.title && cached.model === model) return cached.scores;
  const pt = prepareText(product.title);
  if (pt.tokens.length === 0) return null;
  const n = p.texts.length;
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = p.texts[i] as PreparedText;
    scores[i] = t.tokens.length ? scoreTitlePair(pt, t, p.idf) : Number.NaN; // NaN: no title signal
  }
  p.titleCache = { title: product.title, model, scores };
  return scores;
}

function clustersOf(p: PreparedOffers, maxDistance: number): number[][] {
  let c = p.clusterCache.get(maxDistance);
  if (!c) {
    c = clusterParsed(p.hashes, maxDistance);
    p.clusterCache.set(maxDistance, c);
  }
  return c;
}

/**
 * Rank prepared offers for a product (see the module comment). Deterministic; the sort is stable (equal
 * keys keep input order).
 */
export function rankPreparedOffers<T extends RankableOffer>(
  product: RankProduct,
  prepared: PreparedOffers<T>,
  opts: RankOffersOptions,
): RankResult<T> {
  const { offers, hashes } = prepared;
  const n = offers.length;
  const ctx = makeScoreContext({ ...product, title: '' }, prepared.idf, opts);
  const titles = titleScores(product, prepared);
  const ph = isDhash(product.imageHash)
    ? [Number.parseInt(product.imageHash.slice(0, 8), 16), Number.parseInt(product.imageHash.slice(8), 16)]
    : null;
  const adMargin = opts.adMargin ?? AD_MARGIN;

  const ranked: RankedOffer<T>[] = new Array(n);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const offer = offers[i] as T;
    const t = titles ? (titles[i] as number) : Number.NaN;
    const imageDistance =
      ph && hashes.valid[i]
        ? popcount32((hashes.hi[i] as number) ^ (ph[0] as number)) +
          popcount32((hashes.lo[i] as number) ^ (ph[1] as number))
        : null;
    const s = scoreOffer(offer, ctx, { titleScore: Number.isNaN(t) ? null : t, imageDistance });
    ranked[i] = {
      offer,
      index: i,
      score: s.score,
      chips: s.chips,
      parts: s.parts,
      clusterId: null,
      isProbableSource: false,
    };
    keys[i] = offer.isAd ? s.score - adMargin : s.score;
  }
  ranked.sort((a, b) => (keys[b.index] as number) - (keys[a.index] as number) || a.index - b.index);

  // Same-photo clusters of 2+ offers; ids in the order their best member appears in the ranking.
  const groups = clustersOf(prepared, opts.maxDistance ?? 8);
  const groupOf = new Int32Array(n).fill(-1);
  groups.forEach((g, gi) => {
    if (g.length > 1) for (const i of g) groupOf[i] = gi;
  });
  const idOfGroup = new Map<number, number>();
  const clusters: OfferCluster[] = [];
  const byIndex: RankedOffer<T>[] = new Array(n);
  for (const r of ranked) byIndex[r.index] = r;
  for (const r of ranked) {
    const gi = groupOf[r.index] as number;
    if (gi < 0) continue;
    let id = idOfGroup.get(gi);
    if (id === undefined) {
      id = clusters.length;
      idOfGroup.set(gi, id);
      const members = groups[gi] as number[];
      const src = probableSource(
        members.map((m) => offers[m] as T),
        opts.rates,
      );
      const sourceIndex = members[src?.index ?? 0] as number;
      clusters.push({
        id,
        size: members.length,
        sourceKey: offerKey(offers[sourceIndex] as T),
        sourceIndex,
        reasons: src?.reasons ?? [],
        members: [...members],
      });
      (byIndex[sourceIndex] as RankedOffer<T>).isProbableSource = true;
    }
    r.clusterId = id;
  }
  return { ranked, clusters };
}

/** `prepareOffers` + `rankPreparedOffers` in one call. */
export function rankOffers<T extends RankableOffer>(
  product: RankProduct,
  offers: readonly T[],
  opts: RankOffersOptions,
): RankResult<T> {
  return rankPreparedOffers(product, prepareOffers(offers), opts);
}
