import { defaultRangeExtractor, type Range, type Virtualizer } from '@tanstack/virtual-core';
import type { RefObject } from 'preact';

/**
 * What both virtualised lists (the side panel's results, scrolled with the page; the popup's shortlist, in its own
 * box) do alike with @tanstack/virtual-core: measure a row by its ResizeObserver entry, and always draw one row.
 */

/**
 * A row's height from its ResizeObserver entry (after layout, before the frame is painted), never read from the
 * row as it is mounted (that forces a layout per row while the list renders); without an entry, the size last
 * measured or the estimate.
 */
export function measureFromObserver<S extends Element | Window>(estimate: (index: number) => number) {
  return (el: HTMLElement, entry: ResizeObserverEntry | undefined, v: Virtualizer<S, HTMLElement>) => {
    const box = entry?.borderBoxSize?.[0];
    if (box) return Math.round(box.blockSize);
    const index = v.indexFromElement(el);
    return v.itemSizeCache.get(v.options.getItemKey(index)) ?? estimate(index);
  };
}

/**
 * The rows in view plus `keep` (when set and not among them): the row holding the keyboard focus is never
 * unmounted, so focus is never lost to scrolling.
 */
export function keepInRange(keep: RefObject<number | null>) {
  return (range: Range) => {
    const indexes = defaultRangeExtractor(range);
    const k = keep.current;
    if (k === null || k >= range.count || indexes.includes(k)) return indexes;
    return [...indexes, k].sort((a, b) => a - b);
  };
}
