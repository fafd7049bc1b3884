import { Dexie } from 'dexie';

/**
 * What a write does when the browser says the disk quota is used up: instead of dropping the newest data (the
 * sighting or offers just seen), it asks the registered handler to make room — the background records the event
 * for the options page and runs retention early (entrypoints/background/maintenance.ts) — and writes once more.
 * Plain TypeScript: the handler is injected, so storage code stays testable in Node.
 */
export type QuotaHandler = (error: unknown) => Promise<boolean>;

let handler: QuotaHandler | null = null;
let running: Promise<boolean> | null = null;

/** Registers what to do on a quota error (true = room was made, try again). Null removes it. */
export function onQuotaExceeded(next: QuotaHandler | null): void {
  handler = next;
}

/** Whether an error (or the error inside a Dexie abort or bulk failure) is the browser's quota error. */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (e.name === 'QuotaExceededError') return true;
  if (isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1)) return true;
  return Array.isArray(e.failures) && e.failures.some((f) => isQuotaError(f, depth + 1));
}

/**
 * Runs a write; on a quota error (outside any enclosing transaction — the outermost write retries) lets the
 * handler make room once and runs the write again. Concurrent writes that hit the quota share one clean-up.
 */
export async function withQuotaGuard<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isQuotaError(error) || !handler || Dexie.currentTransaction) throw error;
    running ??= handler(error).finally(() => {
      running = null;
    });
    if (!(await running)) throw error;
    return write();
  }
}
