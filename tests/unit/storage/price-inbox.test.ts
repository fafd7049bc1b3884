import { describe, expect, it } from 'vitest';
import { countPricePoints } from '../../../storage/price-blocks';
import { latestPrice, readHistories, readHistory, recordObservations } from '../../../storage/price-history';
import { settleInbox } from '../../../storage/price-inbox';
import { observation as point } from '../../support/builders';
import { freshDatabase } from '../../support/fresh-db';

const db = freshDatabase('inbox');

describe('the price inbox', () => {
  it('keeps a recorded batch as one row, reading nothing, and settles it into points and newest prices', async () => {
    await recordObservations(db(), [
      point({ at: 0 }),
      point({ at: 1, subjectKey: '1688:2' }),
      point({ at: 2 }), // a repeat of the first
    ]);
    expect(await db().priceInbox.toArray()).toMatchObject([{ subjects: ['1688:1', '1688:2'] }]);
    expect([await db().priceObservations.count(), await db().priceLatest.count()]).toEqual([0, 0]);
    expect((await latestPrice(db(), '1688:1'))?.at).toBe(0);
    expect(await countPricePoints(db())).toBe(2);
    expect(await settleInbox(db())).toEqual({ rows: 1, points: 2 });
    expect([
      await db().priceInbox.count(),
      await db().priceObservations.count(),
      await db().priceLatest.count(),
    ]).toEqual([0, 2, 2]);
  });

  it('several histories read at once see the waiting points as one read each does, before and after settling', async () => {
    await recordObservations(db(), [point({ at: 0 }), point({ at: 1, subjectKey: '1688:2', minor: 5 })]);
    await settleInbox(db());
    await recordObservations(db(), [point({ at: 2, minor: 900 }), point({ at: 3, minor: 900 })]);
    const keys = ['1688:1', '1688:2', '1688:none'];
    const one = async () => Promise.all(keys.map((k) => readHistory(db(), k)));
    const each = await one();
    expect(each.map((h) => h.map((p) => p.at))).toEqual([[0, 2], [1], []]);
    expect([...(await readHistories(db(), keys)).values()]).toEqual(each);
    expect([...(await readHistories(db(), keys, 1)).values()]).toEqual(
      each.map((h) => h.filter((p) => p.at >= 1)),
    );
    await settleInbox(db());
    expect(await one()).toEqual(each);
    expect([...(await readHistories(db(), keys)).values()]).toEqual(each);
  });

  it('settles about 2,000 observations a transaction, whole rows, until none are left', async () => {
    const rows = 3;
    for (let r = 0; r < rows; r++)
      await recordObservations(
        db(),
        Array.from({ length: 1500 }, (_, i) =>
          point({ at: r * 1500 + i, minor: 100 + ((r * 1500 + i) % 2) }),
        ),
      );
    const history = await readHistory(db(), '1688:1');
    expect(history).toHaveLength(rows * 1500);
    let transactions = 0;
    expect(await settleInbox(db(), () => transactions++)).toEqual({ rows, points: rows * 1500 });
    expect(transactions).toBe(rows);
    expect(await readHistory(db(), '1688:1')).toEqual(history);
  });
});
