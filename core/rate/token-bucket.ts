/**
 * A token bucket per key (a tab, a page): `capacity` actions at once, then one more every `refillMs`. Pure and
 * clocked by the caller, so it is tested without timers. The spotter bounds its own detections with it and
 * the background bounds what one tab may write.
 */
export interface BucketOptions {
  capacity: number;
  refillMs: number;
  /** Keys kept at most; the least recently used are forgotten beyond it (a bound on memory, not on rate). */
  maxKeys?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBuckets<K = string> {
  private readonly buckets = new Map<K, Bucket>();

  constructor(private readonly options: BucketOptions) {}

  /** Takes a token for `key` at `now` (ms); false when the bucket is empty — the action must not happen. */
  take(key: K, now: number): boolean {
    const { capacity, refillMs, maxKeys = 1000 } = this.options;
    const b = this.buckets.get(key) ?? { tokens: capacity, at: now };
    // A clock that went back counts as no time passed (never as extra tokens).
    const elapsed = Math.max(0, now - b.at);
    b.tokens = Math.min(capacity, b.tokens + elapsed / refillMs);
    b.at = Math.max(b.at, now);
    this.buckets.delete(key);
    this.buckets.set(key, b);
    if (this.buckets.size > maxKeys) this.buckets.delete(this.buckets.keys().next().value as K);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  forget(key: K): void {
    this.buckets.delete(key);
  }
}

/** The most actions a bucket allows in `windowMs`: the burst plus what refills meanwhile. */
export function maxActions(options: BucketOptions, windowMs: number): number {
  return options.capacity + Math.floor(windowMs / options.refillMs);
}
