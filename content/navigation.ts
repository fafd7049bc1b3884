/**
 * Same-document navigation (pushState, replaceState, back/forward, hash changes) seen without telling the page:
 * nothing is dispatched into it (WXT's `wxt:locationchange` is, with the runtime id in its name). The page can
 * fire `navigate` or `popstate` events of its own at will, so an event is only a hint: what counts is whether
 * `location.href` really changed, read after the page's own handlers ran.
 */
interface NavigationContext {
  readonly signal: AbortSignal;
  readonly isValid: boolean;
  setInterval(handler: () => void, timeout?: number): number;
  setTimeout(handler: () => void, timeout?: number): number;
}

/** Checked this often when the browser has no Navigation API (Firefox before it shipped there). */
const POLL_MS = 1000;

export function watchNavigation(ctx: NavigationContext, onChange: (url: string) => void): void {
  let last = location.href;
  const check = () => {
    if (!ctx.isValid) return;
    const now = location.href;
    if (now === last) return;
    last = now;
    onChange(now);
  };
  const later = () => void ctx.setTimeout(check, 0);
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  if (typeof nav?.addEventListener === 'function') {
    // `navigate` fires before the URL changes; `navigatesuccess` after a same-document one commits.
    nav.addEventListener('navigate', later, { signal: ctx.signal });
    nav.addEventListener('navigatesuccess', later, { signal: ctx.signal });
  } else {
    ctx.setInterval(check, POLL_MS);
  }
  window.addEventListener('popstate', later, { signal: ctx.signal });
  window.addEventListener('hashchange', later, { signal: ctx.signal });
}
