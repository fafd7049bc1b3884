import {
  defaultRangeExtractor,
  elementScroll,
  observeElementOffset,
  observeElementRect,
  type Range,
  Virtualizer,
} from '@tanstack/virtual-core';
import type { RefObject } from 'preact';
import { useLayoutEffect, useReducer, useRef, useState } from 'preact/hooks';

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
    measureElement: (
      el: HTMLElement,
      entry: ResizeObserverEntry | undefined,
      v: Virtualizer<HTMLElement, HTMLElement>,
    ) => {
      // The ResizeObserver's size, never a layout forced while rows mount.
      const box = entry?.borderBoxSize?.[0];
      if (box) return Math.round(box.blockSize);
      const index = v.indexFromElement(el);
      return v.itemSizeCache.get(v.options.getItemKey(index)) ?? opts.estimateSize(index);
    },
    initialRect: { width: 0, height: opts.initialHeight },
    rangeExtractor: (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      const k = keep.current;
      if (k === null || k >= range.count || indexes.includes(k)) return indexes;
      return [...indexes, k].sort((a, b) => a - b);
    },
    onChange: () => rerender(0),
  };
  const [instance] = useState(() => new Virtualizer<HTMLElement, HTMLElement>(options));
  instance.setOptions(options);
  useLayoutEffect(() => instance._didMount(), []);
  useLayoutEffect(() => instance._willUpdate());
  return instance;
}
