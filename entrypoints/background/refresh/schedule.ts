import { browser } from 'wxt/browser';
import type { SourceId } from '../../../core/sources/index';
import { db } from '../../../storage/db';
import {
  alertSettings,
  readAlertSettings,
  refreshState,
  withAlertDefaults,
} from '../../../storage/settings/alerts';
import { readOffer } from '../sources/offer-reader';
import { CONTINUE_ALARM, REFRESH_ALARM } from './alarm-names';
import { alertsSeen, raiseAlert, restoreAlertCount, watchAlertClicks } from './notify';
import { runRefresh } from './runner';

/** Between the batches of one pass: enough for the politeness slots to space them, short enough to finish. */
const CONTINUE_AFTER_MIN = 1;

let running: Promise<void> | null = null;

/** One run now, unless one is running (then that one is waited for instead: two runs would read twice). */
export function runScheduledRefresh(): Promise<void> {
  running ??= (async () => {
    try {
      const run = await runRefresh({
        database: db(),
        read: (source: SourceId, offerId: string) => readOffer(source, offerId, 'refresh'),
        raise: raiseAlert,
        now: Date.now,
      });
      if (run.outcome === 'more')
        await browser.alarms.create(CONTINUE_ALARM, { delayInMinutes: CONTINUE_AFTER_MIN });
    } catch {
      // Shown in the options as the last run's outcome; the next alarm tries again from where this one was.
      const state = await refreshState.getValue();
      await refreshState.setValue({
        ...state,
        lastRun: { at: Date.now(), outcome: 'error', checked: 0, failed: 0, alerts: 0 },
      });
    } finally {
      running = null;
      await scheduleRefresh();
    }
  })();
  return running;
}

/**
 * The repeating alarm as the settings ask: created when missing or at another interval, left alone otherwise
 * (re-creating it at every service-worker start would push the next run back each time), cleared for "off".
 */
export async function scheduleRefresh(): Promise<void> {
  const { refreshHours } = await readAlertSettings();
  const existing = await browser.alarms.get(REFRESH_ALARM);
  if (refreshHours === 0) {
    if (existing) await browser.alarms.clear(REFRESH_ALARM);
    return;
  }
  const minutes = refreshHours * 60;
  if (existing?.periodInMinutes === minutes) return;
  await browser.alarms.create(REFRESH_ALARM, { delayInMinutes: minutes, periodInMinutes: minutes });
}

/** Wiring for the background's start: the alarm listener, the schedule, alert clicks and the toolbar count. */
export function watchRefresh(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM || alarm.name === CONTINUE_ALARM) void runScheduledRefresh();
  });
  alertSettings.watch((value) => {
    void scheduleRefresh();
    // Alerts turned off: a count the person no longer asked for goes too.
    if (!withAlertDefaults(value).alertsOn) void alertsSeen();
  });
  void scheduleRefresh();
  watchAlertClicks();
  void restoreAlertCount();
}
