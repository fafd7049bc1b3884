import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { DetectedProduct } from '../../core/detect/types';
import { BUTTON_CSS } from './find-button-css';
import { buttonSpots, choosePicture, type PictureOnPage } from './picture';

/** How often the button looks again while a product is shown: carousels and lazy pictures change without a scroll. */
const RECHECK_MS = 1000;
/** How long a notice stays beside the button (long enough to read and press the shortcut). */
const NOTICE_MS = 12_000;
/** Room kept between the notice, the button and the viewport's edges, px. */
const NOTICE_GAP = 6;
/** Pictures looked at, at most: a page of thousands of thumbnails is not a product page. */
const MAX_PICTURES = 400;
/** Controls a page puts over its pictures (zoom, video, favourite, carousel arrows): never covered. */
const CONTROLS =
  'a,button,input,select,textarea,label,summary,video,audio,iframe,[role=button],[role=link],[role=tab],[role=slider],[role=checkbox],[role=menuitem],[onclick],[tabindex],[contenteditable]';

export interface FindButton {
  /** The product the spotter sees now (null: none, or the page is changing): the button follows it. */
  setProduct(product: DetectedProduct | null): void;
  /** On or off for this page (the person's setting). */
  setEnabled(enabled: boolean): void;
  /** Its words (the language chosen in the options arrives after the button may be drawn). */
  setText(text: { label: string; hint: string }): void;
  /**
   * A short message beside the button (the browser could not open the panel: how to open it). It goes after a
   * while, on a click, and with the button.
   */
  showNotice(text: string): void;
}

/**
 * The in-page "Find source" button: one small button over the product's main picture (or the post's picture in
 * view), in a closed shadow root on a bare host element. The host carries no id, class or data (only the
 * `popover` attribute that puts it in the top layer), so the page can find nothing of SourceLens to read; the
 * host is fixed at the viewport's corner with no size, so it never moves the page's layout; every style is set inside the shadow root (`:host` rules marked important win over
 * the page's own, even its `* {…!important}`), so the page can't restyle it. It looks again on scroll, resize
 * and every second while a product is shown, and hides when its picture leaves the view, when a page control
 * would be under it, and when the page changes.
 */
export function createFindButton(
  ctx: ContentScriptContext,
  opts: { label: string; hint: string; onFind: (pictureUrl: string) => void },
): FindButton {
  let product: DetectedProduct | null = null;
  let enabled = false;
  let pictureUrl: string | null = null;
  let frame: number | null = null;
  let size: { width: number; height: number } | null = null;

  const host = document.createElement('div');
  // In the top layer (a manual popover, shown once attached), the page's transforms, filters, opacity and
  // stacking on its own elements don't reach the button; a page dialog opened later still goes above it.
  const topLayer = 'popover' in host;
  if (topLayer) host.popover = 'manual';
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = BUTTON_CSS;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = opts.label;
  button.title = opts.hint;
  button.hidden = true;
  // Read out by screen readers as it appears (a status, not an alert: the search is waiting, nothing failed).
  const notice = document.createElement('p');
  notice.setAttribute('role', 'status');
  notice.hidden = true;
  root.append(style, button, notice);
  let noticeTimer: number | null = null;
  const hideNotice = () => {
    notice.hidden = true;
    notice.textContent = '';
    if (noticeTimer !== null) clearTimeout(noticeTimer);
    noticeTimer = null;
  };
  notice.addEventListener('click', (event) => {
    event.stopPropagation();
    hideNotice();
  });
  for (const type of ['pointerdown', 'mousedown', 'touchstart'] as const)
    notice.addEventListener(type, (event) => event.stopPropagation());

  // Only a real click by the person: a page can't click it (it can't reach a closed root), and a click it fakes
  // on the host never gets here; the check stays in case a browser ever lets one through.
  button.addEventListener('click', (event) => {
    event.preventDefault();
    event.stopPropagation();
    if (!event.isTrusted || !pictureUrl || !ctx.isValid) return;
    opts.onFind(pictureUrl);
  });
  // The page's own gallery handlers (drag to swipe, click to zoom) must not see presses on the button.
  for (const type of ['pointerdown', 'mousedown', 'touchstart'] as const)
    button.addEventListener(type, (event) => event.stopPropagation());

  const attach = () => {
    if (host.isConnected) return;
    document.documentElement.append(host);
    try {
      if (topLayer) host.showPopover();
    } catch {
      // Not shown in the top layer (a page that took the host out and back): it is still fixed on the page.
    }
  };

  const hide = () => {
    button.hidden = true;
    pictureUrl = null;
    hideNotice();
  };

  /** The notice under the button (above it when there is no room below), kept inside the viewport. */
  const placeNotice = () => {
    if (notice.hidden || button.hidden) return;
    const at = button.getBoundingClientRect();
    const box = notice.getBoundingClientRect();
    const below = at.bottom + NOTICE_GAP;
    const top =
      below + box.height + NOTICE_GAP <= window.innerHeight ? below : at.top - NOTICE_GAP - box.height;
    const left = Math.min(at.left, window.innerWidth - box.width - NOTICE_GAP);
    notice.style.left = `${Math.round(Math.max(NOTICE_GAP, left))}px`;
    notice.style.top = `${Math.round(Math.max(NOTICE_GAP, top))}px`;
  };

  /** Whether nothing of the page but the picture (or the gallery around it, when not a control) is at a point. */
  const freeAt = (x: number, y: number, picture: HTMLImageElement, gallery: Element): boolean => {
    const top = document.elementsFromPoint(x, y).find((el) => el !== host);
    if (!top) return false;
    if (top === picture || top.contains(picture)) return true;
    const control = top.closest(CONTROLS);
    if (control && !control.contains(picture)) return false;
    return gallery.contains(top);
  };

  /** The picture's own box: its nearest ancestors no larger than twice the picture (badges and zoom lenses live there). */
  const galleryOf = (picture: HTMLImageElement): Element => {
    const rect = picture.getBoundingClientRect();
    let gallery: Element = picture;
    let node = picture.parentElement;
    for (let depth = 0; node && depth < 4; depth += 1, node = node.parentElement) {
      const r = node.getBoundingClientRect();
      if (r.width * r.height > 2 * rect.width * rect.height) break;
      gallery = node;
    }
    return gallery;
  };

  const place = () => {
    frame = null;
    if (!enabled || !product || !ctx.isValid || document.hidden) return hide();
    const images = Array.from(document.images).slice(0, MAX_PICTURES);
    const pictures: PictureOnPage[] = images.map((img) => ({
      src: img.currentSrc || img.src,
      box: img.getBoundingClientRect(),
      loaded: img.complete && img.naturalWidth > 0,
    }));
    const view = { width: window.innerWidth, height: window.innerHeight, scrollY: window.scrollY };
    const index = choosePicture(pictures, product.images, view);
    const picture = index === null ? undefined : images[index];
    const url = picture ? httpUrl(picture.currentSrc || picture.src) : null;
    if (!picture || !url) return hide();
    attach();
    if (!size) {
      // Measured once, laid out but unseen, so the first spot is chosen for the button's real size.
      button.style.visibility = 'hidden';
      button.hidden = false;
      size = { width: button.offsetWidth, height: button.offsetHeight };
      button.hidden = true;
      button.style.visibility = '';
    }
    const gallery = galleryOf(picture);
    const measured = size;
    const spot = buttonSpots(picture.getBoundingClientRect(), measured, view).find((s) =>
      [
        [s.left + s.width / 2, s.top + s.height / 2],
        [s.left + 1, s.top + 1],
        [s.left + s.width - 1, s.top + 1],
        [s.left + 1, s.top + s.height - 1],
        [s.left + s.width - 1, s.top + s.height - 1],
      ].every(([x, y]) => freeAt(x as number, y as number, picture, gallery)),
    );
    if (!spot) return hide();
    button.style.left = `${Math.round(spot.left)}px`;
    button.style.top = `${Math.round(spot.top)}px`;
    button.hidden = false;
    pictureUrl = url;
    placeNotice();
  };

  const placeSafely = () => {
    try {
      place();
    } catch {
      hide(); // whatever the page did to its DOM, no error of ours reaches it, and no button is left astray
    }
  };

  const schedule = () => {
    if (frame === null && enabled && product) frame = requestAnimationFrame(placeSafely);
  };

  ctx.addEventListener(window, 'scroll', schedule, { capture: true, passive: true });
  ctx.addEventListener(window, 'resize', schedule, { passive: true });
  ctx.setInterval(schedule, RECHECK_MS);
  ctx.onInvalidated(() => {
    hideNotice();
    host.remove();
  });

  return {
    setProduct(next) {
      product = next;
      if (!next) hide();
      schedule();
    },
    setEnabled(next) {
      enabled = next;
      if (!next) hide();
      schedule();
    },
    setText(text) {
      button.textContent = text.label;
      button.title = text.hint;
      // The width changes with the words: measured again where it is placed.
      size = null;
      schedule();
    },
    showNotice(text) {
      if (button.hidden || !ctx.isValid) return;
      notice.textContent = text;
      notice.hidden = false;
      placeNotice();
      if (noticeTimer !== null) clearTimeout(noticeTimer);
      noticeTimer = window.setTimeout(hideNotice, NOTICE_MS);
    },
  };
}

function httpUrl(src: string): string | null {
  try {
    const url = new URL(src, location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
