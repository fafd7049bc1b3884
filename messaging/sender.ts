/**
 * Who sent a message. Only the fields of `runtime.MessageSender` we rely on, so the rules are testable in
 * Node without a browser.
 */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; windowId?: number };
  frameId?: number;
}

/**
 * Checks a sender against the rule for the message's direction; returns why it is refused, or null.
 * - Everything must come from this extension (`sender.id`): web pages can't reach `runtime.onMessage`
 *   without `externally_connectable`, but other extensions' content scripts could try.
 * - Content-script messages must come from a tab, from an http(s) document, from the top frame (the spotter
 *   runs only there), so an extension page cannot pose as a shop page.
 * - Page messages must come from one of our own extension pages.
 */
export function senderProblem(
  sender: SenderInfo,
  from: 'content' | 'page',
  ownId: string,
  ownOrigin: string,
): string | null {
  if (sender.id !== ownId) return 'message is not from this extension';
  if (from === 'content') {
    if (typeof sender.tab?.id !== 'number' || sender.tab.id < 0)
      return 'content-script message without a tab';
    if (!sender.url || !/^https?:\/\//i.test(sender.url))
      return 'content-script message not from an http(s) page';
    if (sender.frameId !== undefined && sender.frameId !== 0)
      return 'content-script message not from the top frame';
    return null;
  }
  if (!sender.url?.startsWith(ownOrigin)) return 'page message not from an extension page';
  return null;
}
