import { useEffect, useState } from 'preact/hooks';

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
 * every render. `initial`: the value already read (a read started as the page loaded), used from the first
 * render; the hook still reads and watches, and keeps that very value (no re-render) when the read matches it.
 */
export function useStorageItem<T>(
  item: WatchableItem<T>,
  normalise: (value: T) => T = asIs,
  initial?: T,
): T | undefined {
  const [value, setValue] = useState<T | undefined>(() =>
    initial === undefined ? undefined : normalise(initial),
  );
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
