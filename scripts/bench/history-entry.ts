// Bundled by scripts/bench/history.mjs and run in a plain Chromium page: the extension's own database class and
// price-history module (Dexie included) against a database of 2,000 kept offers and 1,000,000 price points.
import { checkRow } from '../../storage/backup/schemas';
import { SourceLensDb } from '../../storage/db';
import { blockPoint, chunkPoints, countPricePoints } from '../../storage/price-blocks';
import { type NewObservation, readHistory, recordObservations } from '../../storage/price-history';
import { settleInbox } from '../../storage/price-inbox';
import type { LatestPrice, PriceBlock, PriceObservation } from '../../storage/types';
import { storedOffer } from '../../tests/support/builders';

const NAME = 'sourcelens-bench-history';
const HOUR = 60 * 60 * 1000;
const T0 = Date.UTC(2026, 0, 1);

const offerKey = (i: number) => `1688:${String(600000000000 + i)}`;

function requestDone<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}
function txDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** How many price points the database holds (loose and in blocks), or 0 when it is not at this layout yet. */
async function seededCount(): Promise<number> {
  const db = new SourceLensDb(NAME);
  await db.open();
  // A profile seeded before blocks holds its points loose, and one seeded before the backup bench restored it had
  // offers restore refuses: neither is this layout.
  const offer = await db.offers.toCollection().first();
  const current = (await db.priceBlocks.count()) > 0 && offer !== undefined && checkRow('offers', offer).ok;
  const n = current ? await countPricePoints(db) : 0;
  db.close();
  return n;
}

/**
 * Seeds with bare IndexedDB puts (Dexie opens it first so the schema is the extension's): `offers` kept offers,
 * each with `perOffer` points every 12 h, laid out as the extension holds them after its daily maintenance —
 * folded into per-offer blocks (storage/price-blocks.ts `chunkPoints`, the extension's own rule) except each
 * offer's newest point, still loose as if seen today.
 */
async function seed(
  offers: number,
  perOffer: number,
): Promise<{ seeded: boolean; ms: number; count: number }> {
  const started = performance.now();
  if ((await seededCount()) === offers * perOffer) return { seeded: false, ms: 0, count: offers * perOffer };
  await new SourceLensDb(NAME).delete();
  const dexie = new SourceLensDb(NAME);
  await dexie.open();
  const idb = dexie.backendDB();
  const pointOf = (i: number, step: number): PriceObservation => {
    const at = T0 + step * 12 * HOUR;
    const n = step * offers + i;
    return {
      subjectKey: offerKey(i),
      subjectKind: 'offer',
      minor: 1400 + ((n * 7919) % 300),
      maxMinor: 1800,
      currency: 'CNY',
      at,
      where: 'https://s.1688.com/',
      via: step % 2 ? 'refresh' : 'search',
      detailAt: at,
    };
  };
  const CHUNK = 200;
  for (let first = 0; first < offers; first += CHUNK) {
    const tx = idb.transaction(
      ['offers', 'shortlist', 'priceLatest', 'priceBlocks', 'priceObservations'],
      'readwrite',
    );
    for (let i = first; i < Math.min(first + CHUNK, offers); i++) {
      const key = offerKey(i);
      // A row as the app stores it (restore checks every row: the backup bench restores this database).
      tx.objectStore('offers').put(
        storedOffer({
          offerId: key.slice(5),
          title: `连衣裙 夏季 新款 ${i}`,
          priceTiers: [{ minQty: 2, priceMinor: 1500 }],
          priceMinMinor: 1500,
          priceMaxMinor: 1800,
          moq: 2,
          supplier: { name: `义乌服饰 ${i}` },
          firstSeenAt: T0,
          lastSeenAt: T0,
        }),
      );
      tx.objectStore('shortlist').put({
        offerKey: key,
        productKey: null,
        note: '',
        tags: [],
        status: 'considering',
        statusHistory: [{ status: 'considering', at: T0 }],
        quantity: null,
        addedAt: T0,
      });
      const points = Array.from({ length: perOffer }, (_, step) => pointOf(i, step));
      const newest = points.pop() as PriceObservation;
      for (const block of chunkPoints(key, 'offer', points.map(blockPoint)))
        tx.objectStore('priceBlocks').put(block);
      tx.objectStore('priceObservations').put(newest);
      const { detailAt: _d, ...latest } = newest;
      tx.objectStore('priceLatest').put(latest satisfies LatestPrice);
    }
    await txDone(tx);
  }
  dexie.close();
  return { seeded: true, ms: performance.now() - started, count: await seededCount() };
}

/**
 * Reads `keys` alternately through readHistory and a bare IndexedDB read of the same rows (getAll of the offer's
 * blocks, of its loose points and of its inbox rows, in one transaction of its own each time, as readHistory's
 * read has), timing each.
 */
async function timeReads(keys: string[]): Promise<{ dexie: number[]; floor: number[]; rows: number }> {
  const db = new SourceLensDb(NAME);
  await db.open();
  const idb = db.backendDB();
  // The same rows bare: the subject's blocks (primary key range), its loose points (index range) and its inbox rows
  // (multi-entry index: none here), side by side in one transaction.
  const bare = async (key: string) => {
    const tx = idb.transaction(['priceBlocks', 'priceObservations', 'priceInbox'], 'readonly');
    const [blocks, loose] = await Promise.all([
      requestDone(tx.objectStore('priceBlocks').getAll(IDBKeyRange.bound([key, -Infinity], [key, Infinity]))),
      requestDone(
        tx
          .objectStore('priceObservations')
          .index('[subjectKey+at]')
          .getAll(IDBKeyRange.bound([key, -Infinity], [key, Infinity])),
      ),
      requestDone(tx.objectStore('priceInbox').index('subjects').getAll(key)),
    ]);
    return [...(blocks as PriceBlock[]).flatMap((b) => b.points), ...loose];
  };
  const dexie: number[] = [];
  const floor: number[] = [];
  let rows = 0;
  // Warm both paths (code compiled, database open) before timing.
  for (const key of keys.slice(0, 5)) {
    await readHistory(db, key);
    await bare(key);
  }
  for (const [i, key] of keys.entries()) {
    // Alternate which goes first, so caching of one key's pages favours neither.
    const order = i % 2 ? (['floor', 'dexie'] as const) : (['dexie', 'floor'] as const);
    for (const which of order) {
      const t = performance.now();
      const got = which === 'dexie' ? await readHistory(db, key) : await bare(key);
      (which === 'dexie' ? dexie : floor).push(performance.now() - t);
      rows = got.length;
    }
  }
  db.close();
  return { dexie, floor, rows };
}

/**
 * Records `total` observations through recordObservations in batches of `batch`: half for kept offers (a moved
 * price each), half for offers seen for the first time. Then settles them into the history (settleInbox, as the
 * background does a second later), timed apart. Beside them, in the same run: the same batches as bare IndexedDB
 * adds of one row each (the floor under recording), and as bare adds of one row per observation (the layout before
 * the inbox). Afterwards the database is put back as seeded (points and rows added deleted, the kept offers'
 * newest points restored), so a reused profile stays the same.
 */
async function timeIngest(
  total: number,
  batch: number,
  offers: number,
): Promise<{
  ms: number;
  recorded: number;
  settleMs: number;
  settled: number;
  floorMs: number;
  pointRowsMs: number;
}> {
  const db = new SourceLensDb(NAME);
  await db.open();
  const lastId = ((await db.priceObservations.orderBy(':id').lastKey()) as number) ?? 0;
  const keptKeys = Array.from({ length: Math.min(offers, total / 2) }, (_, i) => offerKey(i));
  const savedLatest = await db.priceLatest.bulkGet(keptKeys);
  const now = Date.now();
  const all: NewObservation[] = Array.from({ length: total }, (_, n) => ({
    subjectKey: n % 2 ? `1688:new-${n}` : offerKey((n / 2) % offers),
    subjectKind: 'offer',
    minor: 2000 + n,
    maxMinor: 2500,
    currency: 'CNY',
    at: now + n,
    where: 'https://s.1688.com/',
    via: 'search',
  }));
  const batches = Array.from({ length: Math.ceil(all.length / batch) }, (_, i) =>
    all.slice(i * batch, (i + 1) * batch),
  );
  const t = performance.now();
  for (const b of batches) await recordObservations(db, b);
  const ms = performance.now() - t;
  const s = performance.now();
  const settled = await settleInbox(db);
  const settleMs = performance.now() - s;
  const idb = db.backendDB();
  /** Each batch in its own transaction, `rows` of it added to `store` with nothing read. */
  const bare = async (store: string, rows: (b: NewObservation[]) => unknown[]) => {
    const start = performance.now();
    for (const b of batches) {
      const tx = idb.transaction(store, 'readwrite');
      for (const row of rows(b)) tx.objectStore(store).add(row);
      await txDone(tx);
    }
    return performance.now() - start;
  };
  const floorMs = await bare('priceInbox', (b) => [
    { subjects: [...new Set(b.map((o) => o.subjectKey))], points: b },
  ]);
  const pointRowsMs = await bare('priceObservations', (b) => b.map((o) => ({ ...o, detailAt: o.at })));
  await db.transaction('rw', db.priceObservations, db.priceLatest, db.priceInbox, async () => {
    await db.priceInbox.clear();
    await db.priceObservations.where(':id').above(lastId).delete();
    await db.priceLatest.where('subjectKey').startsWith('1688:new-').delete();
    await db.priceLatest.bulkPut(savedLatest.filter((r): r is LatestPrice => r !== undefined));
  });
  db.close();
  return { ms, recorded: total, settleMs, settled: settled.points, floorMs, pointRowsMs };
}

(globalThis as unknown as Record<string, unknown>).__historyBench = { seed, timeReads, timeIngest, offerKey };
