import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flattenModel, isGbdtModel, predictFlat, predictRaw } from '../../../core/match/classifier';
import { PAIR_FEATURE_NAMES } from '../../../core/match/similarity';
import { compactModel, trainGbdt } from '../../../scripts/lib/match/gbdt';
import { xorData } from '../scripts/match/support';

// The scorer reads models the offline trainer writes, so its tests train small ones.
describe('scoring a tree ensemble', () => {
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
