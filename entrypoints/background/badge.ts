import { browser } from 'wxt/browser';

/** Marks the toolbar button on one tab: ✓ for a priced product, ◎ for a social post with product photos. */
export async function showSpottedBadge(
  tabId: number,
  kind: 'product' | 'social-candidate' | null,
): Promise<void> {
  const text = kind === 'product' ? '✓' : kind === 'social-candidate' ? '◎' : '';
  try {
    await browser.action.setBadgeText({ tabId, text });
    if (kind)
      await browser.action.setBadgeBackgroundColor({
        tabId,
        color: kind === 'product' ? '#0a7d38' : '#8a6d00',
      });
  } catch {
    // The tab may have closed between the message and the badge update; nothing to mark then.
  }
}
