import './node-globals';
import { describe, expect, it } from 'vitest';
import { createBackup, restoreBackup } from '../../../../storage/backup';
import {
  blockProblem,
  DAY_MS,
  dayOf,
  foldLoosePoints,
  MAX_BLOCK_POINTS,
  MAX_DAY_POINTS,
} from '../../../../storage/price-blocks';
import { readHistory } from '../../../../storage/price-history';
import { observation as point } from '../../../support/builders';
import { freshDatabase } from '../../../support/fresh-db';

const db = freshDatabase('crowded');

// A restore refuses a price block of more than MAX_BLOCK_POINTS (a file must not make it hold an unbounded row),
// and blocks hold whole days: a day of more prices than that, folded as it came, made a backup no restore took.
describe('a day of a price that flips all day long, backed up', () => {
  it('folds into blocks a restore takes back, where it once made one a restore refused', async () => {
    const day = 40 * DAY_MS;
    // A few ordinary points the day before, then 12,000 prices in one day, flipping between two values.
    const loose = [
      ...Array.from({ length: 100 }, (_, i) =>
        point({ at: day - DAY_MS + i * 60_000, minor: 1000 + (i % 2) }),
      ),
      ...Array.from({ length: 12_000 }, (_, i) =>
        point({ at: day + i * 7_000, minor: i === 5_000 ? 700 : i === 9_000 ? 1900 : 1000 + (i % 2) }),
      ),
    ];
    await db().priceObservations.bulkAdd(loose);
    await foldLoosePoints(db());
    const blocks = await db().priceBlocks.toArray();
    for (const b of blocks) {
      expect(blockProblem(b)).toBeNull();
      expect(b.size).toBeLessThanOrEqual(MAX_BLOCK_POINTS);
    }
    const history = await readHistory(db(), '1688:1');
    expect(history.filter((p) => dayOf(p.at) === day)).toHaveLength(MAX_DAY_POINTS);
    expect(history.filter((p) => dayOf(p.at) === day - DAY_MS)).toHaveLength(100);
    // The day's range survives the thinning.
    expect(Math.min(...history.map((p) => p.minor))).toBe(700);
    expect(Math.max(...history.map((p) => p.minor))).toBe(1900);

    const file = await createBackup(db());
    await db().priceBlocks.clear();
    await restoreBackup(file, db(), 'replace');
    expect(await readHistory(db(), '1688:1')).toEqual(history);
  });
});
