import { browser } from 'wxt/browser';

/**
 * The toolbar button carries two marks. The price-alert count (showAlertCount) is the button's global text, seen
 * on every tab; a tab showing a product gets its own mark (✓ a priced product, ◎ a social post with product
 * photos), which the browser shows instead of the count on that tab only. Clearing a tab's mark removes the
 * tab's own text (null, not ''), so the count shows through again.
 */
export async function showSpottedBadge(
  tabId: number,
  kind: 'product' | 'social-candidate' | null,
): Promise<void> {
  const text = kind === 'product' ? '✓' : kind === 'social-candidate' ? '◎' : null;
  try {
    // null: back to the global text (Chrome and Firefox both take it; the polyfill's type says string).
    await browser.action.setBadgeText({ tabId, text: text as string });
    if (kind)
      await browser.action.setBadgeBackgroundColor({
        tabId,
        color: kind === 'product' ? '#0a7d38' : '#8a6d00',
      });
  } catch {
    // The tab may have closed between the message and the badge update; nothing to mark then.
  }
}

/** The number of kept offers with a price alert not yet seen, on every tab (nothing at 0). */
export async function showAlertCount(count: number): Promise<void> {
  await browser.action.setBadgeText({ text: count > 0 ? String(Math.min(count, 99)) : '' });
  if (count > 0) await browser.action.setBadgeBackgroundColor({ color: '#b3261e' });
}
