/**
 * The runtime side of the gradient-boosted tree ensemble: the model's JSON shape, its check, and scoring
 * (plain and flattened into typed arrays). Fitting lives with the command-line tools
 * (scripts/lib/match/gbdt.ts), so nothing the extension ships carries the trainer.
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

export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
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

/** Basic shape check for a model read from JSON. */
export function isGbdtModel(value: unknown): value is GbdtModel {
  if (!value || typeof value !== 'object') return false;
  const m = value as Partial<GbdtModel>;
  return (
    m.kind === 'gbdt' && typeof m.base === 'number' && Array.isArray(m.trees) && Array.isArray(m.features)
  );
}
