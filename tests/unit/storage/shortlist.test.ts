import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { SourceLensDb } from '../../../storage/db';
import { cleanTags, keepOffer, setShortlistStatus, toggleShortlist } from '../../../storage/shortlist';

const fresh = () => new SourceLensDb(`shortlist-${Math.random()}`);

describe('the shortlist: keep with a note and tags, statuses with their dates', () => {
  it('keeps an offer with a note and tags in one step, and changes them later without losing the rest', async () => {
    const db = fresh();
    const kept = await keepOffer(
      db,
      {
        offerKey: '1688:1',
        productKey: 'taobao:9',
        note: ' ask for samples ',
        tags: ['Summer', 'summer', ' '],
      },
      100,
    );
    expect(kept).toMatchObject({
      note: 'ask for samples',
      tags: ['summer'],
      status: 'considering',
      addedAt: 100,
    });
    expect(kept.statusHistory).toEqual([{ status: 'considering', at: 100 }]);
    const changed = await keepOffer(db, { offerKey: '1688:1', productKey: null, tags: ['dropship'] }, 200);
    expect(changed).toMatchObject({
      note: 'ask for samples',
      tags: ['dropship'],
      productKey: 'taobao:9',
      addedAt: 100,
    });
    expect(await db.shortlist.count()).toBe(1);
    db.close();
  });

  it('moves an offer along the steps with the date of each change; asking keeps an offer not kept yet', async () => {
    const db = fresh();
    const contacted = await setShortlistStatus(
      db,
      { offerKey: '1688:2', productKey: null, status: 'contacted' },
      10,
    );
    expect(contacted.status).toBe('contacted');
    expect(contacted.statusHistory).toEqual([
      { status: 'considering', at: 10 },
      { status: 'contacted', at: 10 },
    ]);
    const again = await setShortlistStatus(
      db,
      { offerKey: '1688:2', productKey: null, status: 'contacted' },
      20,
    );
    expect(again.statusHistory).toHaveLength(2);
    const sample = await setShortlistStatus(
      db,
      { offerKey: '1688:2', productKey: null, status: 'sample' },
      30,
    );
    expect(sample.statusHistory.map((h) => [h.status, h.at])).toEqual([
      ['considering', 10],
      ['contacted', 10],
      ['sample', 30],
    ]);
    // The toggle still drops it.
    expect(await toggleShortlist(db, '1688:2', null, 40)).toBe(false);
    expect(await db.shortlist.count()).toBe(0);
    db.close();
  });

  it('cleans tags: trimmed, lower case, width-folded, once each, bounded', () => {
    expect(cleanTags(['  Ｓｕｍｍｅｒ ', 'summer', '', 'x'.repeat(40)])).toEqual(['summer', 'x'.repeat(30)]);
    expect(cleanTags(Array.from({ length: 30 }, (_, i) => `t${i}`))).toHaveLength(20);
  });

  it('version 4 gives entries kept before it a status, its history from when they were kept, and no tags', async () => {
    const name = `shortlist-v3-${Math.random()}`;
    const v3 = new Dexie(name);
    v3.version(1).stores({
      products: '&key, lastSeenAt, site',
      offers: '&key, source, lastSeenAt',
      priceObservations: '++id, [subjectKey+at], at',
      shortlist: '++id, &offerKey, productKey, addedAt',
      lookups: '&key, expiresAt',
    });
    v3.version(2).stores({ imageHashes: '&url, at' });
    v3.version(3).stores({});
    await v3
      .table('shortlist')
      .add({ offerKey: '1688:3', productKey: null, note: 'n', quantity: 5, addedAt: 77 });
    v3.close();
    const db = new SourceLensDb(name);
    const [entry] = await db.shortlist.toArray();
    expect(entry).toMatchObject({
      offerKey: '1688:3',
      note: 'n',
      quantity: 5,
      tags: [],
      status: 'considering',
    });
    expect(entry?.statusHistory).toEqual([{ status: 'considering', at: 77 }]);
    expect(await db.shortlist.where('status').equals('considering').count()).toBe(1);
    db.close();
  });
});
