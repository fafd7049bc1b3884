import { storage } from 'wxt/utils/storage';
import type { Unrecognised } from '../core/sources/provider';

/** One kind of answer a source gave that SourceLens did not recognise, counted (see core/sources/drift.ts). */
export interface DriftEntry {
  source: string;
  call: Unrecognised['call'];
  /** The answer's keys and value types, never its values. */
  shape: string;
  reason: string;
  count: number;
  firstAt: number;
  lastAt: number;
}

/** Kinds kept: the newest first; a long-changed site is one entry counted up, not a flood. */
const MAX_ENTRIES = 30;

/**
 * The local log of unrecognised answers the options page shows, so a person can see that (and since when) a
 * source changed, and report it. In `storage.local`: it stays on this device and holds no values.
 */
export const driftLog = storage.defineItem<DriftEntry[]>('local:driftLog', { fallback: [] });

export async function recordDrift(source: string, u: Unrecognised, at: number): Promise<void> {
  const entries = await driftLog.getValue();
  const same = entries.find((e) => e.source === source && e.call === u.call && e.shape === u.shape);
  const entry: DriftEntry = same
    ? { ...same, count: same.count + 1, lastAt: at, reason: u.reason }
    : { source, call: u.call, shape: u.shape, reason: u.reason, count: 1, firstAt: at, lastAt: at };
  await driftLog.setValue([entry, ...entries.filter((e) => e !== same)].slice(0, MAX_ENTRIES));
}
