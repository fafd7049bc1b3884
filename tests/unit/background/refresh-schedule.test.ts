import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { REFRESH_ALARM } from '../../../entrypoints/background/refresh/alarm-names';
import { scheduleRefresh } from '../../../entrypoints/background/refresh/schedule';
import { alertSettings } from '../../../storage/settings/alerts';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the scheduled refresh alarm', () => {
  it('repeats daily by default, under its own `refresh:` name', async () => {
    await scheduleRefresh();
    const alarm = await fakeBrowser.alarms.get(REFRESH_ALARM);
    expect(REFRESH_ALARM.startsWith('refresh:')).toBe(true);
    expect(alarm?.periodInMinutes).toBe(24 * 60);
  });

  it('is left alone at the same interval (a service-worker start does not push the next run back)', async () => {
    await scheduleRefresh();
    const first = await fakeBrowser.alarms.get(REFRESH_ALARM);
    await new Promise((r) => setTimeout(r, 5));
    await scheduleRefresh();
    expect((await fakeBrowser.alarms.get(REFRESH_ALARM))?.scheduledTime).toBe(first?.scheduledTime);
  });

  it('follows the setting: another interval re-creates it, "off" clears it', async () => {
    await scheduleRefresh();
    await alertSettings.setValue({ alertsOn: false, refreshHours: 6 });
    await scheduleRefresh();
    expect((await fakeBrowser.alarms.get(REFRESH_ALARM))?.periodInMinutes).toBe(360);
    await alertSettings.setValue({ alertsOn: false, refreshHours: 0 });
    await scheduleRefresh();
    expect(await fakeBrowser.alarms.get(REFRESH_ALARM)).toBeUndefined();
    // A value the options never offer falls back to daily.
    await alertSettings.setValue({ alertsOn: false, refreshHours: 5 });
    await scheduleRefresh();
    expect((await fakeBrowser.alarms.get(REFRESH_ALARM))?.periodInMinutes).toBe(24 * 60);
  });
});
