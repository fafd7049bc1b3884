/**
 * Fitting the record matcher on labelled pairs: features → gradient-boosted trees, with the number of trees
 * and the decision threshold chosen by k-fold cross-validation on the training pairs only.
 */
import { type GbdtModel, predictRaw, sigmoid } from '../../../core/match/classifier';
import type { IdfTable } from '../../../core/match/similarity';
import { type GbdtParams, type Matrix, rng, trainGbdt } from './gbdt';
import {
  inferSchema,
  type LabelledPair,
  type RecordSchema,
  RecordStore,
  recordFeatureNames,
  recordFeaturesInto,
} from './records';
import { bestThreshold, f1At, smoothedThreshold, type ThresholdChoice } from './thresholds';

export interface FitOptions {
  params?: Partial<GbdtParams>;
  /** Number of cross-validation folds used to pick trees and threshold. */
  folds?: number;
  /** Tree counts tried (the largest is the number trained). */
  checkpoints?: number[];
  seed?: number;
  /** 'folds': predict with the average of the cross-validation models; 'refit': one model on all data. */
  final?: 'folds' | 'refit';
  /**
   * Keep pairs sharing a left record in the same fold (default false: the benchmark splits are random
   * pair splits, so random folds mimic them best).
   */
  grouped?: boolean;
  /** Threshold rule on the out-of-fold scores: 'smoothed' (default) or the exact 'best' cut. */
  thresholdRule?: 'smoothed' | 'best';
}

export interface FittedMatcher {
  schema: RecordSchema;
  featureNames: string[];
  model: GbdtModel;
  /** Models whose probabilities are averaged at prediction time (the CV fold models, or just `model`). */
  models: GbdtModel[];
  /** Trees used at prediction time. */
  nTrees: number;
  threshold: number;
  /** Cross-validated score on the training pairs at the chosen settings. */
  cv: ThresholdChoice;
}

/** Feature matrix for pairs; records are prepared through `store` (shared with the IDF). */
export function featureMatrix(pairs: LabelledPair[], store: RecordStore, idf: IdfTable): Matrix {
  const names = recordFeatureNames(store.schema);
  const cols = names.length;
  const data = new Float64Array(pairs.length * cols);
  pairs.forEach((p, i) => {
    const l = store.get(p.leftKey, p.left);
    const r = store.get(p.rightKey, p.right);
    recordFeaturesInto(l, r, store.schema, idf, data, i * cols);
  });
  return { rows: pairs.length, cols, data };
}

function subset(X: Matrix, idx: number[]): Matrix {
  const data = new Float64Array(idx.length * X.cols);
  idx.forEach((r, i) => {
    data.set(X.data.subarray(r * X.cols, (r + 1) * X.cols), i * X.cols);
  });
  return { rows: idx.length, cols: X.cols, data };
}

/**
 * Fold assignment that keeps all pairs sharing a left record in one fold, so validation folds look like
 * new searches rather than more candidates for an already-seen product.
 */
function groupFolds(pairs: LabelledPair[], k: number, seed: number, grouped: boolean): number[] {
  const random = rng(seed);
  const groupFold = new Map<string, number>();
  return pairs.map((p, i) => {
    const key = grouped ? p.leftKey : String(i);
    let f = groupFold.get(key);
    if (f === undefined) {
      f = Math.floor(random() * k);
      groupFold.set(key, f);
    }
    return f;
  });
}

export interface PreparedData {
  store: RecordStore;
  idf: IdfTable;
  train: Matrix;
  trainLabels: Float64Array;
  evalX?: Matrix;
  evalLabels?: Float64Array;
}

/**
 * Prepare records and features. The IDF table uses the text of every distinct record in the train files
 * and in the (unlabelled) evaluation records.
 */
export function prepareData(train: LabelledPair[], evalPairs?: LabelledPair[]): PreparedData {
  const schema = inferSchema(train.flatMap((p) => [p.left, p.right]));
  const store = new RecordStore(schema);
  for (const p of [...train, ...(evalPairs ?? [])]) {
    store.get(p.leftKey, p.left);
    store.get(p.rightKey, p.right);
  }
  const idf = store.idf();
  const out: PreparedData = {
    store,
    idf,
    train: featureMatrix(train, store, idf),
    trainLabels: Float64Array.from(train, (p) => p.label),
  };
  if (evalPairs) {
    out.evalX = featureMatrix(evalPairs, store, idf);
    out.evalLabels = Float64Array.from(evalPairs, (p) => p.label);
  }
  return out;
}

/** Fit on a prepared training matrix: CV to pick tree count and threshold, then refit on everything. */
export function fitPrepared(
  pairs: LabelledPair[],
  X: Matrix,
  y: Float64Array,
  schema: RecordSchema,
  opts: FitOptions = {},
): FittedMatcher {
  const k = opts.folds ?? 5;
  const seed = opts.seed ?? 7;
  const featureNames = recordFeatureNames(schema);
  const checkpoints = (opts.checkpoints ?? [100, 150, 200, 300, 400]).slice().sort((a, b) => a - b);
  const maxTrees = checkpoints[checkpoints.length - 1] as number;
  const params: Partial<GbdtParams> = { ...opts.params, nTrees: maxTrees, seed };
  const fold = groupFolds(pairs, k, seed, opts.grouped ?? false);
  const oof = checkpoints.map(() => new Float64Array(X.rows));
  const foldModels: GbdtModel[] = [];
  for (let f = 0; f < k; f++) {
    const trIdx: number[] = [];
    const vaIdx: number[] = [];
    fold.forEach((g, i) => {
      (g === f ? vaIdx : trIdx).push(i);
    });
    if (vaIdx.length === 0 || trIdx.length === 0) continue;
    const model = trainGbdt(
      subset(X, trIdx),
      trIdx.map((i) => y[i] as number),
      { params, featureNames },
    );
    foldModels.push(model);
    for (const i of vaIdx) {
      checkpoints.forEach((c, ci) => {
        (oof[ci] as Float64Array)[i] = sigmoid(predictRaw(model, X.data, i * X.cols, c));
      });
    }
  }
  let best: ThresholdChoice = { threshold: 0.5, f1: -1, precision: 0, recall: 0 };
  let bestTrees = maxTrees;
  checkpoints.forEach((c, ci) => {
    const choice =
      (opts.thresholdRule ?? 'smoothed') === 'smoothed'
        ? smoothedThreshold(oof[ci] as Float64Array, y)
        : bestThreshold(oof[ci] as Float64Array, y);
    if (choice.f1 > best.f1 + 1e-9) {
      best = choice;
      bestTrees = c;
    }
  });
  let models: GbdtModel[];
  if ((opts.final ?? 'folds') === 'folds' && foldModels.length > 0) {
    models = foldModels.map((m) => ({ ...m, trees: m.trees.slice(0, bestTrees), threshold: best.threshold }));
  } else {
    const model = trainGbdt(X, y, { params: { ...params, nTrees: bestTrees }, featureNames });
    model.threshold = best.threshold;
    models = [model];
  }
  return {
    schema,
    featureNames,
    model: models[0] as GbdtModel,
    models,
    nTrees: bestTrees,
    threshold: best.threshold,
    cv: best,
  };
}

/** Fit the matcher on labelled pairs. */
export function fitMatcher(train: LabelledPair[], opts: FitOptions = {}): FittedMatcher {
  const data = prepareData(train);
  return fitPrepared(train, data.train, data.trainLabels, data.store.schema, opts);
}

/** Probabilities for every row of a feature matrix, averaged over the models. */
export function predictMatrix(models: GbdtModel | GbdtModel[], X: Matrix): Float64Array {
  const list = Array.isArray(models) ? models : [models];
  const out = new Float64Array(X.rows);
  for (let r = 0; r < X.rows; r++) {
    let s = 0;
    for (const m of list) s += sigmoid(predictRaw(m, X.data, r * X.cols));
    out[r] = s / list.length;
  }
  return out;
}

export interface EvalResult extends ThresholdChoice {
  cv: ThresholdChoice;
  nTrees: number;
}

/** Fit on `train`, evaluate on `evalPairs` at the threshold picked on train. */
export function trainAndEvaluate(
  train: LabelledPair[],
  evalPairs: LabelledPair[],
  opts: FitOptions = {},
): EvalResult {
  const data = prepareData(train, evalPairs);
  const fitted = fitPrepared(train, data.train, data.trainLabels, data.store.schema, opts);
  const scores = predictMatrix(fitted.models, data.evalX as Matrix);
  const res = f1At(scores, data.evalLabels as Float64Array, fitted.threshold);
  return { ...res, cv: fitted.cv, nTrees: fitted.nTrees };
}
