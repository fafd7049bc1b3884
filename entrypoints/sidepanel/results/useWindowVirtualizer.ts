import { observeWindowOffset, observeWindowRect, Virtualizer, windowScroll } from '@tanstack/virtual-core';
import type { RefObject } from 'preact';
import { useLayoutEffect, useReducer, useRef, useState } from 'preact/hooks';
import { keepInRange, measureFromObserver } from '../../../components/virtual/shared-options';

/**
 * The page's scroll offset as its scroll events last told it. Reading `window.scrollY` while a list renders would
 * lay out the half-built page first (a forced layout on the way to the first frame); events keep this current
 * instead. Read once here, as the module loads (before any list renders).
 */
let pageScrollY = typeof window === 'undefined' ? 0 : window.scrollY;
if (typeof window !== 'undefined')
  window.addEventListener(
    'scroll',
    () => {
      pageScrollY = window.scrollY;
    },
    { passive: true },
  );

/**
 * A list virtualised against the page's own scroll (the side panel scrolls as one page: header, search bar and
 * results together), through @tanstack/virtual-core used directly — framework-free, so Preact needs no React
 * compatibility layer. Items are measured as they render (ResizeObserver), so a card that grows (details read,
 * a cluster unfolded) pushes only what is below it; `estimateSize` is close to a card's real height so the
 * scrollbar barely moves as cards are measured.
 *
 * `keep` is an index always rendered even when scrolled out of view: the card holding the keyboard focus, so
 * focus is never lost to a card being unmounted.
 */
export function useWindowVirtualizer(opts: {
  count: number;
  estimateSize: number;
  getItemKey: (index: number) => string;
  overscan: number;
  keep: number | null;
  /** The list's element: its distance from the top of the page is the virtualiser's scroll margin. */
  listRef: RefObject<HTMLElement | null>;
}) {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  // Where the list starts on the page, once measured (a ref: a new value re-renders only when it must, below).
  const scrollMargin = useRef(0);
  // The indexes the last render drew.
  const drawn = useRef<number[]>([]);
  // The virtualiser's first scroll is to where the page already is: skipped (it would force a layout for nothing).
  const firstScroll = useRef(true);
  const keep = useRef(opts.keep);
  keep.current = opts.keep;
  const options = {
    count: opts.count,
    estimateSize: () => opts.estimateSize,
    getItemKey: opts.getItemKey,
    overscan: opts.overscan,
    scrollMargin: scrollMargin.current,
    getScrollElement: () => window,
    observeElementRect: observeWindowRect,
    observeElementOffset: observeWindowOffset,
    scrollToFn: (
      offset: number,
      o: { adjustments?: number; behavior?: ScrollBehavior },
      v: Virtualizer<Window, HTMLElement>,
    ) => {
      const redundant = firstScroll.current && !o.adjustments && offset === v.scrollOffset;
      firstScroll.current = false;
      if (!redundant) windowScroll(offset, o, v);
    },
    // Sizes come from the ResizeObserver (after layout, before the frame is painted), never from reading a
    // card's height as it is mounted: that forced a layout per card while the list rendered.
    measureElement: measureFromObserver<Window>(() => opts.estimateSize),
    initialOffset: () => pageScrollY,
    // The window's size is known at once: the first render already holds the cards in view (no empty frame).
    initialRect: { width: window.innerWidth, height: window.innerHeight },
    rangeExtractor: keepInRange(keep),
    onChange: () => rerender(0),
  };
  const [instance] = useState(() => new Virtualizer<Window, HTMLElement>(options));
  instance.setOptions(options);
  useLayoutEffect(() => instance._didMount(), []);
  useLayoutEffect(() => instance._willUpdate());

  drawn.current = instance.getVirtualItems().map((item) => item.index);

  // What is above the list (header, search bar, a progress line) can change height: follow it. The list is drawn
  // first as if it started at the page's top, which draws every card in view and maybe a few more; the measured
  // start re-renders it only when it brings a card into view that is not drawn yet (never for the first frame
  // at the top of the page), so the first offers are not drawn twice before they are painted.
  useLayoutEffect(() => {
    const measure = () => {
      const el = opts.listRef.current;
      if (!el) return;
      const top = Math.round(el.getBoundingClientRect().top + window.scrollY);
      if (top === scrollMargin.current) return;
      scrollMargin.current = top;
      instance.setOptions({ ...instance.options, scrollMargin: top });
      const shown = new Set(drawn.current);
      if (instance.getVirtualItems().some((item) => !shown.has(item.index))) rerender(0);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);
  return instance;
}
