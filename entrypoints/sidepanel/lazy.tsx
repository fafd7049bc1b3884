import type { ComponentType, VNode } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import type { ResultsProps } from './Results';
import { ResultsSkeleton } from './SearchStates';

/**
 * A component whose code is its own chunk, loaded on first use or earlier with `preload()` (boot.ts starts the
 * panel's at once, so it compiles while the panel waits for its data instead of before the first frame). Until it
 * is here, `fallback` holds its place.
 */
function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: (props: P) => VNode | null = () => null,
) {
  let loading: Promise<ComponentType<P>> | null = null;
  let loaded: ComponentType<P> | null = null;
  const preload = () => {
    loading ??= load().then((component) => {
      loaded = component;
      return component;
    });
    return loading;
  };
  function Lazy(props: P) {
    // Boxed: a component is a function, which the state setter would call as an updater.
    const [box, setBox] = useState<{ C: ComponentType<P> } | null>(loaded ? { C: loaded } : null);
    // A layout effect, not an effect: Preact runs effects only after the next frame, which would cost the panel
    // a frame before it even waits for the code.
    useLayoutEffect(() => {
      if (box) return;
      let live = true;
      void preload().then((C) => live && setBox({ C }));
      return () => {
        live = false;
      };
    }, []);
    if (!box) return fallback(props);
    return <box.C {...props} />;
  }
  return Object.assign(Lazy, { preload });
}

/** The results area (ranking, offer cards, the list): the largest part of the panel's code. */
export const LazyResults = lazyComponent<ResultsProps>(
  () => import('./Results').then((m) => m.Results),
  () => <ResultsSkeleton />,
);

/** The prices seen for the product (it reads the database, whose code then stays out of the first frames). */
export const LazyPriceSeen = lazyComponent<{ subjectKey: string; currency: string | null }>(() =>
  import('./PriceSeen').then((m) => m.PriceSeen),
);
