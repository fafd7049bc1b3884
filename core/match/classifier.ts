/**
 * A compact gradient-boosted tree ensemble (logistic loss, second-order leaf values, histogram split
 * search) for similarity features, plus the matching runtime scorer. Training runs in Node or a browser
 * in a few seconds for ~10k rows × ~100 features; models serialise to small JSON.
 */

/** One regression tree in flat arrays. Node i is a leaf when feature[i] < 0 (value[i] is its output). */
export interface Tree {
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  value: number[];
}

export interface GbdtModel {
  kind: 'gbdt';
  /** Feature names, for documentation and to check the caller's feature layout. */
  features: string[];
  /** Raw score before any tree (log-odds of the base rate). */
  base: number;
  trees: Tree[];
  /** Probability threshold for a "same product" decision. */
  threshold: number;
}

export interface GbdtParams {
  nTrees: number;
  learningRate: number;
  maxDepth: number;
  /** L2 regularisation on leaf values. */
  lambda: number;
  /** Minimum hessian sum in a child. */
  minChildWeight: number;
  /** Row subsample per tree (0..1]. */
  subsample: number;
  /** Feature subsample per tree (0..1]. */
  colsample: number;
  /** Maximum number of histogram bins per feature. */
  maxBins: number;
  seed: number;
}

export const DEFAULT_GBDT_PARAMS: GbdtParams = {
  nTrees: 300,
  learningRate: 0.08,
  maxDepth: 4,
  lambda: 1,
  minChildWeight: 2,
  subsample: 0.8,
  colsample: 0.7,
  maxBins: 48,
  seed: 1,
};

/** A dense row-major matrix. */
export interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Raw (log-odds) score of one row, using the first `nTrees` trees (all by default). */
export function predictRaw(model: GbdtModel, x: ArrayLike<number>, offset = 0, nTrees?: number): number {
  let z = model.base;
  const trees = model.trees;
  const end = nTrees === undefined ? trees.length : Math.min(nTrees, trees.length);
  for (let t = 0; t < end; t++) {
    const tree = trees[t] as Tree;
    const feat = tree.feature;
    let node = 0;
    let f = feat[0] as number;
    while (f >= 0) {
      node =
        (x[offset + f] as number) <= (tree.threshold[node] as number)
          ? (tree.left[node] as number)
          : (tree.right[node] as number);
      f = feat[node] as number;
    }
    z += tree.value[node] as number;
  }
  return z;
}

/** All trees of a model in flat typed arrays (faster to evaluate than the JSON shape). */
export interface FlatForest {
  base: number;
  threshold: number;
  /** Node arrays over all trees; children indices are absolute. feature < 0 marks a leaf. */
  feature: Int32Array;
  split: Float64Array;
  left: Int32Array;
  right: Int32Array;
  value: Float64Array;
  /** Root node index of each tree. */
  roots: Int32Array;
}

export function flattenModel(model: GbdtModel, nTrees?: number): FlatForest {
  const trees = model.trees.slice(0, nTrees ?? model.trees.length);
  const total = trees.reduce((s, t) => s + t.feature.length, 0);
  const flat: FlatForest = {
    base: model.base,
    threshold: model.threshold,
    feature: new Int32Array(total),
    split: new Float64Array(total),
    left: new Int32Array(total),
    right: new Int32Array(total),
    value: new Float64Array(total),
    roots: new Int32Array(trees.length),
  };
  let off = 0;
  trees.forEach((t, ti) => {
    flat.roots[ti] = off;
    for (let i = 0; i < t.feature.length; i++) {
      const f = t.feature[i] as number;
      flat.feature[off + i] = f;
      flat.split[off + i] = t.threshold[i] as number;
      flat.left[off + i] = f >= 0 ? off + (t.left[i] as number) : -1;
      flat.right[off + i] = f >= 0 ? off + (t.right[i] as number) : -1;
      flat.value[off + i] = t.value[i] as number;
    }
    off += t.feature.length;
  });
  return flat;
}

/** Raw score of one row under a flattened model. */
export function predictFlat(m: FlatForest, x: ArrayLike<number>, offset = 0): number {
  let z = m.base;
  const { feature, split, left, right, value, roots } = m;
  for (let t = 0; t < roots.length; t++) {
    let node = roots[t] as number;
    let f = feature[node] as number;
    while (f >= 0) {
      node =
        (x[offset + f] as number) <= (split[node] as number)
          ? (left[node] as number)
          : (right[node] as number);
      f = feature[node] as number;
    }
    z += value[node] as number;
  }
  return z;
}

/** Probability of "same product" for one feature row. */
export function predictProba(model: GbdtModel, x: ArrayLike<number>, offset = 0): number {
  return sigmoid(predictRaw(model, x, offset));
}

interface Binned {
  /** Column-major bin indices: bins[f * rows + r]. */
  bins: Uint8Array;
  /** Cut points per feature: value <= cuts[f][k] ⇒ bin ≤ k. */
  cuts: Float64Array[];
}

function binMatrix(X: Matrix, maxBins: number): Binned {
  const { rows, cols, data } = X;
  const bins = new Uint8Array(rows * cols);
  const cuts: Float64Array[] = [];
  const col = new Float64Array(rows);
  for (let f = 0; f < cols; f++) {
    for (let r = 0; r < rows; r++) col[r] = data[r * cols + f] as number;
    const sorted = Float64Array.from(col).sort();
    const uniq: number[] = [];
    for (let i = 0; i < sorted.length; i++)
      if (i === 0 || sorted[i] !== sorted[i - 1]) uniq.push(sorted[i] as number);
    let c: number[];
    if (uniq.length <= maxBins) {
      c = [];
      for (let i = 0; i + 1 < uniq.length; i++) c.push(((uniq[i] as number) + (uniq[i + 1] as number)) / 2);
    } else {
      const set = new Set<number>();
      for (let k = 1; k < maxBins; k++) {
        const idx = Math.floor((k * rows) / maxBins);
        const v = sorted[Math.min(idx, rows - 1)] as number;
        // Cut between v and the next larger distinct value.
        let j = idx;
        while (j < rows && (sorted[j] as number) === v) j++;
        if (j < rows) set.add((v + (sorted[j] as number)) / 2);
      }
      c = [...set].sort((a, b) => a - b);
    }
    const cutArr = Float64Array.from(c);
    cuts.push(cutArr);
    for (let r = 0; r < rows; r++) {
      const v = col[r] as number;
      // Binary search: first cut >= v.
      let lo = 0;
      let hi = cutArr.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((cutArr[mid] as number) < v) lo = mid + 1;
        else hi = mid;
      }
      bins[f * rows + r] = lo;
    }
  }
  return { bins, cuts };
}

export interface TrainOptions {
  params?: Partial<GbdtParams>;
  featureNames?: string[];
  /** Called after each tree with the 1-based tree count (for checkpoints). */
  onTree?: (count: number) => void;
}

/** Fit a gradient-boosted tree ensemble for binary labels (0/1). */
export function trainGbdt(X: Matrix, y: ArrayLike<number>, opts: TrainOptions = {}): GbdtModel {
  const p: GbdtParams = { ...DEFAULT_GBDT_PARAMS, ...opts.params };
  const { rows, cols } = X;
  const { bins, cuts } = binMatrix(X, Math.min(p.maxBins, 255));
  const random = rng(p.seed);
  let pos = 0;
  for (let r = 0; r < rows; r++) pos += y[r] as number;
  const rate = Math.min(Math.max(pos / Math.max(rows, 1), 1e-4), 1 - 1e-4);
  const base = Math.log(rate / (1 - rate));
  const raw = new Float64Array(rows).fill(base);
  const grad = new Float64Array(rows);
  const hess = new Float64Array(rows);
  const nBins = Math.min(p.maxBins, 255) + 1;
  const pool: Float64Array[] = [];
  const empty = new Float64Array(0);
  const trees: Tree[] = [];
  const rowIdx = new Int32Array(rows);
  const featMask = new Uint8Array(cols);

  for (let t = 0; t < p.nTrees; t++) {
    for (let r = 0; r < rows; r++) {
      const pr = sigmoid(raw[r] as number);
      grad[r] = pr - (y[r] as number);
      hess[r] = Math.max(pr * (1 - pr), 1e-6);
    }
    let nSample = 0;
    for (let r = 0; r < rows; r++) if (p.subsample >= 1 || random() < p.subsample) rowIdx[nSample++] = r;
    let nFeat = 0;
    for (let f = 0; f < cols; f++) {
      featMask[f] = p.colsample >= 1 || random() < p.colsample ? 1 : 0;
      nFeat += featMask[f] as number;
    }
    if (nFeat === 0) featMask[Math.floor(random() * cols)] = 1;

    const tree: Tree = { feature: [], threshold: [], left: [], right: [], value: [] };
    const newNode = (): number => {
      tree.feature.push(-1);
      tree.threshold.push(0);
      tree.left.push(-1);
      tree.right.push(-1);
      tree.value.push(0);
      return tree.feature.length - 1;
    };
    const histSize = cols * nBins;
    // Histogram of (grad, hess) per feature bin over rowIdx[start, end), for the sampled features.
    const buildHist = (start: number, end: number): Float64Array => {
      const hist = pool.pop() ?? new Float64Array(2 * histSize);
      hist.fill(0);
      for (let f = 0; f < cols; f++) {
        if (!featMask[f] || (cuts[f] as Float64Array).length === 0) continue;
        const hb = 2 * f * nBins;
        const colBase = f * rows;
        for (let i = start; i < end; i++) {
          const r = rowIdx[i] as number;
          const b = hb + 2 * (bins[colBase + r] as number);
          hist[b] = (hist[b] as number) + (grad[r] as number);
          hist[b + 1] = (hist[b + 1] as number) + (hess[r] as number);
        }
      }
      return hist;
    };
    // Each pending node: [nodeId, start, end, depth, histogram] over a segment of rowIdx.
    const stack: [number, number, number, number, Float64Array][] = [
      [newNode(), 0, nSample, 0, buildHist(0, nSample)],
    ];
    while (stack.length) {
      const [node, start, end, depth, hist] = stack.pop() as [number, number, number, number, Float64Array];
      let G = 0;
      let H = 0;
      for (let i = start; i < end; i++) {
        const r = rowIdx[i] as number;
        G += grad[r] as number;
        H += hess[r] as number;
      }
      tree.value[node] = (-G / (H + p.lambda)) * p.learningRate;
      if (depth >= p.maxDepth || H < 2 * p.minChildWeight) {
        if (hist.length) pool.push(hist);
        continue;
      }
      let bestGain = 1e-9;
      let bestF = -1;
      let bestBin = -1;
      const parentScore = (G * G) / (H + p.lambda);
      for (let f = 0; f < cols; f++) {
        if (!featMask[f]) continue;
        const nc = (cuts[f] as Float64Array).length;
        const hb = 2 * f * nBins;
        let gl = 0;
        let hl = 0;
        for (let k = 0; k < nc; k++) {
          gl += hist[hb + 2 * k] as number;
          hl += hist[hb + 2 * k + 1] as number;
          const hr = H - hl;
          if (hl < p.minChildWeight || hr < p.minChildWeight) continue;
          const gr = G - gl;
          const gain = (gl * gl) / (hl + p.lambda) + (gr * gr) / (hr + p.lambda) - parentScore;
          if (gain > bestGain) {
            bestGain = gain;
            bestF = f;
            bestBin = k;
          }
        }
      }
      if (bestF < 0) {
        if (hist.length) pool.push(hist);
        continue;
      }
      // Partition rows in place: bin <= bestBin go left.
      const colBase = bestF * rows;
      let i = start;
      let j = end - 1;
      while (i <= j) {
        if ((bins[colBase + (rowIdx[i] as number)] as number) <= bestBin) i++;
        else {
          const tmp = rowIdx[i] as number;
          rowIdx[i] = rowIdx[j] as number;
          rowIdx[j] = tmp;
          j--;
        }
      }
      const l = newNode();
      const rNode = newNode();
      tree.feature[node] = bestF;
      tree.threshold[node] = (cuts[bestF] as Float64Array)[bestBin] as number;
      tree.left[node] = l;
      tree.right[node] = rNode;
      tree.value[node] = 0;
      if (depth + 1 >= p.maxDepth) {
        // Children will be leaves: no histograms needed.
        pool.push(hist);
        stack.push([l, start, i, depth + 1, empty], [rNode, i, end, depth + 1, empty]);
        continue;
      }
      // Histogram subtraction: build the smaller child, derive the larger from the parent.
      const leftSmaller = i - start <= end - i;
      const small = leftSmaller ? buildHist(start, i) : buildHist(i, end);
      for (let k = 0; k < 2 * histSize; k++) hist[k] = (hist[k] as number) - (small[k] as number);
      const lh = leftSmaller ? small : hist;
      const rh = leftSmaller ? hist : small;
      stack.push([l, start, i, depth + 1, lh], [rNode, i, end, depth + 1, rh]);
    }
    // Update raw scores of all rows (also those left out of the sample).
    for (let r = 0; r < rows; r++) {
      let node = 0;
      let f = tree.feature[0] as number;
      while (f >= 0) {
        node =
          (X.data[r * cols + f] as number) <= (tree.threshold[node] as number)
            ? (tree.left[node] as number)
            : (tree.right[node] as number);
        f = tree.feature[node] as number;
      }
      raw[r] = (raw[r] as number) + (tree.value[node] as number);
    }
    trees.push(tree);
    opts.onTree?.(t + 1);
  }
  return {
    kind: 'gbdt',
    features: opts.featureNames ?? Array.from({ length: cols }, (_, i) => `f${i}`),
    base,
    trees,
    threshold: 0.5,
  };
}

function roundSig(v: number, digits: number): number {
  if (v === 0 || !Number.isFinite(v)) return 0;
  return Number(v.toPrecision(digits));
}

/** Shrink a model for shipping: round numbers, drop unused leaf/internal fields. */
export function compactModel(model: GbdtModel, digits = 6): GbdtModel {
  return {
    ...model,
    base: roundSig(model.base, digits),
    threshold: roundSig(model.threshold, digits),
    trees: model.trees.map((t) => ({
      feature: t.feature,
      threshold: t.threshold.map((v, i) => ((t.feature[i] as number) >= 0 ? roundSig(v, digits) : 0)),
      left: t.left,
      right: t.right,
      value: t.value.map((v, i) => ((t.feature[i] as number) < 0 ? roundSig(v, digits) : 0)),
    })),
  };
}

/** Basic shape check for a model read from JSON. */
export function isGbdtModel(value: unknown): value is GbdtModel {
  if (!value || typeof value !== 'object') return false;
  const m = value as Partial<GbdtModel>;
  return (
    m.kind === 'gbdt' && typeof m.base === 'number' && Array.isArray(m.trees) && Array.isArray(m.features)
  );
}

export interface ThresholdChoice {
  threshold: number;
  f1: number;
  precision: number;
  recall: number;
}

/** Precision/recall/F1 of predictions `score >= threshold` against labels. */
export function f1At(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  threshold: number,
): ThresholdChoice {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < scores.length; i++) {
    const pred = (scores[i] as number) >= threshold;
    const y = (labels[i] as number) === 1;
    if (pred && y) tp++;
    else if (pred) fp++;
    else if (y) fn++;
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { threshold, f1, precision, recall };
}

/** Threshold maximising F1 over `scores`; the cut is placed midway between two distinct scores. */
export function bestThreshold(scores: ArrayLike<number>, labels: ArrayLike<number>): ThresholdChoice {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (scores[b] as number) - (scores[a] as number),
  );
  let totalPos = 0;
  for (let i = 0; i < n; i++) totalPos += (labels[i] as number) === 1 ? 1 : 0;
  let tp = 0;
  let fp = 0;
  let best: ThresholdChoice = { threshold: 0.5, f1: 0, precision: 0, recall: 0 };
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    if ((labels[i] as number) === 1) tp++;
    else fp++;
    const s = scores[i] as number;
    const next = k + 1 < n ? (scores[order[k + 1] as number] as number) : Number.NEGATIVE_INFINITY;
    if (next === s) continue; // only cut between distinct scores
    const precision = tp / (tp + fp);
    const recall = totalPos > 0 ? tp / totalPos : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    if (f1 > best.f1 + 1e-12) {
      const thr = Number.isFinite(next) ? (s + next) / 2 : s;
      best = { threshold: thr, f1, precision, recall };
    }
  }
  return best;
}

/**
 * A threshold that is stable on new data: F1 is evaluated on a grid of thresholds, averaged over a window of
 * ±`halfWidth`, and the threshold with the best smoothed F1 is returned (with its unsmoothed scores).
 */
export function smoothedThreshold(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  halfWidth = 0.05,
  step = 0.01,
): ThresholdChoice {
  const grid: ThresholdChoice[] = [];
  for (let t = step; t < 1 - step / 2; t += step) grid.push(f1At(scores, labels, Math.round(t * 1e6) / 1e6));
  const w = Math.max(0, Math.round(halfWidth / step));
  let best = grid[0] as ThresholdChoice;
  let bestSmooth = -1;
  for (let i = 0; i < grid.length; i++) {
    let sum = 0;
    let n = 0;
    for (let j = Math.max(0, i - w); j <= Math.min(grid.length - 1, i + w); j++) {
      sum += (grid[j] as ThresholdChoice).f1;
      n++;
    }
    const smooth = sum / n;
    if (smooth > bestSmooth + 1e-12) {
      bestSmooth = smooth;
      best = grid[i] as ThresholdChoice;
    }
  }
  return best;
}
