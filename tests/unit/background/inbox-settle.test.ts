import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { watchInbox } from '../../../entrypoints/background/inbox-settle';
import { db } from '../../../storage/db';
import { recordOffers } from '../../../storage/offers';
import { readHistory } from '../../../storage/price-history';
import { whenInboxAppended } from '../../../storage/price-inbox';
import { offer } from '../../support/builders';

beforeEach(async () => {
  fakeBrowser.reset();
  const database = db();
  await database.transaction('rw', database.tables, () => Promise.all(database.tables.map((t) => t.clear())));
});
afterEach(() => whenInboxAppended(null));

const search = (id: string, minor: number, at: number) =>
  recordOffers(db(), [offer({ offerId: id, priceMinMinor: minor })], 'https://s.1688.com/', 'search', at);

describe('the background settles the price inbox', () => {
  it('soon after recordings, with the history reading the same before and after', async () => {
    watchInbox();
    await search('1', 900, 1000);
    await search('1', 900, 2000); // a repeat: no point
    await search('2', 500, 2000);
    await search('1', 850, 3000);
    const waiting = await readHistory(db(), '1688:1');
    expect(waiting.map((p) => p.minor)).toEqual([900, 850]);
    await expect.poll(() => db().priceInbox.count(), { timeout: 5000 }).toBe(0);
    expect(await db().priceObservations.count()).toBe(3);
    expect(await readHistory(db(), '1688:1')).toEqual(waiting);
  });

  it('settles rows a stopped worker left when it starts', async () => {
    await search('1', 900, 1000);
    expect(await db().priceInbox.count()).toBe(1);
    watchInbox();
    await expect.poll(() => db().priceObservations.count(), { timeout: 5000 }).toBe(1);
    expect(await db().priceInbox.count()).toBe(0);
  });
});
