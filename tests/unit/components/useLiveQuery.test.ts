import { Dexie, type EntityTable } from 'dexie';
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLiveQuery, useLiveQuery } from '../../../components/useLiveQuery';
import { useSettled } from '../../../components/useSettled';

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 20));

interface Row {
  id: number;
  name: string;
}

class ProbeDb extends Dexie {
  rows!: EntityTable<Row, 'id'>;
  constructor() {
    super(`probe-${Math.random()}`);
    this.version(1).stores({ rows: '&id' });
  }
}

function container() {
  const { document } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
  return document.getElementById('app') as unknown as HTMLElement;
}

describe('useLiveQuery with a query started before the component', () => {
  let db: ProbeDb;
  beforeEach(async () => {
    db = new ProbeDb();
    await db.rows.add({ id: 1, name: 'one' });
  });
  afterEach(() => db.delete());

  it('shows the started answer, keeps following changes through its subscription, and ends it on unmount', async () => {
    let runs = 0;
    const query = () => {
      runs++;
      return db.rows.toArray();
    };
    const started = startLiveQuery(query);
    await settle();
    expect(started.value?.map((r) => r.name)).toEqual(['one']);
    const seen: (Row[] | undefined)[] = [];
    const Probe = () => {
      seen.push(useLiveQuery(query, [], started));
      return null;
    };
    const el = container();
    await act(() => render(h(Probe, null), el));
    // The answer already in hand is there from the first render, and the query is not asked again.
    expect(seen[0]?.map((r) => r.name)).toEqual(['one']);
    expect(runs).toBe(1);
    await act(async () => {
      await db.rows.add({ id: 2, name: 'two' });
      await settle();
    });
    expect(seen.at(-1)?.map((r) => r.name)).toEqual(['one', 'two']);
    await act(() => render(null, el));
    const before = runs;
    await db.rows.add({ id: 3, name: 'three' });
    await settle();
    expect(runs).toBe(before);
  });

  it('is taken once: a second component asks for itself', async () => {
    const started = startLiveQuery(() => db.rows.toArray());
    await settle();
    expect(started.take(() => {})).not.toBeNull();
    expect(started.take(() => {})).toBeNull();
    const seen: (Row[] | undefined)[] = [];
    const Probe = () => {
      seen.push(useLiveQuery(() => db.rows.toArray(), [], started));
      return null;
    };
    const el = container();
    await act(() => render(h(Probe, null), el));
    await act(settle);
    expect(seen.at(-1)?.map((r) => r.name)).toEqual(['one']);
    await act(() => render(null, el));
  });
});

describe('useSettled', () => {
  it('is pending, then the value; or failed', async () => {
    let resolve: (v: number) => void = () => {};
    const ok = new Promise<number>((r) => (resolve = r));
    const failing = Promise.reject(new Error('no'));
    failing.catch(() => {});
    const seen: string[] = [];
    const Probe = (props: { p: Promise<number> }) => {
      const s = useSettled(props.p);
      seen.push(s.state === 'done' ? `done:${s.value}` : s.state);
      return null;
    };
    const el = container();
    await act(() => render(h(Probe, { p: ok }), el));
    expect(seen.at(-1)).toBe('pending');
    await act(async () => {
      resolve(7);
      await settle();
    });
    expect(seen.at(-1)).toBe('done:7');
    const other = container();
    await act(async () => {
      render(h(Probe, { p: failing }), other);
      await settle();
    });
    expect(seen.at(-1)).toBe('failed');
  });
});
