/**
 * Issue 13, "Settings are trusted when read": storage.sync is writable by content scripts and other devices;
 * a stored negative or NaN interval must not turn request spacing off.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readSourceSettings, SOURCE_DEFAULTS } from '../../../storage/settings/sources';

beforeEach(() => {
  fakeBrowser.reset();
  vi.resetModules();
});

describe('source settings are validated on read', () => {
  it('stored {minIntervalMs: -1, jitterMs: NaN} still spaces requests ≥ 3 s', async () => {
    await fakeBrowser.storage.sync.set({ sourceSettings: { minIntervalMs: -1, jitterMs: Number.NaN } });
    const { polite } = await import('../../../entrypoints/background/sources/polite');
    const p = await polite();
    let last = p.reserve('h5api.m.1688.com');
    for (let i = 0; i < 20; i++) {
      const next = p.reserve('h5api.m.1688.com');
      expect(next - last).toBeGreaterThanOrEqual(3000);
      expect(Number.isFinite(next)).toBe(true);
      last = next;
    }
  });

  it('every field is clamped to its safe range or falls back to its default', async () => {
    await fakeBrowser.storage.sync.set({
      sourceSettings: {
        minIntervalMs: 10,
        jitterMs: 1e12,
        cacheHours: 'forever',
        throttleBackoffMs: [-5, 'x'],
        wallPauseMs: Number.POSITIVE_INFINITY,
        deadlineMs: null,
      },
    });
    expect(await readSourceSettings()).toEqual({
      minIntervalMs: 250,
      jitterMs: 60_000,
      cacheHours: SOURCE_DEFAULTS.cacheHours,
      throttleBackoffMs: SOURCE_DEFAULTS.throttleBackoffMs,
      wallPauseMs: SOURCE_DEFAULTS.wallPauseMs,
      deadlineMs: SOURCE_DEFAULTS.deadlineMs,
    });
    await fakeBrowser.storage.sync.set({ sourceSettings: 'garbage' });
    expect(await readSourceSettings()).toEqual(SOURCE_DEFAULTS);
  });
});
