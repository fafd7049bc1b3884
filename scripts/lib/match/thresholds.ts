/**
 * Decision thresholds and F1 for a scored, labelled set: the figures the offline matching tools report and
 * the cut they store in a model (`GbdtModel.threshold`).
 */

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
