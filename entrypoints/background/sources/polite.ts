import { Politeness, type PolitenessLimits } from '../../../core/sources/politeness';
import { type Transport, TransportError } from '../../../core/sources/provider';
import { readSourceSettings, type SourceSettings, sourceSettings } from '../../../storage/settings/sources';
import { sleep, untilAborted } from './abortable';
import { politenessState } from './politeness-state';

/**
 * The one politeness policy of the background: every request any feature sends to a source host (searches,
 * suggestions, offer pages) takes its slot here, so they space out together. Its per-host state (slots, and
 * the back-off after a wall) lives in session storage as well, so neither a settings change nor a service-worker
 * restart ends a pause the source asked for.
 */
let politeness: Promise<Politeness> | null = null;
/** Writes of the state, in order (each holds the whole state, so the last one written wins). */
let saving: Promise<void> = Promise.resolve();

const limitsOf = (s: SourceSettings): PolitenessLimits => ({
  minIntervalMs: s.minIntervalMs,
  jitterMs: s.jitterMs,
  throttleBackoffMs: s.throttleBackoffMs,
  verificationPauseMs: s.wallPauseMs,
  loginPauseMs: s.wallPauseMs,
});

async function create(): Promise<Politeness> {
  const p = new Politeness({
    ...limitsOf(await readSourceSettings()),
    onChange: (snapshot) => {
      saving = saving.then(() => politenessState.setValue(snapshot)).catch(() => {});
    },
  });
  p.restore(await politenessState.getValue());
  return p;
}

export function polite(): Promise<Politeness> {
  politeness ??= create();
  return politeness;
}

/** Called from the background's main(): new limits from the options page apply to the policy in force. */
export function watchSourceSettings(): void {
  sourceSettings.watch(async () => {
    (await polite()).configure(limitsOf(await readSourceSettings()));
  });
}

/** Resolves once every state change so far is in session storage (tests; a restart loses nothing written). */
export const politenessSaved = (): Promise<void> => saving;

/**
 * `transport` as every feature sends through it: each request waits for its slot on `host` first (token
 * retries included), then has `deadlineMs` to be answered — counted from when it is sent, so a slot wait does not
 * eat into it. At the deadline the request's signal fires (transports stop what they can) and it fails as a
 * `timeout`, which frees the host for the next call. The caller's own signal cancels both waits.
 */
export function politeTransport(
  p: Politeness,
  host: string,
  transport: Transport,
  deadlineMs: number,
): Transport {
  return {
    async request(request, signal) {
      const start = p.reserve(host);
      if (start > Date.now()) await sleep(start - Date.now(), signal);
      const deadline = AbortSignal.timeout(deadlineMs);
      const either = signal ? AbortSignal.any([signal, deadline]) : deadline;
      try {
        return await untilAborted(transport.request(request, either), either);
      } catch (err) {
        if (deadline.aborted && !signal?.aborted)
          throw new TransportError('timeout', `no answer within ${Math.round(deadlineMs / 1000)} s`);
        throw err;
      }
    },
  };
}

/** The call in flight per host (see `exclusive`). */
const inFlight = new Map<string, Promise<unknown>>();

/**
 * Runs `fn` when no other call to `host` is in flight, then lets the next one go. A call reads the signing
 * token, waits for its slot and sends: were two calls interleaved, one answer's new token cookie would reach
 * the other's request signed with the old one (an "illegal access" answer, taken for a wall).
 */
export function exclusive<T>(host: string, fn: () => Promise<T>): Promise<T> {
  const before = inFlight.get(host) ?? Promise.resolve();
  const run = async (): Promise<T> => {
    try {
      return await fn();
    } finally {
      // The host is free the moment the last queued call ends (runs later, once `tail` is set).
      if (inFlight.get(host) === tail) inFlight.delete(host);
    }
  };
  const mine = before.then(run, run);
  const tail = mine.catch(() => undefined);
  inFlight.set(host, tail);
  return mine;
}

/** Whether a call to `host` is in flight (suggestions skip rather than queue behind it). */
export const busy = (host: string): boolean => inFlight.has(host);
