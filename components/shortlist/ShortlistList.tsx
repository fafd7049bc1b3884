import type { VNode } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { RowFocus } from './ShortlistRow';
import { useListVirtualizer } from './useListVirtualizer';

/** A row's height before it is measured (picture, title, prices, marks). */
const ESTIMATED_ROW_PX = 96;
const ESTIMATED_HEADER_PX = 30;
/** The list box's height: the popup is about 600 px tall at most, the toolbar and header take the rest. */
export const LIST_MAX_PX = 380;
const OVERSCAN = 4;

export type ListItem<T> = { kind: 'row'; key: string; row: T } | { kind: 'header'; key: string; node: VNode };

/**
 * Kept offers as a virtualised list in its own scrolling box: only the rows in view (and a few either side) are
 * in the page. Roving focus over the rows (group headers are skipped): ↑/↓, Home/End move it, Enter opens the
 * row. `onVisible` hears the keys of the rows drawn, to read their histories.
 */
export function ShortlistList<T>(props: {
  items: readonly ListItem<T>[];
  renderRow: (row: T, focus: RowFocus) => VNode;
  onOpen: (row: T, key: string) => void;
  onVisible: (keys: string[]) => void;
  /** A row to focus (returning from its detail view); a new `n` asks again for the same row. */
  focusRequest: { key: string; n: number } | null;
  label: string;
}) {
  const { items } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focusedKey, setFocusedKey] = useState<string | null>(props.focusRequest?.key ?? null);
  const rowIndexes = items.flatMap((item, i) => (item.kind === 'row' ? [i] : []));
  const found = focusedKey === null ? -1 : items.findIndex((item) => item.key === focusedKey);
  const focusIndex = found >= 0 ? found : (rowIndexes[0] ?? -1);
  const pendingFocus = useRef<number | null>(null);
  const virtualizer = useListVirtualizer({
    count: items.length,
    estimateSize: (i) => (items[i]?.kind === 'header' ? ESTIMATED_HEADER_PX : ESTIMATED_ROW_PX),
    getItemKey: (i) => items[i]?.key ?? String(i),
    overscan: OVERSCAN,
    keep: focusIndex >= 0 ? focusIndex : null,
    scrollRef,
    initialHeight: LIST_MAX_PX,
  });

  // Back from a detail view: that row gets the focus again.
  useLayoutEffect(() => {
    const key = props.focusRequest?.key;
    if (key === undefined) return;
    const i = items.findIndex((item) => item.key === key);
    if (i < 0) return;
    setFocusedKey(key);
    pendingFocus.current = i;
    virtualizer.scrollToIndex(i, { align: 'auto' });
  }, [props.focusRequest?.n]);

  useLayoutEffect(() => {
    const i = pendingFocus.current;
    if (i === null) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${i}"] > article`);
    if (!row) return;
    pendingFocus.current = null;
    row.focus({ preventScroll: true });
  });

  const virtualItems = virtualizer.getVirtualItems();
  const drawnKeys = virtualItems
    .map((v) => items[v.index])
    .flatMap((item) => (item?.kind === 'row' ? [item.key] : []));
  const drawn = drawnKeys.join('\n');
  useEffect(() => props.onVisible(drawnKeys), [drawn]);

  const move = (from: number, step: number | 'first' | 'last') => {
    const pos = rowIndexes.indexOf(from);
    const next =
      step === 'first'
        ? rowIndexes[0]
        : step === 'last'
          ? rowIndexes[rowIndexes.length - 1]
          : rowIndexes[Math.max(0, Math.min(rowIndexes.length - 1, pos + step))];
    if (next === undefined) return;
    setFocusedKey(items[next]?.key ?? null);
    pendingFocus.current = next;
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (item: ListItem<T> & { kind: 'row' }, index: number) => (e: KeyboardEvent) => {
    if (e.target !== e.currentTarget || e.altKey || e.ctrlKey || e.metaKey) return;
    const act: Record<string, () => void> = {
      ArrowDown: () => move(index, 1),
      ArrowUp: () => move(index, -1),
      Home: () => move(index, 'first'),
      End: () => move(index, 'last'),
      Enter: () => props.onOpen(item.row, item.key),
    };
    const run = act[e.key];
    if (!run) return;
    e.preventDefault();
    run();
  };

  const rowCount = rowIndexes.length;
  return (
    <div
      ref={scrollRef}
      class="sl-list"
      style={{ maxHeight: `${LIST_MAX_PX}px` }}
      data-testid="shortlist-list"
      data-count={rowCount}
    >
      <ul
        aria-label={props.label}
        class="sl-list__inner"
        style={{ height: `${virtualizer.getTotalSize()}px` }}
      >
        {virtualItems.map((v) => {
          const item = items[v.index];
          if (!item) return null;
          return (
            <li
              key={item.key}
              class="sl-list__slot"
              data-index={v.index}
              aria-posinset={item.kind === 'row' ? rowIndexes.indexOf(v.index) + 1 : undefined}
              aria-setsize={item.kind === 'row' ? rowCount : undefined}
              ref={virtualizer.measureElement}
              style={{ transform: `translateY(${v.start}px)` }}
            >
              {item.kind === 'header'
                ? item.node
                : props.renderRow(item.row, {
                    tabIndex: v.index === focusIndex ? 0 : -1,
                    index: rowIndexes.indexOf(v.index),
                    setSize: rowCount,
                    onFocus: () => setFocusedKey(item.key),
                    onKeyDown: onKeyDown(item, v.index),
                  })}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
