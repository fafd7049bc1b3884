/**
 * A pure politeness policy per host: a minimum interval between requests (3 s by default, plus jitter), a
 * 60–90 s back-off after a rate-limit answer, a longer pause (10 min) after a risk / verification answer, and a
 * login wait. It never sleeps itself: callers ask when they may go and report what happened. The clock and the
 * random source are injected, so tests can drive it.
 */
import type { SearchResult } from './provider';

export interface PolitenessOptions {
  /** Minimum gap between two requests to one host. Default 3000 ms. */
  minIntervalMs?: number;
  /** Up to this much random extra gap. Default 3000 ms (so 3–6 s between calls). */
  jitterMs?: number;
  /** Back-off range after a throttled answer. Default [60000, 90000]. */
  throttleBackoffMs?: [number, number];
  /** Pause after a verification / risk answer. Default 600000 (10 min). */
  verificationPauseMs?: number;
  /** Pause after a needs-login answer before trying again on its own. Default 600000. */
  loginPauseMs?: number;
  now?: () => number;
  random?: () => number;
  /**
   * Told the whole per-host state after every change (a slot reserved, a back-off set or lifted), so the caller
   * can keep it where it outlives this object (the background: session storage, across service-worker restarts).
   */
  onChange?: (snapshot: PolitenessSnapshot) => void;
}

/** The limits a Politeness can be given again without losing its per-host state. */
export type PolitenessLimits = Pick<
  PolitenessOptions,
  'minIntervalMs' | 'jitterMs' | 'throttleBackoffMs' | 'verificationPauseMs' | 'loginPauseMs'
>;

export type Outcome = SearchResult['state'] | 'delisted';

/** Per-host state as plain data (structured-clone safe), by lower-case host. */
export type PolitenessSnapshot = Record<string, HostState>;

export interface HostState {
  /** Earliest time the next request may start. */
  nextAt: number;
  /** Set while a back-off is in force (throttle / verification / login). */
  blockedUntil: number;
  blockReason: Outcome | null;
}

const OUTCOMES: readonly (Outcome | null)[] = [
  'ok',
  'needs-verification',
  'needs-login',
  'throttled',
  'error',
  'delisted',
  null,
];

function isHostState(v: unknown): v is HostState {
  if (!v || typeof v !== 'object') return false;
  const s = v as Record<string, unknown>;
  return (
    Number.isFinite(s.nextAt) &&
    Number.isFinite(s.blockedUntil) &&
    OUTCOMES.includes(s.blockReason as Outcome | null)
  );
}

export class Politeness {
  private readonly hosts = new Map<string, HostState>();
  private o: Required<Omit<PolitenessOptions, 'onChange'>>;
  private readonly onChange: ((snapshot: PolitenessSnapshot) => void) | undefined;

  constructor(opts: PolitenessOptions = {}) {
    this.o = {
      minIntervalMs: opts.minIntervalMs ?? 3000,
      jitterMs: opts.jitterMs ?? 3000,
      throttleBackoffMs: opts.throttleBackoffMs ?? [60_000, 90_000],
      verificationPauseMs: opts.verificationPauseMs ?? 600_000,
      loginPauseMs: opts.loginPauseMs ?? 600_000,
      now: opts.now ?? Date.now,
      random: opts.random ?? Math.random,
    };
    this.onChange = opts.onChange;
  }

  /**
   * New limits (the person changed them in the options). Slots already reserved and back-offs in force stay:
   * a pause after a check must not end because a setting changed; the new limits apply from the next report.
   */
  configure(limits: PolitenessLimits): void {
    const o = this.o;
    this.o = {
      ...o,
      minIntervalMs: limits.minIntervalMs ?? o.minIntervalMs,
      jitterMs: limits.jitterMs ?? o.jitterMs,
      throttleBackoffMs: limits.throttleBackoffMs ?? o.throttleBackoffMs,
      verificationPauseMs: limits.verificationPauseMs ?? o.verificationPauseMs,
      loginPauseMs: limits.loginPauseMs ?? o.loginPauseMs,
    };
  }

  /** The per-host state, to keep elsewhere (see `onChange`). */
  snapshot(): PolitenessSnapshot {
    return Object.fromEntries([...this.hosts].map(([host, s]) => [host, { ...s }]));
  }

  /**
   * Takes back a snapshot (after a service-worker restart). Hosts with state already here keep the later of
   * both times; malformed entries are skipped.
   */
  restore(snapshot: unknown): void {
    if (!snapshot || typeof snapshot !== 'object') return;
    for (const [host, saved] of Object.entries(snapshot as Record<string, unknown>)) {
      if (!isHostState(saved)) continue;
      const s = this.state(host);
      s.nextAt = Math.max(s.nextAt, saved.nextAt);
      if (saved.blockedUntil > s.blockedUntil) {
        s.blockedUntil = saved.blockedUntil;
        s.blockReason = saved.blockReason;
      }
    }
  }

  private changed(): void {
    this.onChange?.(this.snapshot());
  }

  private state(host: string): HostState {
    const key = host.toLowerCase();
    let s = this.hosts.get(key);
    if (!s) {
      s = { nextAt: 0, blockedUntil: 0, blockReason: null };
      this.hosts.set(key, s);
    }
    return s;
  }

  /** Milliseconds to wait before a request to `host` may start (0 = now). Does not reserve anything. */
  delayFor(host: string): number {
    const s = this.state(host);
    return Math.max(0, Math.max(s.nextAt, s.blockedUntil) - this.o.now());
  }

  /** The back-off in force for `host`, if any. */
  blocked(host: string): { until: number; reason: Outcome | null } | null {
    const s = this.state(host);
    return s.blockedUntil > this.o.now() ? { until: s.blockedUntil, reason: s.blockReason } : null;
  }

  /**
   * Reserve the next slot for `host` and return the epoch ms at which that request may start. Successive calls
   * space out by the interval, so queued requests never bunch up.
   */
  reserve(host: string): number {
    const s = this.state(host);
    const now = this.o.now();
    const start = Math.max(now, s.nextAt, s.blockedUntil);
    s.nextAt = start + this.gap();
    this.changed();
    return start;
  }

  private gap(): number {
    return this.o.minIntervalMs + Math.floor(this.clampRandom() * this.o.jitterMs);
  }

  private clampRandom(): number {
    const r = this.o.random();
    return Number.isFinite(r) ? Math.min(Math.max(r, 0), 0.999999) : 0;
  }

  /** Report how a request to `host` ended; `retryAfterMs` (from a throttled answer) lengthens the back-off. */
  report(host: string, outcome: Outcome, retryAfterMs?: number): void {
    const s = this.state(host);
    const now = this.o.now();
    let pause = 0;
    if (outcome === 'throttled') {
      const [lo, hi] = this.o.throttleBackoffMs;
      pause = Math.max(lo + Math.floor(this.clampRandom() * Math.max(0, hi - lo)), retryAfterMs ?? 0);
    } else if (outcome === 'needs-verification') {
      pause = this.o.verificationPauseMs;
    } else if (outcome === 'needs-login') {
      pause = this.o.loginPauseMs;
    }
    if (pause > 0) {
      s.blockedUntil = Math.max(s.blockedUntil, now + pause);
      s.blockReason = outcome;
      this.changed();
    }
  }

  /** A person solved the check / logged in: lift the back-off (the interval still applies). */
  clear(host: string): void {
    const s = this.state(host);
    s.blockedUntil = 0;
    s.blockReason = null;
    this.changed();
  }
}
