import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { hashPictures } from '../../../entrypoints/background/image-hash';
import {
  MAINTENANCE_ALARM,
  runMaintenance,
  watchMaintenance,
} from '../../../entrypoints/background/maintenance';
import { db } from '../../../storage/db';
import { recordOffers } from '../../../storage/offers';
import { readHistory } from '../../../storage/price-history';
import { isQuotaError } from '../../../storage/quota';
import { DAY_MS } from '../../../storage/retention';
import { historySettings, lastMaintenance, quotaEvent } from '../../../storage/settings/history';
import { offer } from '../../support/builders';

const point = (subjectKey: string, at: number, minor: number) => ({
  subjectKey,
  subjectKind: 'offer' as const,
  minor,
  maxMinor: null,
  currency: 'CNY',
  at,
  where: 'https://s.1688.com/',
  via: 'search' as const,
  detailAt: at,
});

beforeEach(async () => {
  fakeBrowser.reset();
  const database = db();
  await database.transaction('rw', database.tables, () => Promise.all(database.tables.map((t) => t.clear())));
});

describe('daily maintenance in the background', () => {
  it('creates its daily alarm once and runs retention with the settings when it rings', async () => {
    watchMaintenance();
    await expect
      .poll(() => fakeBrowser.alarms.get(MAINTENANCE_ALARM))
      .toMatchObject({ periodInMinutes: 24 * 60 });
    await historySettings.setValue({ detailDays: 30, pictureDays: 30 });
    const now = Date.now();
    await db().priceObservations.bulkAdd([
      point('1688:1', now - 40 * DAY_MS, 900),
      point('1688:1', now - 40 * DAY_MS + 1000, 1100),
      point('1688:1', now - DAY_MS, 1000),
    ]);
    await fakeBrowser.alarms.onAlarm.trigger((await fakeBrowser.alarms.get(MAINTENANCE_ALARM)) as never);
    await expect.poll(() => lastMaintenance.getValue()).toMatchObject({ collapsedPoints: 2, dailyPoints: 1 });
    expect((await readHistory(db(), '1688:1')).map((p) => [p.minor, p.highMinor])).toEqual([
      [900, 1100],
      [1000, undefined],
    ]);
  });

  it('a full disk is recorded, retention runs early, and the newest offers are written after it', async () => {
    watchMaintenance();
    const now = Date.now();
    // 60-day-old detail: inside the 90-day window, so only an early (halved-window) run folds it.
    await db().priceObservations.bulkAdd([
      point('1688:9', now - 60 * DAY_MS, 900),
      point('1688:9', now - 60 * DAY_MS + 1000, 950),
    ]);
    let failures = 1;
    const full = () => {
      if (failures-- > 0) throw new DOMException('full', 'QuotaExceededError');
    };
    db().offers.hook('creating', full);
    await recordOffers(
      db(),
      [offer({ offerId: '1', priceMinMinor: 500 })],
      'https://s.1688.com/',
      'search',
      now,
    );
    db().offers.hook('creating').unsubscribe(full);
    expect(await db().offers.count()).toBe(1);
    // Freed: two loose rows became one block row, and the block's two points one daily point.
    expect(await quotaEvent.getValue()).toMatchObject({ count: 1, recovered: true, freedRows: 2 });
    expect(await lastMaintenance.getValue()).toMatchObject({ early: true, collapsedPoints: 2 });
  });

  it('when nothing can be freed the write fails and the options are told it was lost', async () => {
    watchMaintenance();
    const fail = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    db().offers.hook('creating', fail);
    await expect(
      recordOffers(db(), [offer({ offerId: '2', priceMinMinor: 500 })], 'https://s.1688.com/', 'search', 1),
    ).rejects.toSatisfy(isQuotaError);
    db().offers.hook('creating').unsubscribe(fail);
    expect(await quotaEvent.getValue()).toMatchObject({ count: 1, recovered: false });
    expect(await runMaintenance()).toBe(0);
  });

  it('a cached picture hash a search uses is marked used (at most once a day), so retention keeps it', async () => {
    const now = 100 * DAY_MS;
    const row = { hash: 'ab'.repeat(8), error: null, at: 0 };
    await db().imageHashes.bulkPut([
      { ...row, url: 'https://img.example/a.jpg', usedAt: now - 40 * DAY_MS },
      { ...row, url: 'https://img.example/b.jpg', usedAt: now - 1000 },
    ]);
    await hashPictures(db(), ['https://img.example/a.jpg', 'https://img.example/b.jpg'], now);
    expect((await db().imageHashes.toArray()).map((h) => h.usedAt)).toEqual([now, now - 1000]);
  });
});
