import { storage } from 'wxt/utils/storage';
import type { InquiryTemplateEdits } from '../core/inquiry/templates';
import { DEFAULT_RATES, type ExchangeRates } from '../core/match/margin';
import type { SourceId } from '../core/sources/index';

/**
 * Small settings, as WXT storage items (sync area: they follow the user's browser profile; nothing here is
 * personal data). Every item has a fallback so a fresh install works without an options visit.
 */
export const spotterEnabled = storage.defineItem<boolean>('sync:spotterEnabled', {
  fallback: true,
  version: 1,
});

/** Show a mark on the toolbar button when the current tab shows a product. */
export const badgeEnabled = storage.defineItem<boolean>('sync:badgeEnabled', { fallback: true, version: 1 });

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

/** What the buyer plans: quantity, costs and the exchange rates margins are computed with. */
export interface MarginSettings {
  quantity: number;
  /** Shipping per unit to the buyer's door, fen. */
  shippingPerUnitMinor: number;
  /** Marketplace fee, percent of the retail price. */
  platformFeePct: number;
  /** CNY per unit of each currency, with the date they are from (defaults are shown with theirs). */
  rates: ExchangeRates;
}

export const marginSettings = storage.defineItem<MarginSettings>('sync:marginSettings', {
  fallback: { quantity: 50, shippingPerUnitMinor: 0, platformFeePct: 5, rates: DEFAULT_RATES },
  version: 1,
});

/**
 * The "Find source" button SourceLens puts over a product's main picture on shop pages (and over large pictures
 * of social posts): on everywhere, except on the sites (hosts, as `location.hostname` gives them) listed here.
 * A new item, so no migration: a profile without it gets the fallback.
 */
export interface InPageButtonSettings {
  enabled: boolean;
  offSites: string[];
}

export const inPageButton = storage.defineItem<InPageButtonSettings>('sync:inPageButton', {
  fallback: { enabled: true, offSites: [] },
  version: 1,
});

/** Every field present (a value written by hand or by a later version may lack one). */
export function withInPageButtonDefaults(
  value: Partial<InPageButtonSettings> | null | undefined,
): InPageButtonSettings {
  return {
    enabled: value?.enabled !== false,
    offSites: Array.isArray(value?.offSites) ? value.offSites : [],
  };
}

/** Whether the button shows on a page of `host`. */
export function inPageButtonShows(value: Partial<InPageButtonSettings> | null, host: string): boolean {
  const settings = withInPageButtonDefaults(value);
  return settings.enabled && !settings.offSites.includes(host.toLowerCase());
}

/** The host a person means by a site they type ("Shop.example.com/x", "https://shop.example.com"), or null. */
export function siteHost(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
    const host = url.hostname.toLowerCase().replace(/\.$/, '');
    return /^[a-z0-9.-]+$/.test(host) && host.includes('.') ? host : null;
  } catch {
    return null;
  }
}

/**
 * The person's edits of the messages to suppliers: per template set (zh, gloss, en) only the parts they changed,
 * merged over the defaults with `resolveTemplates` (core/inquiry/templates.ts), which ignores anything malformed.
 * Kept in `local`, not `sync`: sync holds at most 8 KB per item, less than three sets of edited Chinese text.
 */
export const inquiryTemplates = storage.defineItem<InquiryTemplateEdits>('local:inquiryTemplates', {
  fallback: {},
  version: 1,
});
