import { describe, expect, it } from 'vitest';
import { predictProba } from '../../../../core/match/classifier';
import { trainGbdt } from '../../../../scripts/lib/match/gbdt';
import { bestThreshold, f1At, smoothedThreshold } from '../../../../scripts/lib/match/thresholds';
import { xorData } from './support';

describe('gradient-boosted trees', () => {
  it('learns a non-linear (XOR) rule that no single threshold can', () => {
    const train = xorData(800, 1);
    const test = xorData(400, 2);
    const model = trainGbdt(train.X, train.y, {
      params: { nTrees: 60, maxDepth: 3, subsample: 1, colsample: 1 },
    });
    let correct = 0;
    for (let i = 0; i < test.X.rows; i++) {
      const p = predictProba(model, test.X.data, i * 3);
      if ((p >= 0.5 ? 1 : 0) === test.y[i]) correct++;
    }
    expect(correct / test.X.rows).toBeGreaterThan(0.9);
  });

  it('is deterministic for a seed', () => {
    const { X, y } = xorData(200, 4);
    const a = trainGbdt(X, y, { params: { nTrees: 10, seed: 9 } });
    const b = trainGbdt(X, y, { params: { nTrees: 10, seed: 9 } });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});

describe('thresholds and F1', () => {
  it('computes precision, recall and F1', () => {
    const r = f1At([0.9, 0.8, 0.4, 0.1], [1, 0, 1, 0], 0.5);
    expect(r.precision).toBe(0.5);
    expect(r.recall).toBe(0.5);
    expect(r.f1).toBe(0.5);
  });

  it('picks the F1-maximising cut', () => {
    const r = bestThreshold([0.9, 0.8, 0.7, 0.2, 0.1], [1, 1, 1, 0, 0]);
    expect(r.f1).toBe(1);
    expect(r.threshold).toBeGreaterThan(0.2);
    expect(r.threshold).toBeLessThanOrEqual(0.7);
    const s = smoothedThreshold([0.9, 0.8, 0.7, 0.2, 0.1], [1, 1, 1, 0, 0]);
    expect(s.f1).toBe(1);
  });
});
