import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readSourceSettings, SOURCE_DEFAULTS, sourceSettings } from '../../../storage/settings/sources';

describe('source limits in settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('a fresh install has every limit, at the defaults that keep real clients unblocked', async () => {
    const s = await readSourceSettings();
    expect(s).toEqual(SOURCE_DEFAULTS);
    expect(s.throttleBackoffMs).toEqual([60_000, 90_000]);
    expect(s.minIntervalMs).toBeGreaterThanOrEqual(3000);
  });

  it('limits saved by version 1 keep their values and gain the back-off limits', async () => {
    // What version 1 wrote: three fields, and its version in the item's metadata.
    await fakeBrowser.storage.sync.set({
      sourceSettings: { minIntervalMs: 5000, jitterMs: 1000, cacheHours: 6 },
      sourceSettings$: { v: 1 },
    });
    // What WXT does when the background starts with the new version.
    await sourceSettings.migrate();
    expect(await sourceSettings.getValue()).toEqual({
      ...SOURCE_DEFAULTS,
      minIntervalMs: 5000,
      jitterMs: 1000,
      cacheHours: 6,
    });
  });

  it('reads every field even from a value written without the newer ones', async () => {
    await fakeBrowser.storage.sync.set({
      sourceSettings: { minIntervalMs: 4000, jitterMs: 0, cacheHours: 1 },
    });
    const s = await readSourceSettings();
    expect(s.wallPauseMs).toBe(SOURCE_DEFAULTS.wallPauseMs);
    expect(s.minIntervalMs).toBe(4000);
  });
});
