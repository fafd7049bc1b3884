import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  bestThreshold,
  compactModel,
  f1At,
  flattenModel,
  isGbdtModel,
  type Matrix,
  predictFlat,
  predictProba,
  predictRaw,
  rng,
  smoothedThreshold,
  trainGbdt,
} from '../../../core/match/classifier';
import {
  inferSchema,
  parseDittoPairs,
  parseDittoRecord,
  recordFeatureNames,
} from '../../../core/match/records';
import { PAIR_FEATURE_NAMES } from '../../../core/match/similarity';
import { fitPrepared, predictMatrix, prepareData, trainAndEvaluate } from '../../../core/match/train';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/matching/${name}`, import.meta.url), 'utf8');

function xorData(n: number, seed: number): { X: Matrix; y: number[] } {
  const r = rng(seed);
  const data = new Float64Array(n * 3);
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = r();
    const b = r();
    data[i * 3] = a;
    data[i * 3 + 1] = b;
    data[i * 3 + 2] = r(); // noise
    y.push(a > 0.5 !== b > 0.5 ? 1 : 0);
  }
  return { X: { rows: n, cols: 3, data }, y };
}

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

  it('flattened and compacted models predict like the original', () => {
    const { X, y } = xorData(300, 3);
    const model = trainGbdt(X, y, { params: { nTrees: 20, maxDepth: 3 } });
    const flat = flattenModel(model);
    const compact = JSON.parse(JSON.stringify(compactModel(model, 8)));
    expect(isGbdtModel(compact)).toBe(true);
    for (let i = 0; i < 50; i++) {
      const raw = predictRaw(model, X.data, i * 3);
      expect(predictFlat(flat, X.data, i * 3)).toBeCloseTo(raw, 10);
      expect(predictRaw(compact, X.data, i * 3)).toBeCloseTo(raw, 5);
    }
    expect(predictRaw(model, X.data, 0, 0)).toBe(model.base);
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

describe('Ditto records', () => {
  it('parses attributes including empty values', () => {
    const rec = parseDittoRecord('COL title VAL sony dsc-w800 COL brand VAL  COL price VAL 89.0 ');
    expect(rec).toEqual([
      ['title', 'sony dsc-w800'],
      ['brand', ''],
      ['price', '89.0'],
    ]);
  });

  it('parses pair files and infers numeric attributes', () => {
    const pairs = parseDittoPairs(fixture('amazon-google.train.sample.txt'));
    expect(pairs).toHaveLength(40);
    expect(pairs.filter((p) => p.label === 1)).toHaveLength(15);
    const schema = inferSchema(pairs.flatMap((p) => [p.left, p.right]));
    expect(schema.attrs).toEqual(['title', 'manufacturer', 'price']);
    expect(schema.numeric).toEqual([false, false, true]);
    expect(recordFeatureNames(schema)).toContain('price.ratio');
  });

  it('skips malformed lines', () => {
    expect(
      parseDittoPairs('a\tb\n\nCOL t VAL x\tCOL t VAL y\t1\nCOL t VAL x\tCOL t VAL y\t7\n'),
    ).toHaveLength(1);
  });
});

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

describe('shipped title model', () => {
  it('matches the title feature layout and is small', () => {
    const path = new URL('../../../core/match/model/title-gbdt.json', import.meta.url);
    const model: unknown = JSON.parse(readFileSync(path, 'utf8'));
    expect(isGbdtModel(model)).toBe(true);
    if (!isGbdtModel(model)) return;
    expect(model.features).toEqual([...PAIR_FEATURE_NAMES]);
    expect(model.threshold).toBeGreaterThan(0);
    expect(model.threshold).toBeLessThan(1);
    expect(statSync(path).size).toBeLessThan(300_000);
  });
});
