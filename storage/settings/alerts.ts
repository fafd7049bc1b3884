import { storage } from 'wxt/utils/storage';
import type { AlertMemory } from '../../core/alerts/decide';

/**
 * Scheduled refresh of kept offers and price alerts: the person's choices (sync area) and the refresh's own
 * bookkeeping (local area: per device, since each browser runs its own refreshes).
 */

/** The optional permission desktop notifications need; asked only when the person turns alerts on. */
export const NOTIFY_PERMISSION: { permissions: 'notifications'[] } = { permissions: ['notifications'] };

/** Hours between scheduled refreshes the options offer; 0 turns the refresh off. */
export const REFRESH_HOURS = [0, 6, 12, 24, 168] as const;

export interface AlertSettings {
  /** Alerts on (toolbar count, and a notification when the permission was given). Off: refreshes only record. */
  alertsOn: boolean;
  /** Hours between scheduled refreshes (one of REFRESH_HOURS); 0: no scheduled refresh. */
  refreshHours: number;
}

export const ALERT_DEFAULTS: AlertSettings = { alertsOn: false, refreshHours: 24 };

export const alertSettings = storage.defineItem<AlertSettings>('sync:alertSettings', {
  fallback: ALERT_DEFAULTS,
  version: 1,
});

/** Every field present and in range (a value written by hand or by a later version may lack one). */
export function withAlertDefaults(value: Partial<AlertSettings> | null | undefined): AlertSettings {
  const hours = value?.refreshHours;
  return {
    alertsOn: value?.alertsOn === true,
    refreshHours: REFRESH_HOURS.some((h) => h === hours) ? (hours as number) : ALERT_DEFAULTS.refreshHours,
  };
}

export async function readAlertSettings(): Promise<AlertSettings> {
  return withAlertDefaults(await alertSettings.getValue());
}

/** Why a run stopped at a source's wall; the next scheduled run tries again. */
export interface RefreshPause {
  source: string;
  state: 'needs-verification' | 'needs-login' | 'throttled';
  /** Where the person acts (the source's verify or login page), when there is such a page. */
  url: string | null;
  at: number;
}

/** done: the pass is complete; more: a batch is done and the next follows; nothing: no offer is kept. */
export type RefreshOutcome = 'done' | 'more' | 'paused' | 'nothing' | 'error';

export interface RefreshRun {
  at: number;
  outcome: RefreshOutcome;
  /** Offers whose page was read in this run. */
  checked: number;
  /** Offers that could not be read (delisted, unrecognised, errors): skipped until the next cycle. */
  failed: number;
  alerts: number;
}

export interface RefreshState {
  /** When the current pass over the shortlist began; null between passes. */
  cycleStartedAt: number | null;
  /** The shortlist row id last done in the current pass: the next run resumes after it. */
  cursorId: number;
  paused: RefreshPause | null;
  lastRun: RefreshRun | null;
}

export const REFRESH_IDLE: RefreshState = { cycleStartedAt: null, cursorId: 0, paused: null, lastRun: null };

export const refreshState = storage.defineItem<RefreshState>('local:refreshState', {
  fallback: REFRESH_IDLE,
  version: 1,
});

/** Per kept offer (`source:offerId`): what its alerts are measured from (core/alerts/decide.ts). */
export const alertMemory = storage.defineItem<Record<string, AlertMemory>>('local:alertMemory', {
  fallback: {},
  version: 1,
});

/** Kept offers with an alert the person has not looked at yet: their number is the toolbar count. */
export const unseenAlerts = storage.defineItem<string[]>('local:unseenAlerts', { fallback: [], version: 1 });
