import { liveQuery } from 'dexie';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

/**
 * A live query subscribed before any component asks for it: a page's first-frame reads, started as its code
 * runs rather than in an effect after its first frame (Preact runs effects only after the next paint, which
 * costs a frame before the read has even begun). It keeps the newest answer; the first component that asks
 * takes over its subscription (`useLiveQuery`'s `started`).
 */
export interface StartedLiveQuery<T> {
  /** The newest answer so far; undefined while the first is pending or after an error. */
  readonly value: T | undefined;
  /** Hands the subscription to `onValue` (once): every later answer goes there; the returned call ends it. */
  take(onValue: (value: T | undefined) => void): (() => void) | null;
}

export function startLiveQuery<T>(query: () => Promise<T> | T): StartedLiveQuery<T> {
  let value: T | undefined;
  let listener: ((value: T | undefined) => void) | null = null;
  let taken = false;
  const subscription = liveQuery(query).subscribe({
    next: (v) => {
      value = v;
      listener?.(v);
    },
    error: () => {
      value = undefined;
      listener?.(undefined);
    },
  });
  return {
    get value() {
      return value;
    },
    take(onValue) {
      if (taken) return null;
      taken = true;
      listener = onValue;
      return () => {
        listener = null;
        subscription.unsubscribe();
      };
    },
  };
}

/**
 * Subscribes a component to a Dexie query; re-renders when the rows it read change (from any extension
 * context). `undefined` while the first answer is pending. `started`: the same query already running (see
 * `startLiveQuery`), whose answer is used from the first render and whose subscription the component keeps
 * while its deps stay as they were at mount; it is taken in a layout effect, so an answer that lands before the
 * first paint is drawn in it.
 */
export function useLiveQuery<T>(
  query: () => Promise<T> | T,
  deps: unknown[],
  started?: StartedLiveQuery<T>,
): T | undefined {
  const [value, setValue] = useState<T | undefined>(() => started?.value);
  const endStarted = useRef<(() => void) | null>(null);
  const firstRun = useRef(true);
  useLayoutEffect(() => {
    const end = started?.take(setValue);
    if (!started || !end) return;
    endStarted.current = end;
    // An answer that came between the first render and now.
    setValue(started.value);
    return () => {
      end();
      endStarted.current = null;
    };
  }, []);
  useEffect(() => {
    const first = firstRun.current;
    firstRun.current = false;
    // The started query answers for the deps the component mounted with; once they change, it asks anew.
    if (first && endStarted.current) return;
    endStarted.current?.();
    endStarted.current = null;
    const subscription = liveQuery(query).subscribe({ next: setValue, error: () => setValue(undefined) });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}
