import { browser } from 'wxt/browser';
import { db } from '../../storage/db';
import { onQuotaExceeded } from '../../storage/quota';
import { DAY_MS, runRetention } from '../../storage/retention';
import {
  DETAIL_DAYS_RANGE,
  historySettings,
  lastMaintenance,
  quotaEvent,
  withHistoryDefaults,
} from '../../storage/settings/history';

/** Alarm names under `maintenance:` (other alarms of the background have their own prefixes). */
export const MAINTENANCE_ALARM = 'maintenance:daily';

let running: Promise<number> | null = null;

/**
 * One retention run now (storage/retention.ts) with the person's settings; one at a time. `early` is the run a
 * full disk asks for: the settings' detail window alone freed nothing since this morning's run, so it halves the
 * detail window (not below the minimum), drops every picture hash not used today and every expired look-up — all
 * of it recomputable or summarised, none of it the newest data. Returns the rows and points it removed.
 */
export function runMaintenance(early = false): Promise<number> {
  running ??= (async () => {
    try {
      const settings = withHistoryDefaults(await historySettings.getValue());
      const now = Date.now();
      const result = await runRetention(db(), {
        now,
        detailDays: early
          ? Math.max(DETAIL_DAYS_RANGE[0], Math.floor(settings.detailDays / 2))
          : settings.detailDays,
        pictureDays: early ? 1 : settings.pictureDays,
        lookupGraceDays: early ? 0 : undefined,
        // An extension API call between transactions keeps the worker awake: folding a large history (the first
        // run after an update, or a big merged backup) outlasts the idle timeout, and IndexedDB work alone does
        // not count as activity.
        tick: () => browser.alarms.get(MAINTENANCE_ALARM).catch(() => undefined),
      });
      await lastMaintenance.setValue({ at: now, ...result, early });
      // What went: rows (loose points folded, less the blocks that took them; cache rows) and points merged into
      // daily ones inside their blocks (a smaller row).
      return (
        result.foldedPoints -
        result.blocksAdded +
        result.collapsedPoints -
        result.dailyPoints +
        result.lookups +
        result.pictures
      );
    } finally {
      running = null;
    }
  })();
  return running;
}

/**
 * A write that found the disk full: recorded for the options page, retention run early, and the write tried again
 * (storage/quota.ts) when that freed anything.
 */
async function onFullDisk(): Promise<boolean> {
  const at = Date.now();
  const before = await quotaEvent.getValue();
  const freedRows = await runMaintenance(true).catch(() => 0);
  await quotaEvent.setValue({ at, count: (before?.count ?? 0) + 1, freedRows, recovered: freedRows > 0 });
  return freedRows > 0;
}

/** Wiring for the background's start: the daily alarm (created once, not pushed back at each start), the quota hook. */
export function watchMaintenance(): void {
  onQuotaExceeded(onFullDisk);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === MAINTENANCE_ALARM) void runMaintenance();
  });
  void browser.alarms.get(MAINTENANCE_ALARM).then((existing) => {
    if (!existing)
      return browser.alarms.create(MAINTENANCE_ALARM, {
        delayInMinutes: 5,
        periodInMinutes: DAY_MS / 60_000,
      });
  });
}
