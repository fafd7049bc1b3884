import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { pagingFromV2State, SourceLensDb } from '../../../storage/db';
import { readLookup, writeLookup } from '../../../storage/offers';

describe('cached lookups keep their paging facts as a typed field', () => {
  it('a lookup written and read back has its paging, not a JSON string', async () => {
    const db = new SourceLensDb(`lookups-${Math.random()}`);
    await writeLookup(db, {
      key: 'k',
      source: '1688',
      query: '连衣裙',
      offerKeys: ['1688:1'],
      paging: {
        hasMore: true,
        pageId: 'p1',
        total: 120,
        imageId: null,
        lastPage: 2,
        filteredHere: ['dropship'],
        sortedHere: true,
      },
      fetchedAt: 1,
      expiresAt: 2,
    });
    expect((await readLookup(db, 'k'))?.paging).toEqual({
      hasMore: true,
      pageId: 'p1',
      total: 120,
      imageId: null,
      lastPage: 2,
      filteredHere: ['dropship'],
      sortedHere: true,
    });
    db.close();
  });

  it('version 3 moves what version 2 wrote as JSON text into the typed field', async () => {
    const name = `lookups-v2-${Math.random()}`;
    // The database as version 2 left it (its schema strings as released).
    const v2 = new Dexie(name);
    v2.version(1).stores({
      products: '&key, lastSeenAt, site',
      offers: '&key, source, lastSeenAt',
      priceObservations: '++id, [subjectKey+at], at',
      shortlist: '++id, &offerKey, productKey, addedAt',
      lookups: '&key, expiresAt',
    });
    v2.version(2).stores({ imageHashes: '&url, at' });
    await v2.table('lookups').bulkPut([
      {
        key: 'kw',
        source: '1688',
        query: 'q',
        offerKeys: [],
        state: JSON.stringify({ hasMore: true, pageId: 'abc', total: 40, imageId: 'img-1' }),
        fetchedAt: 1,
        expiresAt: 2,
      },
      {
        key: 'junk',
        source: '1688',
        query: 'q',
        offerKeys: [],
        state: '{not json',
        fetchedAt: 1,
        expiresAt: 2,
      },
    ]);
    v2.close();

    const db = new SourceLensDb(name);
    const kw = await readLookup(db, 'kw');
    expect(kw?.paging).toEqual({
      hasMore: true,
      pageId: 'abc',
      total: 40,
      imageId: 'img-1',
      lastPage: null,
      filteredHere: [],
      sortedHere: false,
    });
    expect(kw).not.toHaveProperty('state');
    expect((await readLookup(db, 'junk'))?.paging).toEqual({
      hasMore: false,
      pageId: null,
      total: null,
      imageId: null,
      lastPage: null,
      filteredHere: [],
      sortedHere: false,
    });
    db.close();
  });

  it('reads only well-typed facts out of old text', () => {
    expect(pagingFromV2State('{"hasMore":"yes","pageId":5,"total":1.5,"imageId":null}')).toEqual({
      hasMore: false,
      pageId: null,
      total: null,
      imageId: null,
      lastPage: null,
      filteredHere: [],
      sortedHere: false,
    });
    expect(pagingFromV2State(undefined)).toEqual({
      hasMore: false,
      pageId: null,
      total: null,
      imageId: null,
      lastPage: null,
      filteredHere: [],
      sortedHere: false,
    });
  });
});
