/**
 * Fitting the gradient-boosted tree ensemble (logistic loss, second-order leaf values, histogram split search)
 * and shrinking a model for shipping. Offline only: `scripts/train-match.ts` writes the shipped title model
 * with it and `npm run match` fits record matchers; the extension only scores (core/match/classifier.ts).
 * Trains in Node in a few seconds for ~10k rows × ~100 features.
 */
import { type GbdtModel, sigmoid, type Tree } from '../../../core/match/classifier';

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
