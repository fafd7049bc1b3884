import './node-globals';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BackupError,
  type BackupErrorCode,
  createBackup,
  inspectBackup,
  type RestoreMode,
  type RestoreProgress,
  restoreBackup,
} from '../../../../storage/backup';
import { NOT_BACKED_UP } from '../../../../storage/backup/backup';
import { DEFAULT_LIMITS, MIN_BACKUP_SCHEMA } from '../../../../storage/backup/format';
import { readBackupFile } from '../../../../storage/backup/json-reader';
import { ROW_UPGRADES } from '../../../../storage/backup/restore';
import { ROW_SCHEMAS } from '../../../../storage/backup/schemas';
import type { SourceLensDb } from '../../../../storage/db';
import { countPricePoints, foldLoosePoints } from '../../../../storage/price-blocks';
import { readHistory, recordObservations } from '../../../../storage/price-history';
import { settleInbox } from '../../../../storage/price-inbox';
import { recordSpottedProduct } from '../../../../storage/products';
import { keepOffer } from '../../../../storage/shortlist';
import { dump, edited, freshDb, product, seed } from './helpers';

let database: SourceLensDb | null = null;
afterEach(() => database?.close());

async function seeded(): Promise<SourceLensDb> {
  database = await freshDb();
  await seed(database);
  return database;
}

/** Rejects with a BackupError of `code` (and the message naming `detail`, when given). */
async function rejects(p: Promise<unknown>, code: BackupErrorCode, detail?: RegExp) {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'the restore should have been refused').toBeInstanceOf(BackupError);
  expect((error as BackupError).code, (error as Error).message).toBe(code);
  if (detail) expect((error as BackupError).detail).toMatch(detail);
}

describe('backup and restore: the round trip', () => {
  it('restores every row of every table exactly (replace), from rows the app itself wrote', async () => {
    const db = await seeded();
    const before = await dump(db);
    expect(JSON.parse(before.priceObservations as string)).toHaveLength(4);
    const file = await createBackup(db);
    for (const table of db.tables) await table.clear();
    const summary = await restoreBackup(file, db, 'replace');
    expect(await dump(db)).toEqual(before);
    expect(summary.rows).toMatchObject({ products: 1, offers: 2, priceObservations: 4, shortlist: 1 });
    expect(summary.header.schemaVersion).toBe(db.verno);
  });

  it('replace drops what the file does not hold', async () => {
    const db = await seeded();
    const before = await dump(db);
    const file = await createBackup(db);
    await recordSpottedProduct(
      db,
      product({ itemId: '999' }),
      'https://item.taobao.com/item.htm?id=999',
      5e6,
    );
    await restoreBackup(file, db, 'replace');
    expect(await dump(db)).toEqual(before);
  });

  it('the file starts with our header and keeps dexie’s layout', async () => {
    const db = await seeded();
    const json = JSON.parse(await (await createBackup(db, undefined, 42)).text());
    expect(json.sourcelens).toEqual({ format: 1, schemaVersion: db.verno, createdAt: 42 });
    expect(json.formatName).toBe('dexie');
    expect(json.data.databaseName).toBe('sourcelens');
    expect(json.data.tables.map((t: { name: string }) => t.name).sort()).toEqual(
      Object.keys(ROW_SCHEMAS).sort(),
    );
  });

  it('reports progress for the backup and both phases of a restore, ending at 1', async () => {
    const db = await seeded();
    const backup: number[] = [];
    const file = await createBackup(db, (f) => backup.push(f));
    expect(backup.at(-1)).toBe(1);
    const seen: RestoreProgress[] = [];
    await restoreBackup(file, db, 'merge', (p) => seen.push(p));
    for (const phase of ['checking', 'writing'] as const) {
      const f = seen.filter((p) => p.phase === phase).map((p) => p.fraction);
      expect(f.length, phase).toBeGreaterThan(0);
      expect(f.at(-1), phase).toBe(1);
      expect(
        [...f].sort((a, b) => a - b),
        phase,
      ).toEqual(f);
    }
  });

  it('reads a file with many rows across many slices and batches', async () => {
    database = await freshDb();
    const db = database;
    const rows = Array.from({ length: 5_000 }, (_, i) => ({
      subjectKey: `taobao:${i % 7}`,
      subjectKind: 'product' as const,
      minor: 100 + i,
      maxMinor: null,
      currency: 'CNY',
      at: 1_000 + i,
      // Multi-byte text of varying length, so slices of the file end inside characters and rows.
      where: `https://item.taobao.com/item.htm?id=${i % 7}&note=${'长'.repeat(150 + (i % 50))}`,
      via: 'spotter' as const,
      detailAt: 1_000 + i,
    }));
    await db.priceObservations.bulkAdd(rows);
    const before = await dump(db);
    // Thousands of slices, but progress in steps of half a percent at least: a redraw per step, not per slice.
    const progress: number[] = [];
    const file = await createBackup(db, (f) => progress.push(f));
    expect(file.size).toBeGreaterThan(2 * 1024 * 1024);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    expect(progress.length).toBeGreaterThan(50);
    expect(progress.length).toBeLessThanOrEqual(203);
    expect(progress.filter((f) => f === 1)).toHaveLength(1);
    // Every step but the last (which reaches 1 from wherever the rows ended) is half a percent at least.
    for (let i = 1; i < progress.length - 1; i++)
      expect((progress[i] as number) - (progress[i - 1] as number)).toBeGreaterThanOrEqual(0.005);
    await db.priceObservations.clear();
    await restoreBackup(file, db, 'replace');
    expect(await dump(db)).toEqual(before);
  });
});

describe('backup and restore: merge keeps both, the newer row wins', () => {
  it('per table: lastSeenAt, the last status change, one observation per subject and moment', async () => {
    const db = await seeded();
    const file = await createBackup(db);
    // After the backup: the product is seen again (newer than the file), a kept offer's note changes without a
    // status change (the file's copy is as new), another product is spotted, an offer row is made older.
    await recordSpottedProduct(
      db,
      product({ title: 'seen later' }),
      'https://item.taobao.com/item.htm?id=123',
      9e8,
    );
    await recordSpottedProduct(db, product({ itemId: '7' }), 'https://item.taobao.com/item.htm?id=7', 9e8);
    await db.offers.update('1688:600000000002', { firstSeenAt: 1, lastSeenAt: 1, title: 'older copy' });
    await keepOffer(db, { offerKey: '1688:600000000002', productKey: null }, 9e8);
    const observationsBefore = await db.priceObservations.count();

    await restoreBackup(file, db, 'merge');
    expect((await db.products.get('taobao:123'))?.title).toBe('seen later');
    expect(await db.products.get('taobao:7')).toBeDefined();
    expect((await db.offers.get('1688:600000000002'))?.title).toBe('连衣裙 夏季 新款');
    // The older copy's first sighting is kept with the newer row.
    expect((await db.offers.get('1688:600000000002'))?.firstSeenAt).toBe(1);
    expect(await db.shortlist.count()).toBe(2);
    expect((await db.shortlist.where('offerKey').equals('1688:600000000001').first())?.status).toBe(
      'contacted',
    );
    // Every point of the file was there already: none is added twice.
    expect(await db.priceObservations.count()).toBe(observationsBefore);
  });

  it('into an empty database gives the backed-up data, with new ids for observations', async () => {
    const db = await seeded();
    const before = await dump(db);
    const file = await createBackup(db);
    for (const table of db.tables) await table.clear();
    await restoreBackup(file, db, 'merge');
    const after = await dump(db);
    expect(after.products).toEqual(before.products);
    expect(after.offers).toEqual(before.offers);
    expect(await db.priceObservations.count()).toBe(JSON.parse(before.priceObservations as string).length);
  });

  it('a newer status in the file wins over the database’s entry, which keeps its id', async () => {
    const db = await seeded();
    const file = await edited(await createBackup(db), (t) =>
      t.replace(
        '"status":"contacted","statusHistory":[',
        '"status":"ordered","statusHistory":[{"status":"ordered","at":99000000},',
      ),
    );
    const id = (await db.shortlist.toArray())[0]?.id;
    await restoreBackup(file, db, 'merge');
    const rows = await db.shortlist.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id, status: 'ordered' });
  });
});

describe('backup and restore: price points in blocks and loose', () => {
  const DAY = 86_400_000;
  const point = (subjectKey: string, d: number, minor = 1000 + (d % 17)) => ({
    subjectKey,
    subjectKind: 'offer' as const,
    minor,
    maxMinor: null,
    currency: 'CNY',
    at: 2e6 + d * DAY,
    where: 'https://s.1688.com/selloffer/offer_search.htm?keywords=x',
    via: 'refresh' as const,
  });
  /** The seed, then 300 days of a price moving daily for two offers, folded into blocks, then two loose points. */
  async function withBlocks(): Promise<SourceLensDb> {
    const db = await seeded();
    const keys = ['1688:600000000001', '1688:600000000002'];
    await recordObservations(db, Array.from({ length: 300 }, (_, d) => keys.map((k) => point(k, d))).flat());
    await settleInbox(db);
    await foldLoosePoints(db);
    await recordObservations(db, [point(keys[0] as string, 400), point(keys[1] as string, 401)]);
    await settleInbox(db);
    expect(await db.priceBlocks.count()).toBeGreaterThan(2);
    expect(await db.priceObservations.count()).toBe(2);
    return db;
  }

  it('replace restores blocks and loose points exactly; the summary counts every price once', async () => {
    const db = await withBlocks();
    const before = await dump(db);
    const prices = await countPricePoints(db);
    const file = await createBackup(db);
    for (const table of db.tables) await table.clear();
    const summary = await restoreBackup(file, db, 'replace');
    expect(await dump(db)).toEqual(before);
    expect(summary.prices).toBe(prices);
  });

  it('a backup made while observations wait in the inbox carries them as points; the inbox is not in the file', async () => {
    const db = await withBlocks();
    const key = '1688:600000000001';
    // A moved price and a repeat of it a day later, recorded and not settled yet.
    await recordObservations(db, [point(key, 500, 999), point(key, 500.1, 999)]);
    const history = await readHistory(db, key);
    expect(history.slice(-2).map((p) => [p.minor, p.at])).toEqual([
      [1000 + (400 % 17), point(key, 400).at],
      [999, point(key, 500).at],
    ]);
    const file = await createBackup(db);
    expect(JSON.parse(await file.text()).data.tables.map((t: { name: string }) => t.name)).not.toContain(
      'priceInbox',
    );
    for (const table of db.tables) await table.clear();
    await restoreBackup(file, db, 'replace');
    expect(await readHistory(db, key)).toEqual(history);
  });

  it('merge adds a block’s points once: into the same database nothing changes, into an empty one all', async () => {
    const db = await withBlocks();
    const key = '1688:600000000001';
    const history = await readHistory(db, key);
    const prices = await countPricePoints(db);
    const file = await createBackup(db);
    await restoreBackup(file, db, 'merge');
    expect(await readHistory(db, key)).toEqual(history);
    await foldLoosePoints(db);
    expect(await readHistory(db, key)).toEqual(history);
    expect(await countPricePoints(db)).toBe(prices);

    for (const table of db.tables) await table.clear();
    await restoreBackup(file, db, 'merge');
    expect(await readHistory(db, key)).toEqual(history);
    expect(await countPricePoints(db)).toBe(prices);
  });

  it('a busy day makes a long block row: it is backed up and restored, and one over its own limit is refused', async () => {
    const db = await seeded();
    // 2,000 prices of one offer in one day (each a change): one block of one day, over the 256 kB other rows get.
    await recordObservations(
      db,
      Array.from({ length: 2000 }, (_, i) => ({
        subjectKey: '1688:600000000001',
        subjectKind: 'offer' as const,
        minor: 1000 + (i % 2),
        maxMinor: null,
        currency: 'CNY',
        at: 3 * DAY + i * 1000,
        where: `https://detail.1688.com/offer/600000000001.html?sku=${i}`,
        via: 'offer-page' as const,
        tiers: [
          { minQty: 2, priceMinor: 1500 },
          { minQty: 50, priceMinor: 1000 + (i % 2) },
        ],
      })),
    );
    await settleInbox(db);
    await foldLoosePoints(db);
    const before = await dump(db);
    const file = await createBackup(db);
    const text = await file.text();
    const longest = Math.max(
      ...JSON.parse(text)
        .data.data.find((t: { tableName: string }) => t.tableName === 'priceBlocks')
        .rows.map((r: unknown) => JSON.stringify(r).length),
    );
    expect(longest).toBeGreaterThan(DEFAULT_LIMITS.maxRowChars);
    for (const table of db.tables) await table.clear();
    await restoreBackup(file, db, 'replace');
    expect(await dump(db)).toEqual(before);
    // Its own limit still holds.
    await rejects(
      restoreBackup(file, db, 'replace', undefined, {
        ...DEFAULT_LIMITS,
        maxRowCharsOf: { priceBlocks: longest - 1 },
      }),
      'too-large',
      /priceBlocks row/,
    );
    expect(await dump(db)).toEqual(before);
  });

  it('hands rows on in batches bounded by their text, not only by their number', async () => {
    const db = await withBlocks();
    const file = await createBackup(db);
    const batches: number[] = [];
    await readBackupFile(
      file,
      { ...DEFAULT_LIMITS, maxBatchChars: 1 },
      {
        onMeta: () => {},
        onRows: (table, rows) => {
          if (table === 'priceBlocks') batches.push(rows.length);
        },
      },
    );
    expect(batches.length).toBe(await db.priceBlocks.count());
    expect(batches.every((n) => n === 1)).toBe(true);
  });

  it('a block that is not as the app writes it is refused, saying what is wrong', async () => {
    const db = await withBlocks();
    const before = await dump(db);
    const file = await createBackup(db);
    const text = await file.text();
    const size = /"size":(\d+)/.exec(text)?.[1];
    const start = /"start":(\d+)/.exec(text)?.[1];
    for (const [from, to, problem] of [
      [`"size":${size}`, `"size":${Number(size) + 1}`, /priceBlocks row 1: size is not/],
      ['"start":', '"start":1,"_start":', /priceBlocks row 1: .*_start/],
      [`"start":${start}`, `"start":${Number(start) + DAY}`, /priceBlocks row 1: start is not the day/],
    ] as const) {
      const bad = new Blob([text.replace(from, to)]);
      await rejects(restoreBackup(bad, db, 'replace'), 'bad-row', problem);
    }
    expect(await dump(db)).toEqual(before);
  });
});

describe('a bad file is refused with what is wrong, and nothing changes', () => {
  /** The database as it is now must be byte for byte the same after the refused restore, in both modes. */
  async function refusedBoth(db: SourceLensDb, file: Blob, code: BackupErrorCode, detail?: RegExp) {
    const before = await dump(db);
    for (const mode of ['merge', 'replace'] as RestoreMode[]) {
      await rejects(restoreBackup(file, db, mode), code, detail);
      expect(await dump(db), mode).toEqual(before);
    }
    await rejects(inspectBackup(file, db), code, detail);
  }

  /** A backup, then a change to the database, so a restore that went through would show. */
  async function backupThenChange(): Promise<{ db: SourceLensDb; file: Blob }> {
    const db = await seeded();
    const file = await createBackup(db);
    await recordSpottedProduct(db, product({ itemId: '8' }), 'https://item.taobao.com/item.htm?id=8', 7e6);
    return { db, file };
  }

  it('truncated: cut anywhere — in a row, between rows, before the end', async () => {
    const { db, file } = await backupThenChange();
    const text = await file.text();
    for (const cut of [10, Math.floor(text.length / 2), text.lastIndexOf('}') - 3, text.length - 1]) {
      await refusedBoth(db, new Blob([text.slice(0, cut)]), 'truncated');
    }
  });

  it('truncated so that it still parses: a row removed (the table list says how many there were)', async () => {
    const { db, file } = await backupThenChange();
    const cut = await edited(file, (t) => t.replace(/,\{"subjectKey"[^{}]*(\{[^{}]*\}[^{}]*)*\}\]/, ']'));
    expect(cut.size).toBeLessThan(file.size);
    await refusedBoth(db, cut, 'count-mismatch', /priceObservations/);
  });

  it('tampered rows: a script URL, a wrong type, an unknown field, a huge number, a status never offered', async () => {
    const { db, file } = await backupThenChange();
    const text = await file.text();
    const cases: [string, string, RegExp][] = [
      [
        '"url":"https://item.taobao.com/item.htm?id=123"',
        '"url":"javascript:alert(1)"',
        /products row 1: url/,
      ],
      ['"minor":12900', '"minor":"12900"', /priceObservations row \d+: minor/],
      ['"note":"=ask for samples"', '"note":"x","evil":"<script>"', /shortlist row 1/],
      ['"priceMinMinor":990', '"priceMinMinor":1e300', /offers row \d+: priceMinMinor/],
      ['"status":"contacted"', '"status":"hacked"', /shortlist row 1: status/],
      ['"where":"https://s.1688.com', '"where":"file:///etc/passwd#', /priceObservations row \d+: where/],
      ['"skusKnown":true', '"skusKnown":"yes"', /offers row \d+: variants/],
      ['"stock":120', '"stock":-120', /offers row \d+: variants/],
    ];
    for (const [from, to, detail] of cases) {
      expect(text.includes(from), from).toBe(true);
      await refusedBoth(db, new Blob([text.replace(from, to)]), 'bad-row', detail);
    }
  });

  it('oversized: a row over the size limit, a file over the size limit (refused before it is read)', async () => {
    const { db, file } = await backupThenChange();
    const big = await edited(file, (t) =>
      t.replace('"note":"=ask for samples"', `"note":"${'x'.repeat(300_000)}"`),
    );
    await refusedBoth(db, big, 'too-large', /shortlist row 1/);
    const before = await dump(db);
    let read = false;
    const huge = {
      size: DEFAULT_LIMITS.maxFileBytes + 1,
      slice: () => {
        read = true;
        return new Blob([]);
      },
    };
    await rejects(restoreBackup(huge, db, 'replace'), 'file-too-large');
    expect(read).toBe(false);
    expect(await dump(db)).toEqual(before);
  });

  it('foreign JSON: another app’s file, an array, not JSON at all, another database’s dexie export', async () => {
    const { db, file } = await backupThenChange();
    await refusedBoth(db, new Blob(['{"name":"my notes","items":[1,2,3]}']), 'not-backup');
    await refusedBoth(db, new Blob(['[{"formatName":"dexie"}]']), 'not-backup');
    await refusedBoth(db, new Blob(['PK\u0003\u0004 a zip file']), 'not-backup');
    await refusedBoth(db, new Blob([new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])]), 'not-text');
    await refusedBoth(
      db,
      await edited(file, (t) => t.replace(/^\{"sourcelens":\{[^}]*\},/, '{')),
      'not-backup',
    );
    await refusedBoth(
      db,
      await edited(file, (t) => t.replace('"databaseName":"sourcelens"', '"databaseName":"otherapp"')),
      'not-backup',
    );
    await refusedBoth(
      db,
      await edited(file, (t) =>
        t
          .replace('"tableName":"lookups"', '"tableName":"passwords"')
          .replace('"name":"lookups"', '"name":"passwords"'),
      ),
      'unknown-table',
      /passwords/,
    );
    // The price inbox is a table of this database, but backups leave it out: a file that carries it was not made here.
    await refusedBoth(
      db,
      await edited(file, (t) =>
        t
          .replace('"tableName":"lookups"', '"tableName":"priceInbox"')
          .replace(/"name":"lookups","schema":"[^"]*"/, '"name":"priceInbox","schema":"++id,*subjects"'),
      ),
      'unknown-table',
      /priceInbox/,
    );
    await refusedBoth(db, await edited(file, (t) => `${t}{}`), 'bad-json');
  });

  it('wrong version: a format we do not know, a schema newer than this database, one too old', async () => {
    const { db, file } = await backupThenChange();
    const v = db.verno;
    await refusedBoth(db, await edited(file, (t) => t.replace('"format":1', '"format":2')), 'unknown-format');
    const schema = (n: number) => (t: string) =>
      t
        .replace(`"schemaVersion":${v}`, `"schemaVersion":${n}`)
        .replace(`"databaseVersion":${v}`, `"databaseVersion":${n}`);
    await refusedBoth(db, await edited(file, schema(v + 1)), 'newer-schema');
    await refusedBoth(db, await edited(file, schema(MIN_BACKUP_SCHEMA - 1)), 'older-schema');
  });

  it('a version-6 backup: the secrets that version kept in addresses are gone once restored', async () => {
    const { db, file } = await backupThenChange();
    const v = db.verno;
    const secret = 'https://www.example-shop.test/p/1?sessionid=s3cr3t&colour=blue#access_token=t0k3n';
    const clean = 'https://www.example-shop.test/p/1?colour=blue';
    // The file as version 6 could write it: a product keyed by an address with secrets, its price seen there.
    const old = await edited(file, (t) =>
      t
        .replace(`"schemaVersion":${v}`, '"schemaVersion":6')
        .replace(`"databaseVersion":${v}`, '"databaseVersion":6')
        .replaceAll('"taobao:123"', `"url:${secret}"`)
        .replaceAll('"https://item.taobao.com/item.htm?id=123"', `"${secret}"`),
    );
    expect(await old.text()).toContain(secret);
    for (const table of db.tables) await table.clear();
    await restoreBackup(old, db, 'replace');
    const after = JSON.stringify(await dump(db));
    expect(after).not.toContain('s3cr3t');
    expect(after).not.toContain('t0k3n');
    const [row] = await db.products.toArray();
    expect(row).toMatchObject({ key: `url:${clean}`, url: clean });
    expect((await db.priceObservations.where('subjectKey').equals(`url:${clean}`).count()) > 0).toBe(true);
    expect((await db.shortlist.toArray())[0]?.productKey).toBe(`url:${clean}`);
  });

  it('two kept entries for one offer', async () => {
    const { db, file } = await backupThenChange();
    const text = await file.text();
    const row = /\{"offerKey":"1688:600000000001"[\s\S]*?"\$types":\{[^}]*\}\}/.exec(text)?.[0];
    expect(row).toBeDefined();
    const twice = text
      .replace(row as string, `${row},${(row as string).replace(/"id":\d+/, '"id":77')}`)
      .replace(/("name":"shortlist","schema":"[^"]*","rowCount":)1/, '$12');
    await refusedBoth(db, new Blob([twice]), 'duplicate');
  });

  it('a file that changes on disk between the check and the write: the write is undone', async () => {
    const { db, file } = await backupThenChange();
    const good = await file.text();
    const bad = good.replace('"minor":12900', '"minor":"129"');
    let reads = 0;
    // The first pass reads the good text; the write pass the damaged one.
    const source = {
      size: file.size,
      slice: (a?: number, b?: number) => {
        reads++;
        return new Blob([reads <= Math.ceil(file.size / (1024 * 1024)) ? good : bad]).slice(a, b);
      },
    };
    expect(bad.length).toBe(good.length);
    const before = await dump(db);
    await rejects(restoreBackup(source, db, 'replace'), 'bad-row');
    expect(await dump(db)).toEqual(before);
  });
});

describe('backup conventions', () => {
  it('every table of the database has a row schema, or is one a backup leaves out', async () => {
    database = await freshDb();
    expect(database.tables.map((t) => t.name).sort()).toEqual(
      [...Object.keys(ROW_SCHEMAS), ...NOT_BACKED_UP].sort(),
    );
  });

  it('every schema version after the first with backups says how its rows are upgraded', async () => {
    database = await freshDb();
    for (let version = MIN_BACKUP_SCHEMA + 1; version <= database.verno; version++)
      expect(
        ROW_UPGRADES,
        `version ${version}: add its row upgrades (maybe {}) to ROW_UPGRADES`,
      ).toHaveProperty(String(version));
  });
});
