import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { SetTargetPriceSchema } from '../../../messaging/schemas';
import { SourceLensDb } from '../../../storage/db';
import { keepOffer, setTargetPrice } from '../../../storage/shortlist';

const fresh = () => new SourceLensDb(`target-${Math.random()}`);

describe('a kept offer’s target price', () => {
  it('is null when kept, set and cleared later, and leaves the rest of the entry alone', async () => {
    const db = fresh();
    const kept = await keepOffer(
      db,
      { offerKey: '1688:1', productKey: 'taobao:9', note: 'n', tags: ['a'] },
      5,
    );
    expect(kept.targetPriceMinor).toBeNull();
    const set = await setTargetPrice(db, { offerKey: '1688:1', targetPriceMinor: 1250 });
    expect(set).toMatchObject({ targetPriceMinor: 1250, note: 'n', tags: ['a'], productKey: 'taobao:9' });
    expect((await db.shortlist.where('offerKey').equals('1688:1').first())?.targetPriceMinor).toBe(1250);
    expect(await setTargetPrice(db, { offerKey: '1688:1', targetPriceMinor: null })).toMatchObject({
      targetPriceMinor: null,
    });
  });

  it('belongs to a kept offer only: for another, nothing is written', async () => {
    const db = fresh();
    expect(await setTargetPrice(db, { offerKey: '1688:2', targetPriceMinor: 100 })).toBeNull();
    expect(await db.shortlist.count()).toBe(0);
  });

  it('is a positive whole number of minor units, at the message boundary and in storage', async () => {
    const ok = (x: unknown) => v.safeParse(SetTargetPriceSchema, x).success;
    expect(ok({ offerKey: '1688:1', targetPriceMinor: 1 })).toBe(true);
    expect(ok({ offerKey: '1688:1', targetPriceMinor: null })).toBe(true);
    for (const bad of [0, -5, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '100'])
      expect(ok({ offerKey: '1688:1', targetPriceMinor: bad }), String(bad)).toBe(false);
    const db = fresh();
    await keepOffer(db, { offerKey: '1688:1', productKey: null }, 5);
    await expect(setTargetPrice(db, { offerKey: '1688:1', targetPriceMinor: 0 })).rejects.toThrow(RangeError);
  });
});
