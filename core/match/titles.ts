/**
 * Title-vs-title scoring for the product: one retail title against the titles of the wholesale offers of
 * one search. The IDF table is built from the offers of that search; the shipped tree model turns the
 * similarity features into a probability of "same product".
 */
import {
  type FlatForest,
  flattenModel,
  type GbdtModel,
  isGbdtModel,
  predictFlat,
  sigmoid,
} from './classifier';
import shipped from './model/title-gbdt.json';
import {
  buildIdf,
  type IdfTable,
  PAIR_FEATURE_COUNT,
  PAIR_FEATURE_NAMES,
  type PreparedText,
  type PrepareOptions,
  pairFeaturesInto,
  prepareText,
} from './similarity';

let titleModel: GbdtModel | null = null;
let titleFlat: FlatForest | null = null;

/** The shipped title model (validated once). */
export function getTitleModel(): GbdtModel {
  if (!titleModel) {
    const m: unknown = shipped;
    if (!isGbdtModel(m) || m.features.length !== PAIR_FEATURE_COUNT) {
      throw new Error('core/match/model/title-gbdt.json does not match the title feature layout');
    }
    m.features.forEach((name, i) => {
      if (name !== PAIR_FEATURE_NAMES[i])
        throw new Error(`title model feature ${i} is ${name}, expected ${PAIR_FEATURE_NAMES[i]}`);
    });
    titleModel = m;
  }
  return titleModel;
}

function getFlat(): FlatForest {
  if (!titleFlat) titleFlat = flattenModel(getTitleModel());
  return titleFlat;
}

/** Replace the title model (tests, experiments). Pass null to restore the shipped one. */
export function setTitleModel(model: GbdtModel | null): void {
  titleModel = model;
  titleFlat = null;
}

const featureBuf = new Float64Array(PAIR_FEATURE_COUNT);

function asPrepared(t: string | PreparedText): PreparedText {
  return typeof t === 'string' ? prepareText(t) : t;
}

/**
 * Probability in [0, 1] that two titles name the same product, under the IDF statistics of one search.
 * Symmetric in `a` and `b`. Pass prepared texts when scoring one title against many.
 */
export function scoreTitlePair(a: string | PreparedText, b: string | PreparedText, idf: IdfTable): number {
  const pa = asPrepared(a);
  const pb = asPrepared(b);
  pairFeaturesInto(pa, pb, idf, featureBuf, 0);
  const p = sigmoid(predictFlat(getFlat(), featureBuf, 0));
  return Number.isFinite(p) ? p : 0;
}

/** Decision threshold for `scoreTitlePair` picked when the model was trained (cross-validated F1). */
export function titleMatchThreshold(): number {
  return getTitleModel().threshold;
}

export interface RankedTitle {
  /** Index into the offers array given to `rankTitles`. */
  index: number;
  /** `scoreTitlePair` of the product and this offer. */
  score: number;
  /** score ≥ the model's threshold. */
  match: boolean;
}

export interface RankOptions extends PrepareOptions {
  /** Include the product title in the IDF statistics (default true). */
  includeProductInIdf?: boolean;
  /** Keep only the best `limit` offers. */
  limit?: number;
}

/**
 * Score every offer title against the product title and sort best first (ties keep input order).
 * Builds the IDF table over this search's offers (plus the product title), so call it once per search.
 * This is the function to benchmark with 1,000 offers.
 */
export function rankTitles(
  product: string,
  offers: readonly string[],
  opts: RankOptions = {},
): RankedTitle[] {
  const prep: PrepareOptions = { cjk: opts.cjk ?? 'bigram' };
  return rankPrepared(
    prepareText(product, prep),
    offers.map((o) => prepareText(o, prep)),
    opts,
  );
}

/**
 * `rankTitles` for texts prepared earlier with `prepareText` (same `cjk` option for all), e.g. offers
 * prepared one by one as result pages arrive. Normalising and tokenising is most of the cost of
 * `rankTitles`, so this is the cheaper call when offers are re-ranked.
 */
export function rankPrepared(
  product: PreparedText,
  offers: readonly PreparedText[],
  opts: Pick<RankOptions, 'includeProductInIdf' | 'limit'> = {},
): RankedTitle[] {
  const idf = buildIdf(opts.includeProductInIdf === false ? offers : [product, ...offers]);
  const model = getFlat();
  const thr = model.threshold;
  const out: RankedTitle[] = offers.map((po, index) => {
    pairFeaturesInto(product, po, idf, featureBuf, 0);
    const score = sigmoid(predictFlat(model, featureBuf, 0));
    return { index, score, match: score >= thr };
  });
  out.sort((x, y) => y.score - x.score || x.index - y.index);
  return opts.limit !== undefined ? out.slice(0, Math.max(0, opts.limit)) : out;
}
