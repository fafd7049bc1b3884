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

/** Every field present: a value written by an older version may lack the newer ones. */
export function withSourceDefaults(value: Partial<SourceSettings> | null | undefined): SourceSettings {
  return { ...SOURCE_DEFAULTS, ...value };
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
