import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';
import type { SourceId } from '../../core/sources/index';

/** Wholesale sources: politeness and caching. The defaults follow what keeps real clients unblocked. */
export interface SourceSettings {
  /** Minimum gap between two requests to one source host, before jitter. */
  minIntervalMs: number;
  /** Up to this much random extra gap. */
  jitterMs: number;
  /** How long a search answer is served from the cache before it is refreshed. */
  cacheHours: number;
  /** After a "slow down" answer, wait a random time in this range before asking that host again. */
  throttleBackoffMs: [number, number];
  /** After a check (slider, risk answer) or a login wall, leave the host alone this long unless the person acts. */
  wallPauseMs: number;
  /**
   * How long one request to a source may go unanswered (counted from when it is sent, after its politeness
   * slot) before it is given up as "timed out" and the source is free for the next call.
   */
  deadlineMs: number;
}

export const SOURCE_DEFAULTS: SourceSettings = Object.freeze({
  minIntervalMs: 3000,
  jitterMs: 3000,
  cacheHours: 24,
  throttleBackoffMs: [60_000, 90_000] as [number, number],
  wallPauseMs: 600_000,
  deadlineMs: 20_000,
});

export const sourceSettings = storage.defineItem<SourceSettings>('sync:sourceSettings', {
  fallback: SOURCE_DEFAULTS,
  version: 3,
  // Version 2 added the back-off limits, version 3 the request deadline: keep what the person set, the rest
  // from the defaults.
  migrations: {
    2: (old: Partial<SourceSettings>) => withSourceDefaults(old),
    3: (old: Partial<SourceSettings>) => withSourceDefaults(old),
  },
});

/**
 * A number setting read from storage, which is not trusted: `storage.sync` is writable by content scripts and
 * by other devices' versions, and a negative or NaN interval would turn request spacing off. A finite,
 * non-negative number is clamped to [min, max]; anything else (missing, NaN, negative, text) is the default.
 */
const bounded = (min: number, max: number, fallback: number) =>
  v.pipe(
    v.unknown(),
    v.transform((x) =>
      typeof x === 'number' && Number.isFinite(x) && x >= 0 ? Math.min(max, Math.max(min, x)) : fallback,
    ),
  );

/**
 * Safe ranges. The options offer narrower ones (spacing ≥ 3 s); these floors only keep a value written by hand
 * or by a test (spacing of 0.25 s, a 1 s deadline) from turning a protection off.
 */
const FIELDS = {
  minIntervalMs: bounded(250, 60_000, SOURCE_DEFAULTS.minIntervalMs),
  jitterMs: bounded(0, 60_000, SOURCE_DEFAULTS.jitterMs),
  cacheHours: bounded(0, 720, SOURCE_DEFAULTS.cacheHours),
  backoffLow: bounded(10_000, 3_600_000, SOURCE_DEFAULTS.throttleBackoffMs[0]),
  backoffHigh: bounded(10_000, 3_600_000, SOURCE_DEFAULTS.throttleBackoffMs[1]),
  wallPauseMs: bounded(10_000, 24 * 3_600_000, SOURCE_DEFAULTS.wallPauseMs),
  deadlineMs: bounded(1_000, 120_000, SOURCE_DEFAULTS.deadlineMs),
};

/**
 * Every field present and within its safe range (validated on read): a value written by an older version may
 * lack the newer ones, and a stored value is not trusted.
 */
export function withSourceDefaults(value: Partial<SourceSettings> | null | undefined): SourceSettings {
  const raw: Record<string, unknown> = value && typeof value === 'object' ? value : {};
  const pair = Array.isArray(raw.throttleBackoffMs) ? (raw.throttleBackoffMs as unknown[]) : [];
  const low = v.parse(FIELDS.backoffLow, pair[0]);
  const high = v.parse(FIELDS.backoffHigh, pair[1]);
  return {
    minIntervalMs: v.parse(FIELDS.minIntervalMs, raw.minIntervalMs),
    jitterMs: v.parse(FIELDS.jitterMs, raw.jitterMs),
    cacheHours: v.parse(FIELDS.cacheHours, raw.cacheHours),
    throttleBackoffMs: [Math.min(low, high), Math.max(low, high)],
    wallPauseMs: v.parse(FIELDS.wallPauseMs, raw.wallPauseMs),
    deadlineMs: v.parse(FIELDS.deadlineMs, raw.deadlineMs),
  };
}

/** The source limits, every field present. */
export async function readSourceSettings(): Promise<SourceSettings> {
  return withSourceDefaults(await sourceSettings.getValue());
}

/**
 * The wholesale sources the person turned off in the options: the side panel does not offer them, and the
 * background refuses to search, suggest or read offer pages on them. A new item, so no migration: a profile
 * without it has every source on. Only ids, so the registry's code stays out of whoever reads this.
 */
export const disabledSources = storage.defineItem<SourceId[]>('sync:disabledSources', {
  fallback: [],
  version: 1,
});

/** The ids in a stored value; anything else (a value written by hand) turns nothing off. */
export function withDisabledDefaults(value: readonly unknown[] | null | undefined): SourceId[] {
  return Array.isArray(value) ? value.filter((id): id is SourceId => typeof id === 'string') : [];
}

/** Whether the person turned this source off. */
export async function isSourceDisabled(id: SourceId): Promise<boolean> {
  return withDisabledDefaults(await disabledSources.getValue()).includes(id);
}

/**
 * Send 1688 searches straight from the service worker, before the gateway tab is tried. Off by default: it
 * needs the optional `cookies` permission (to read the signing token) and is untested against the real site.
 */
export const directRequests = storage.defineItem<boolean>('sync:directRequests', {
  fallback: false,
  version: 1,
});
/** The optional permission direct requests need: reading the `_m_h5_tk` signing cookie from the jar. */
export const DIRECT_PERMISSION: { permissions: 'cookies'[] } = { permissions: ['cookies'] };
