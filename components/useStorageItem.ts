import { useEffect, useLayoutEffect, useState } from 'preact/hooks';

/** What the hook needs of a WXT storage item (`storage.defineItem`). */
export interface WatchableItem<T> {
  getValue(): Promise<T>;
  watch(onChange: (value: T) => void): () => void;
}

const asIs = <T>(value: T): T => value;

/** Whether two plain stored values are the same (settings are small JSON values). */
const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * The value of a WXT storage item, kept current when any extension context changes it; `undefined` until the
 * first read answers. `normalise` shapes every value read or seen changing (e.g. fills the fields an older
 * version of the value lacks); pass a function declared once (module level), or the item is watched anew on
 * every render. `initial`: the value already read, used from the first render, or the read started as the page
 * loaded, taken when it answers (in a layout effect, so before the effect's own read, which waits for a paint);
 * the hook still reads and watches, and keeps that very value (no re-render) when the read matches it.
 */
export function useStorageItem<T>(
  item: WatchableItem<T>,
  normalise: (value: T) => T = asIs,
  initial?: T | Promise<T>,
): T | undefined {
  const [value, setValue] = useState<T | undefined>(() =>
    initial === undefined || initial instanceof Promise ? undefined : normalise(initial),
  );
  useLayoutEffect(() => {
    if (!(initial instanceof Promise)) return;
    let active = true;
    initial.then(
      // Anything already here (a change seen, the effect's read) is at least as new.
      (read) => active && setValue((old) => (old === undefined ? normalise(read) : old)),
      () => {},
    );
    return () => {
      active = false;
    };
  }, []);
  useEffect(() => {
    let active = true;
    // A change seen before the first read answers is newer than that answer.
    let changed = false;
    void item.getValue().then((read) => {
      if (!active || changed) return;
      const next = normalise(read);
      setValue((old) => (old !== undefined && same(old, next) ? old : next));
    });
    const unwatch = item.watch((next) => {
      changed = true;
      setValue(normalise(next));
    });
    return () => {
      active = false;
      unwatch();
    };
  }, [item, normalise]);
  return value;
}
