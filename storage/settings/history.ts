import { storage } from 'wxt/utils/storage';

/**
 * How long stored data keeps its detail (storage/retention.ts applies it daily). Sync area: a preference that
 * follows the profile. A new item, so no migration; a value missing a field gets the default for it.
 */
export interface HistorySettings {
  /** Price points newer than this many days keep every observation; older ones become one daily min/max. */
  detailDays: number;
  /** Picture hashes no search asked for in this many days are dropped (they are recomputed when needed). */
  pictureDays: number;
}

export const HISTORY_DEFAULTS: HistorySettings = { detailDays: 90, pictureDays: 30 };

/** Bounds the options page allows (a week of detail at least: shorter would blur the 30-day sparkline's week). */
export const DETAIL_DAYS_RANGE = [7, 3650] as const;

export const historySettings = storage.defineItem<HistorySettings>('sync:historySettings', {
  fallback: HISTORY_DEFAULTS,
  version: 1,
});

const clampDays = (v: unknown, [lo, hi]: readonly [number, number], fallback: number) =>
  typeof v === 'number' && Number.isFinite(v) ? Math.min(hi, Math.max(lo, Math.round(v))) : fallback;

/** Every field present and in range (a value written by hand or by a later version may lack one). */
export function withHistoryDefaults(value: Partial<HistorySettings> | null | undefined): HistorySettings {
  return {
    detailDays: clampDays(value?.detailDays, DETAIL_DAYS_RANGE, HISTORY_DEFAULTS.detailDays),
    pictureDays: clampDays(value?.pictureDays, [1, 3650], HISTORY_DEFAULTS.pictureDays),
  };
}

/** The last time a write found the disk full, shown in the options (this device only). */
export interface QuotaEvent {
  at: number;
  /** How many times it happened since the person last looked (the options page resets it). */
  count: number;
  /** What retention freed when it ran early for it, and whether the write then went through. */
  freedRows: number;
  recovered: boolean;
}

export const quotaEvent = storage.defineItem<QuotaEvent | null>('local:quotaEvent', { fallback: null });

/** What the last maintenance run did, for the options page. */
export interface MaintenanceReport {
  at: number;
  /** Absent in reports from before price blocks. */
  foldedPoints?: number;
  blocksAdded?: number;
  collapsedPoints: number;
  dailyPoints: number;
  lookups: number;
  pictures: number;
  early: boolean;
}

export const lastMaintenance = storage.defineItem<MaintenanceReport | null>('local:lastMaintenance', {
  fallback: null,
});
