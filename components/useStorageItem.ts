import { useEffect, useState } from 'preact/hooks';

/** What the hook needs of a WXT storage item (`storage.defineItem`). */
export interface WatchableItem<T> {
  getValue(): Promise<T>;
  watch(onChange: (value: T) => void): () => void;
}

const asIs = <T>(value: T): T => value;

/**
 * The value of a WXT storage item, kept current when any extension context changes it; `undefined` until the
 * first read answers. `normalise` shapes every value read or seen changing (e.g. fills the fields an older
 * version of the value lacks); pass a function declared once (module level), or the item is watched anew on
 * every render.
 */
export function useStorageItem<T>(item: WatchableItem<T>, normalise: (value: T) => T = asIs): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let active = true;
    // A change seen before the first read answers is newer than that answer.
    let changed = false;
    void item.getValue().then((read) => {
      if (active && !changed) setValue(normalise(read));
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
