/**
 * Product matching: normalisation, tokens, similarity features, a small learned scorer for titles, record
 * matching on benchmark data, and fuse.js helpers. Pure TypeScript (no extension APIs).
 *
 * Hot path in the product: `rankTitles(productTitle, offerTitles)` — builds the IDF table over this search's
 * offers, scores each offer with `scoreTitlePair` and sorts best first.
 */
export {
  bestThreshold,
  type FlatForest,
  f1At,
  flattenModel,
  type GbdtModel,
  type GbdtParams,
  predictFlat,
  predictProba,
  predictRaw,
  smoothedThreshold,
  trainGbdt,
} from './classifier';
export {
  clusterByHash,
  clusterParsed,
  type HashedItem,
  isFactorySupplier,
  offerKey,
  type ParsedHashes,
  type ProbableSource,
  parseHashes,
  probableSource,
  type SourceCandidate,
} from './cluster';
export {
  type DHash,
  dhashFromGray,
  dhashFromRgba,
  hamming,
  isDhash,
  isNearDuplicate,
  parseDhash,
  popcount32,
  rgbaToGray,
} from './dhash';
export {
  canonicalOfferUrl,
  type FuzzyHit,
  FuzzyIndex,
  type FuzzyItem,
  type SeenHit,
  shortlist,
} from './fuzzy';
export {
  convertMinor,
  DEFAULT_RATES,
  type ExchangeRates,
  effectiveMoq,
  type LandedCost,
  type LandedCostInput,
  landedCost,
  type Margin,
  type MarginInput,
  margin,
  offerTiers,
  rateOf,
  roundHalfAwayFromZero,
  type TierPrice,
  tierPriceAt,
  toCnyMinor,
} from './margin';
export { foldWidth, normalizeText, normalizeUnits, toSimplified } from './normalize';
export {
  DEFAULT_WEIGHTS,
  IMAGE_FAR,
  IMAGE_NEAR,
  imageSimilarity,
  makeScoreContext,
  type OfferParts,
  type OfferScore,
  PRICE_RATIO_MIN,
  type PrecomputedSignals,
  priceRatioScore,
  type ScorableOffer,
  type ScoreContext,
  type ScoreOptions,
  type ScoreProduct,
  type ScoreWeights,
  scoreOffer,
  supplierScore,
} from './offer-score';
export {
  AD_MARGIN,
  clearTitleCache,
  type OfferCluster,
  type PreparedOffers,
  prepareOffers,
  type RankableOffer,
  type RankedOffer,
  type RankOffersOptions,
  type RankProduct,
  type RankResult,
  rankOffers,
  rankPreparedOffers,
} from './rank-offers';
export { type LabelledPair, parseDittoPairs, parseDittoRecord } from './records';
export {
  buildIdf,
  editSimilarity,
  type IdfTable,
  idfCosine,
  idfOf,
  PAIR_FEATURE_NAMES,
  type PreparedText,
  pairFeatures,
  prepareText,
  trigramDice,
} from './similarity';
export {
  getTitleModel,
  type RankedTitle,
  type RankOptions,
  rankPrepared,
  rankTitles,
  scoreTitlePair,
  setTitleModel,
  titleMatchThreshold,
} from './titles';
export {
  type CjkMode,
  classifyToken,
  extractModelCodes,
  isModelCode,
  type Token,
  type TokenKind,
  tokenize,
} from './tokens';
export { fitMatcher, trainAndEvaluate } from './train';
