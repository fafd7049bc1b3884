import type { Browser, browser as wxtBrowser } from 'wxt/browser';
import type { RestoreMode } from '../../storage/backup';
import { onMenuClick } from './context-menu';

/**
 * TEST BUILDS ONLY: the commands the Firefox browser tests send through e2e-hook.ts. Extension pages forbid
 * eval, so the vocabulary is fixed and small: DOM reads and actions on an extension page found by its tab (or
 * the open sidebar/popup), `browser.*` calls by name, raw IndexedDB reads, a right-click item run as the
 * browser would run it, and the options page's backup and restore run on the whole database (the file cannot be
 * handed to a page's file input from here). The test side is tests/e2e-firefox/support/driver.ts.
 */
export type E2eCommand =
  | { id: number; op: 'idle' }
  | { id: number; op: 'api'; path: string; args: unknown[] }
  | { id: number; op: 'dom'; view: ViewRef; action: DomAction; selector: string; value?: string }
  | { id: number; op: 'idb'; store: string; index?: string; key?: string }
  | { id: number; op: 'menuClick'; info: Browser.contextMenus.OnClickData; tabId: number }
  | { id: number; op: 'backupRoundTrip'; view: ViewRef; mode: RestoreMode };

/** The options page's backup round trip (test builds): every table's rows before and after, and the file's size. */
export type E2eBackupRoundTrip = (
  mode: RestoreMode,
) => Promise<{ bytes: number; before: Record<string, unknown[]>; after: Record<string, unknown[]> }>;

/** An extension page: the one in a tab, or the open sidebar or popup. */
export type ViewRef = { tabId: number } | { type: 'sidebar' | 'popup' };

type Ext = typeof wxtBrowser;
type GetViews = Parameters<Ext['extension']['getViews']>[0];

export type DomAction =
  | 'count'
  | 'text'
  | 'texts'
  | 'attr'
  | 'attrs'
  | 'value'
  | 'click'
  | 'fill'
  | 'enter'
  | 'closeWindow';

export interface E2eReply {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: string;
}

export async function runE2eCommand(browser: Ext, raw: unknown): Promise<E2eReply | { idle: true }> {
  const command = raw as E2eCommand;
  if (command.op === 'idle') return { idle: true };
  try {
    // Through JSON here, so a value that cannot travel fails this command rather than the channel.
    const value = JSON.parse(JSON.stringify((await run(browser, command)) ?? null));
    return { id: command.id, ok: true, value };
  } catch (error) {
    return { id: command.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

async function run(browser: Ext, command: Exclude<E2eCommand, { op: 'idle' }>): Promise<unknown> {
  switch (command.op) {
    case 'api': {
      const parts = command.path.split('.');
      const name = parts.pop() as string;
      const owner = parts.reduce<Record<string, unknown>>(
        (o, p) => o?.[p] as Record<string, unknown>,
        browser as unknown as Record<string, unknown>,
      );
      const fn = owner?.[name];
      if (typeof fn !== 'function') throw new Error(`no browser.${command.path}`);
      return fn.apply(owner, command.args);
    }
    case 'dom':
      return dom(browser, command.view, command.action, command.selector, command.value);
    case 'idb':
      return readIdb(command.store, command.index, command.key);
    case 'menuClick':
      onMenuClick(command.info, await browser.tabs.get(command.tabId));
      return true;
    case 'backupRoundTrip': {
      // The options page's own code (its test-build hook, entrypoints/options/e2e-backup.ts): the background
      // carries no backup code.
      const page = findView(browser, command.view) as Window & {
        __sourcelensBackupRoundTrip?: E2eBackupRoundTrip;
      };
      if (!page.__sourcelensBackupRoundTrip) throw new Error('not the options page of a test build');
      return page.__sourcelensBackupRoundTrip(command.mode);
    }
  }
}

function findView(browser: Ext, ref: ViewRef): Window {
  const views =
    'tabId' in ref
      ? browser.extension.getViews({ tabId: ref.tabId } as GetViews)
      : browser.extension.getViews({ type: ref.type } as unknown as GetViews);
  // The typings' Window is a stand-in; at run time these are the pages' own windows.
  const view = views[0] as unknown as Window | undefined;
  if (!view) throw new Error(`no extension page for ${JSON.stringify(ref)}`);
  return view;
}

function dom(browser: Ext, ref: ViewRef, action: DomAction, selector: string, value?: string): unknown {
  const view = findView(browser, ref);
  // The page's own constructors, so its listeners see ordinary events of its realm.
  const realm = view as unknown as typeof globalThis;
  const all = [...view.document.querySelectorAll<HTMLElement>(selector)];
  const el = all[0];
  switch (action) {
    case 'count':
      return all.length;
    case 'texts':
      return all.map((e) => e.textContent ?? '');
    case 'attrs':
      return all.map((e) => e.getAttribute(value ?? ''));
    default:
  }
  if (!el) {
    if (action === 'text' || action === 'attr' || action === 'value') return null;
    throw new Error(`no element ${selector} in ${view.location.pathname}`);
  }
  switch (action) {
    case 'text':
      return el.textContent ?? '';
    case 'attr':
      return el.getAttribute(value ?? '');
    case 'value':
      return (el as HTMLInputElement).value;
    case 'click':
      el.scrollIntoView({ block: 'center' });
      el.click();
      return true;
    case 'fill': {
      // As typing does: the value, then the events Preact's onInput/onChange listen to.
      (el as HTMLInputElement).value = value ?? '';
      el.dispatchEvent(new realm.Event('input', { bubbles: true }));
      el.dispatchEvent(new realm.Event('change', { bubbles: true }));
      return true;
    }
    case 'closeWindow':
      view.close();
      return true;
    case 'enter':
      el.dispatchEvent(new realm.KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
      return true;
  }
}

/** A row by key (through an index when given), or every row of a store, read straight from IndexedDB. */
function readIdb(store: string, index?: string, key?: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('sourcelens');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains(store)) {
        db.close();
        return resolve(key === undefined ? [] : null);
      }
      const source = db.transaction(store).objectStore(store);
      const from = index ? source.index(index) : source;
      const request = key === undefined ? from.getAll() : from.get(key);
      request.onsuccess = () => {
        resolve(request.result ?? null);
        db.close();
      };
      request.onerror = () => reject(request.error);
    };
  });
}
