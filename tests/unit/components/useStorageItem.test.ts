import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { useStorageItem, type WatchableItem } from '../../../components/useStorageItem';

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Renders a component that only reports what the hook returns, each render in order. */
async function mount<T>(item: WatchableItem<T>, normalise?: (value: T) => T, initial?: T | Promise<T>) {
  const { document } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
  const container = document.getElementById('app') as unknown as HTMLElement;
  const seen: (T | undefined)[] = [];
  const Probe = () => {
    seen.push(useStorageItem(item, normalise, initial));
    return null;
  };
  await act(() => render(h(Probe, null), container));
  return { seen, unmount: () => act(() => render(null, container)) };
}

/** An item whose first read answers when the test says so, and which counts its watchers. */
function manualItem<T>() {
  let answer: (value: T) => void = () => {};
  const listeners = new Set<(value: T) => void>();
  const item: WatchableItem<T> = {
    getValue: () => new Promise<T>((resolve) => (answer = resolve)),
    watch(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
  return {
    item,
    listeners,
    // The read answers in a later task; act waits for it so the re-render is flushed before the test looks.
    answer: (v: T) =>
      act(async () => {
        answer(v);
        await settle();
      }),
    change: (v: T) =>
      act(() => {
        for (const listener of listeners) listener(v);
      }),
  };
}

describe('useStorageItem', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is undefined until the first read, then follows every change of a WXT storage item', async () => {
    const item = storage.defineItem<number>('local:probe', { fallback: 7 });
    const { seen } = await mount(item);
    expect(seen[0]).toBeUndefined();
    await act(settle);
    expect(seen.at(-1)).toBe(7);
    await act(() => item.setValue(12));
    expect(seen.at(-1)).toBe(12);
  });

  it('normalises what it reads and what it sees changing', async () => {
    const m = manualItem<{ a?: number; b?: number }>();
    const withDefaults = (v: { a?: number; b?: number }) => ({ a: 1, b: 2, ...v });
    const { seen } = await mount(m.item, withDefaults);
    await m.answer({ a: 5 });
    expect(seen.at(-1)).toEqual({ a: 5, b: 2 });
    await m.change({ b: 9 });
    expect(seen.at(-1)).toEqual({ a: 1, b: 9 });
  });

  it('keeps a change seen before the first read answers (the read is older)', async () => {
    const m = manualItem<string>();
    const { seen } = await mount(m.item);
    await m.change('new');
    await m.answer('old');
    expect(seen.at(-1)).toBe('new');
  });

  it('stops watching when the component goes', async () => {
    const m = manualItem<string>();
    const { unmount } = await mount(m.item);
    expect(m.listeners.size).toBe(1);
    await unmount();
    expect(m.listeners.size).toBe(0);
  });

  it('starts from a value already read, keeps it when the read agrees, and takes the read when it differs', async () => {
    const m = manualItem<{ q: number }>();
    const initial = { q: 50 };
    const { seen } = await mount(m.item, undefined, initial);
    expect(seen[0]).toBe(initial);
    await m.answer({ q: 50 });
    // The same value read again: the very object kept (what depends on its identity is not redone).
    expect(seen.at(-1)).toBe(initial);
    await m.change({ q: 80 });
    expect(seen.at(-1)).toEqual({ q: 80 });

    const n = manualItem<{ q: number }>();
    const other = await mount(n.item, undefined, { q: 50 });
    await n.answer({ q: 70 });
    expect(other.seen.at(-1)).toEqual({ q: 70 });
  });

  it('takes a read started before it (a first read of the page) as soon as that answers, before its own read', async () => {
    const m = manualItem<{ q: number }>();
    let answerStarted: (v: { q: number }) => void = () => {};
    const started = new Promise<{ q: number }>((resolve) => (answerStarted = resolve));
    const { seen } = await mount(m.item, undefined, started);
    expect(seen[0]).toBeUndefined();
    await act(async () => {
      answerStarted({ q: 50 });
      await settle();
    });
    expect(seen.at(-1)).toEqual({ q: 50 });
    // Its own read agreeing keeps that value; a change seen later wins.
    await m.answer({ q: 50 });
    expect(seen.at(-1)).toEqual({ q: 50 });
    await m.change({ q: 80 });
    expect(seen.at(-1)).toEqual({ q: 80 });
  });

  it('keeps a change seen before the started read answers (that read is older)', async () => {
    const m = manualItem<string>();
    let answerStarted: (v: string) => void = () => {};
    const started = new Promise<string>((resolve) => (answerStarted = resolve));
    const { seen } = await mount(m.item, undefined, started);
    await m.change('new');
    await act(async () => {
      answerStarted('old');
      await settle();
    });
    expect(seen.at(-1)).toBe('new');
  });
});
