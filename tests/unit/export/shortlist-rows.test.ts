import { afterEach, describe, expect, it } from 'vitest';
import type { SourceLensDb } from '../../../storage/db';
import { keepOffer } from '../../../storage/shortlist';
import { readShortlistRows } from '../../../storage/shortlist-rows';
import { freshDb, seed } from '../storage/backup/helpers';

let database: SourceLensDb | null = null;
afterEach(() => database?.close());

describe('readShortlistRows', () => {
  it('gives each kept offer with its stored offer and retail product, oldest kept first', async () => {
    database = await freshDb();
    await seed(database, 1_000_000);
    // Kept later, for no product, and an offer whose row is gone.
    await keepOffer(database, { offerKey: '1688:999', productKey: null }, 2_000_000);
    const rows = await readShortlistRows(database);
    expect(rows.map((r) => r.entry.offerKey)).toEqual(['1688:600000000001', '1688:999']);
    expect(rows[0]?.offer?.supplier.name).toBe('义乌服饰');
    expect(rows[0]?.product).toEqual({
      title: '夏季连衣裙 Summer dress',
      priceMinor: 11900,
      currency: 'CNY',
    });
    expect(rows[1]).toMatchObject({ offer: null, product: null });
  });
});
