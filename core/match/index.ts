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
  canonicalOfferUrl,
  type FuzzyHit,
  FuzzyIndex,
  type FuzzyItem,
  type SeenHit,
  shortlist,
} from './fuzzy';
export { foldWidth, normalizeText, normalizeUnits, toSimplified } from './normalize';
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
