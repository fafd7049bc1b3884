import { describe, expect, it } from 'vitest';
import { PAIR_FEATURE_NAMES } from '../../../../core/match/similarity';
import type { Matrix } from '../../../../scripts/lib/match/gbdt';
import {
  fitPrepared,
  predictMatrix,
  prepareData,
  trainAndEvaluate,
} from '../../../../scripts/lib/match/record-matcher';
import { parseDittoPairs } from '../../../../scripts/lib/match/records';
import { bestThreshold, f1At } from '../../../../scripts/lib/match/thresholds';
import { matchingFixture as fixture } from './support';

describe('record matcher on a fixture sample', () => {
  const train = parseDittoPairs(fixture('walmart-amazon.train.sample.txt'));
  const test = parseDittoPairs(fixture('walmart-amazon.valid.sample.txt'));

  it('beats the all-positive baseline and a tuned IDF-cosine threshold', () => {
    const data = prepareData(train, test);
    const fit = fitPrepared(train, data.train, data.trainLabels, data.store.schema, {
      folds: 3,
      checkpoints: [25, 50, 100],
    });
    const X = data.evalX as Matrix;
    const y = data.evalLabels as Float64Array;
    const model = f1At(predictMatrix(fit.models, X), y, fit.threshold);

    const allPositive = f1At(new Float64Array(y.length).fill(1), y, 0.5);
    const cos = PAIR_FEATURE_NAMES.indexOf('cos'); // whole-record IDF cosine is the first block
    const column = (m: Matrix) =>
      Float64Array.from({ length: m.rows }, (_, r) => m.data[r * m.cols + cos] as number);
    const cosThreshold = bestThreshold(column(data.train), data.trainLabels).threshold;
    const cosine = f1At(column(X), y, cosThreshold);

    expect(allPositive.f1).toBeLessThan(0.5);
    expect(model.f1).toBeGreaterThan(allPositive.f1 + 0.25);
    expect(model.f1).toBeGreaterThan(cosine.f1);
    expect(model.f1).toBeGreaterThan(0.75);
  });

  it('trainAndEvaluate uses only the train labels', () => {
    // Flipping every eval label must change the score, not the fitted threshold.
    const flipped = test.map((p) => ({ ...p, label: 1 - p.label }));
    const opts = { folds: 3, checkpoints: [25, 50] };
    const a = trainAndEvaluate(train, test, opts);
    const b = trainAndEvaluate(train, flipped, opts);
    expect(a.threshold).toBe(b.threshold);
    expect(a.f1).not.toBeCloseTo(b.f1, 3);
  });
});
