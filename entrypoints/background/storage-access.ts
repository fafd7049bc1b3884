import { browser } from 'wxt/browser';

/**
 * Keeps `storage.session` (tab products, helper tabs, politeness state, pending searches) to the extension's
 * own pages and worker. That is Chrome's default already; saying it here keeps it so if the default changes.
 * Chrome offers this only for `session`: `storage.local` and `storage.sync` stay readable and writable by our
 * content scripts (the spotter reads its settings there), so settings are validated when read instead
 * (storage/settings/*). Firefox has no setAccessLevel; its session area is not exposed to content scripts.
 */
export function restrictSessionStorage(): void {
  const session = browser.storage.session as
    | { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> }
    | undefined;
  void session?.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => {});
}
