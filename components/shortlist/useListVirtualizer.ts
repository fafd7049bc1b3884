import { elementScroll, observeElementOffset, observeElementRect, Virtualizer } from '@tanstack/virtual-core';
import type { RefObject } from 'preact';
import { useLayoutEffect, useReducer, useRef, useState } from 'preact/hooks';
import { keepInRange, measureFromObserver } from '../virtual/shared-options';

/**
 * A list virtualised inside its own scrolling box (the popup is a small fixed window: the list scrolls, the
 * toolbar above it stays), through @tanstack/virtual-core used directly as the side panel's window-scrolled
 * list does (entrypoints/sidepanel/results/useWindowVirtualizer.ts): rows measured by ResizeObserver as they
 * render, `keep` always rendered so the row holding the keyboard focus is never unmounted, and the box's size
 * given up front so the first render already holds the rows in view.
 */
export function useListVirtualizer(opts: {
  count: number;
  estimateSize: (index: number) => number;
  getItemKey: (index: number) => string;
  overscan: number;
  keep: number | null;
  /** The scrolling box. */
  scrollRef: RefObject<HTMLElement | null>;
  /** The box's height before it is laid out (its CSS max-height). */
  initialHeight: number;
}) {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const keep = useRef(opts.keep);
  keep.current = opts.keep;
  const options = {
    count: opts.count,
    estimateSize: opts.estimateSize,
    getItemKey: opts.getItemKey,
    overscan: opts.overscan,
    getScrollElement: () => opts.scrollRef.current,
    observeElementRect,
    observeElementOffset,
    scrollToFn: elementScroll,
    measureElement: measureFromObserver<HTMLElement>(opts.estimateSize),
    initialRect: { width: 0, height: opts.initialHeight },
    rangeExtractor: keepInRange(keep),
    onChange: () => rerender(0),
  };
  const [instance] = useState(() => new Virtualizer<HTMLElement, HTMLElement>(options));
  instance.setOptions(options);
  useLayoutEffect(() => instance._didMount(), []);
  useLayoutEffect(() => instance._willUpdate());
  return instance;
}
