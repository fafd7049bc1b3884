import { browser } from 'wxt/browser';
import { db } from '../../storage/db';
import { settleInbox, whenInboxAppended } from '../../storage/price-inbox';
import { withQuotaGuard } from '../../storage/quota';
import { MAINTENANCE_ALARM } from './maintenance';

/**
 * How soon after a recording the price inbox is settled into the history (storage/price-inbox.ts). Not at once:
 * a search's pages, a harvest and twenty tabs' sightings come in bursts, and one settle takes a burst's rows
 * together. Readers see waiting observations as settling will make them, so nothing waits on this but storage.
 */
const SETTLE_AFTER_MS = 1_000;

let scheduled = false;
let running = false;
/** An append came while a settle ran: its row may have missed that settle's last read. */
let again = false;

function schedule(): void {
  if (running) again = true;
  else if (!scheduled) {
    scheduled = true;
    setTimeout(run, SETTLE_AFTER_MS);
  }
}

async function run(): Promise<void> {
  scheduled = false;
  running = true;
  again = false;
  try {
    // A full disk runs retention early (maintenance.ts) and tries once more; otherwise the rows wait for the next
    // settle, read as they will be.
    await withQuotaGuard(() =>
      // An extension API call between transactions keeps the worker awake through a long settle (IndexedDB work
      // alone does not count as activity).
      settleInbox(db(), () => browser.alarms.get(MAINTENANCE_ALARM).catch(() => undefined)),
    );
  } catch (error) {
    console.warn('SourceLens: price observations wait to be settled', error);
  } finally {
    running = false;
    if (again) schedule();
  }
}

/** Wiring for the background's start: settle after every recording, and whatever a stopped worker left. */
export function watchInbox(): void {
  whenInboxAppended(schedule);
  schedule();
}
