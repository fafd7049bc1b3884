import { type AlertReason, decideAlert } from '../../../core/alerts/decide';
import { priceAtQuantity } from '../../../core/alerts/price-at';
import { isSourceId, type SourceId, sourceById } from '../../../core/sources/index';
import type { OfferReply } from '../../../messaging/search';
import type { SourceLensDb } from '../../../storage/db';
import {
  alertMemory,
  type RefreshPause,
  type RefreshRun,
  readAlertSettings,
  refreshState,
} from '../../../storage/settings/alerts';
import { marginSettings } from '../../../storage/settings/margin';
import { isSourceDisabled } from '../../../storage/settings/sources';
import type { ShortlistEntry } from '../../../storage/types';

/** Offer pages read at most per run: a run is short, and a long shortlist is done over several. */
export const REFRESH_BATCH = 20;

/** One alert to raise: what the buyer sees in the notification. */
export interface PriceAlert {
  offerKey: string;
  title: string;
  /** The offer's page (http(s)), opened when the notification is clicked. */
  url: string;
  reason: AlertReason;
  fromMinor: number;
  priceMinor: number;
  targetMinor: number | null;
  currency: string;
  quantity: number;
}

export interface RefreshDeps {
  database: SourceLensDb;
  /**
   * Reads one offer's page: in the extension, the side panel's own path (sources/offer-reader.ts: the source's
   * politeness slots, deadline, helper tab and wall recognition), recording the price as a refresh.
   */
  read(source: SourceId, offerId: string): Promise<OfferReply>;
  raise(alert: PriceAlert): Promise<void>;
  now(): number;
  /** Offer pages read at most in this run (REFRESH_BATCH). */
  limit?: number;
}

/** `source:offerId` back into its parts, or null for a key of no registered source. */
function splitKey(key: string): { source: SourceId; offerId: string } | null {
  const at = key.indexOf(':');
  const source = key.slice(0, at);
  const offerId = key.slice(at + 1);
  return at > 0 && isSourceId(source) && offerId ? { source, offerId } : null;
}

/** Why a wall reply pauses the run, and where the person clears it. */
function pauseFor(source: SourceId, reply: OfferReply, at: number): RefreshPause | null {
  switch (reply.state) {
    case 'needs-verification':
    case 'needs-login':
      return { source, state: reply.state, url: reply.url, at };
    case 'throttled':
      return { source, state: 'throttled', url: null, at };
    default:
      return null;
  }
}

/**
 * One run of the scheduled refresh: reads the next kept offers' pages (after the last one done, in shortlist
 * order), records their prices and raises an alert where one is due. It stops at the first wall a source puts
 * up — the whole run, since every source shares the person's session and patience — and says so; the next run
 * starts from the offer it stopped at. Offers of sources the person turned off, rejected offers and offers of
 * sources without offer pages are passed over. Progress is saved after each offer, so a service worker stopped
 * mid-run loses at most one read.
 */
export async function runRefresh(deps: RefreshDeps): Promise<RefreshRun> {
  const { database } = deps;
  const limit = deps.limit ?? REFRESH_BATCH;
  const settings = await readAlertSettings();
  const defaultQuantity = (await marginSettings.getValue()).quantity;
  const state = await refreshState.getValue();
  const startedAt = deps.now();
  let cursorId = state.cycleStartedAt === null ? 0 : state.cursorId;
  const cycleStartedAt = state.cycleStartedAt ?? startedAt;
  const run: RefreshRun = { at: startedAt, outcome: 'done', checked: 0, failed: 0, alerts: 0 };
  const save = (patch: Partial<typeof state>) =>
    refreshState.setValue({ ...state, cycleStartedAt, cursorId, paused: null, lastRun: run, ...patch });

  const skipped = new Map<SourceId, boolean>();
  const sourceOff = async (source: SourceId) => {
    if (!skipped.has(source))
      skipped.set(
        source,
        (await isSourceDisabled(source)) || sourceById(source)?.supports.offerPages !== true,
      );
    return skipped.get(source) === true;
  };

  let reads = 0;
  let sawAny = state.cycleStartedAt !== null;
  for (;;) {
    const entry: ShortlistEntry | undefined = await database.shortlist.where(':id').above(cursorId).first();
    if (entry?.id === undefined) break;
    sawAny = true;
    const parts = splitKey(entry.offerKey);
    if (!parts || entry.status === 'rejected' || (await sourceOff(parts.source))) {
      cursorId = entry.id;
      continue;
    }
    if (reads >= limit) {
      run.outcome = 'more';
      await save({});
      return run;
    }
    reads += 1;
    const quantity = entry.quantity ?? defaultQuantity;
    const before = await database.offers.get(entry.offerKey);
    const reply = await deps.read(parts.source, parts.offerId);
    const pause = pauseFor(parts.source, reply, deps.now());
    if (pause) {
      // Not moved past: the next run starts with this offer, once the person has passed the check.
      run.outcome = 'paused';
      await save({ paused: pause });
      return run;
    }
    if (reply.state === 'ok') {
      run.checked += 1;
      const price = priceAtQuantity(reply.offer, quantity);
      if (settings.alertsOn && price !== null) {
        const memories = await alertMemory.getValue();
        const decision = decideAlert({
          priceMinor: price,
          currency: reply.offer.currency,
          targetMinor: entry.targetPriceMinor ?? null,
          memory: memories[entry.offerKey] ?? null,
          previousMinor:
            before && before.currency === reply.offer.currency ? priceAtQuantity(before, quantity) : null,
        });
        if (decision.reason) {
          run.alerts += 1;
          await deps.raise({
            offerKey: entry.offerKey,
            title: reply.offer.title,
            url: reply.offer.url,
            reason: decision.reason,
            fromMinor: decision.fromMinor,
            priceMinor: price,
            targetMinor: entry.targetPriceMinor ?? null,
            currency: reply.offer.currency,
            quantity,
          });
        }
        await alertMemory.setValue({ ...memories, [entry.offerKey]: decision.memory });
      }
    } else {
      run.failed += 1;
    }
    cursorId = entry.id;
    await save({});
  }
  // The pass over the shortlist is complete: the next scheduled run starts a new one from the top.
  run.outcome = sawAny ? 'done' : 'nothing';
  cursorId = 0;
  await refreshState.setValue({ cycleStartedAt: null, cursorId: 0, paused: null, lastRun: run });
  await forgetDropped(database);
  return run;
}

/** Alert memory of offers no longer kept is dropped at the end of each pass (keeping one again starts afresh). */
async function forgetDropped(database: SourceLensDb): Promise<void> {
  const memories = await alertMemory.getValue();
  const keys = Object.keys(memories);
  if (keys.length === 0) return;
  const kept = new Set(
    (await database.shortlist.where('offerKey').anyOf(keys).toArray()).map((e) => e.offerKey),
  );
  const next = Object.fromEntries(Object.entries(memories).filter(([k]) => kept.has(k)));
  if (Object.keys(next).length !== keys.length) await alertMemory.setValue(next);
}
