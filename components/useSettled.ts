import { useLayoutEffect, useState } from 'preact/hooks';

/** A promise's outcome: pending, its value, or failed. */
export type Settled<T> = { state: 'pending' } | { state: 'done'; value: T } | { state: 'failed' };

/**
 * The outcome of a promise begun before the component (a page's first read, started as its code loaded). Taken
 * in a layout effect, not an effect: Preact runs effects only after a paint, which would put off an answer that
 * is already here by a frame.
 */
export function useSettled<T>(promise: Promise<T>): Settled<T> {
  const [settled, setSettled] = useState<Settled<T>>({ state: 'pending' });
  useLayoutEffect(() => {
    let live = true;
    promise.then(
      (value) => live && setSettled({ state: 'done', value }),
      () => live && setSettled({ state: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [promise]);
  return settled;
}
