import type { VNode } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { OfferCardProps } from '../../../components/offer/OfferCard';
import { useWindowVirtualizer } from './useWindowVirtualizer';

/** A card's height before it is measured: close to a real one at the panel's usual widths. */
export const ESTIMATED_CARD_PX = 196;
/** Cards rendered beyond the visible ones, above and below (quick scrolling shows no blank slots). */
const OVERSCAN = 3;

export type CardFocus = NonNullable<OfferCardProps['focus']>;

/** What the keyboard does on a card (the list moves the focus itself). */
export interface CardKeys<T> {
  /** Enter: open the offer on its source. */
  onOpen: (item: T) => void;
  /** K: keep it (the keep dialog). */
  onKeep: (item: T) => void;
  /** C: tick it for the compare view, or untick it. */
  onCompare: (item: T) => void;
}

/**
 * The results as a virtualised feed: only the cards in view (and a few either side) are in the page, each in a
 * slot positioned at its measured offset, so 600 offers cost what 60 do. Roving focus: one card is in the tab
 * order; ↑/↓ (Home/End) move the focus to the next card and scroll it into view, Enter opens it, K keeps it, C
 * ticks it for compare. The focused card stays rendered when scrolled out of view, so focus is never lost.
 */
export function ResultsList<T>(props: {
  items: readonly T[];
  itemKey: (item: T) => string;
  renderCard: (item: T, focus: CardFocus) => VNode;
  keys: CardKeys<T>;
  /** The feed's accessible name. */
  label: string;
  busy: boolean;
}) {
  const { items } = props;
  const listRef = useRef<HTMLDivElement>(null);
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  const found = focusedKey === null ? -1 : items.findIndex((item) => props.itemKey(item) === focusedKey);
  const focusIndex = Math.max(found, 0);
  // A card to focus once it is rendered (after the list scrolled to it).
  const pendingFocus = useRef<number | null>(null);
  const virtualizer = useWindowVirtualizer({
    count: items.length,
    estimateSize: ESTIMATED_CARD_PX,
    getItemKey: (i) => props.itemKey(items[i] as T),
    overscan: OVERSCAN,
    keep: items.length ? focusIndex : null,
    listRef,
  });

  useLayoutEffect(() => {
    const i = pendingFocus.current;
    if (i === null) return;
    const card = listRef.current?.querySelector<HTMLElement>(`[data-index="${i}"] > article`);
    if (!card) return;
    pendingFocus.current = null;
    card.focus({ preventScroll: true });
  });

  const move = (to: number) => {
    const i = Math.max(0, Math.min(items.length - 1, to));
    setFocusedKey(props.itemKey(items[i] as T));
    pendingFocus.current = i;
    virtualizer.scrollToIndex(i, { align: 'auto' });
  };

  const onKeyDown = (item: T, index: number) => (e: KeyboardEvent) => {
    // Keys typed into a control inside the card (a checkbox, a button) are that control's.
    if (e.target !== e.currentTarget || e.altKey || e.ctrlKey || e.metaKey) return;
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    const act: Record<string, () => void> = {
      ArrowDown: () => move(index + 1),
      ArrowUp: () => move(index - 1),
      Home: () => move(0),
      End: () => move(items.length - 1),
      Enter: () => props.keys.onOpen(item),
      k: () => props.keys.onKeep(item),
      c: () => props.keys.onCompare(item),
    };
    const run = act[key];
    if (!run) return;
    e.preventDefault();
    run();
  };

  const scrollMargin = virtualizer.options.scrollMargin;
  return (
    <div
      ref={listRef}
      class="results-list"
      role="feed"
      aria-label={props.label}
      aria-busy={props.busy}
      data-testid="results-list"
      data-count={items.length}
      style={{ height: `${virtualizer.getTotalSize()}px` }}
    >
      {virtualizer.getVirtualItems().map((v) => {
        const item = items[v.index] as T;
        return (
          <div
            key={v.key as string}
            role="none"
            class="results-list__slot"
            data-index={v.index}
            ref={virtualizer.measureElement}
            style={{ transform: `translateY(${v.start - scrollMargin}px)` }}
          >
            {props.renderCard(item, {
              tabIndex: v.index === focusIndex ? 0 : -1,
              index: v.index,
              setSize: items.length,
              onFocus: () => setFocusedKey(props.itemKey(item)),
              onKeyDown: onKeyDown(item, v.index),
            })}
          </div>
        );
      })}
    </div>
  );
}
