/**
 * Which picture on the page the in-page button goes on, and where on it: pure geometry over what the page
 * shows, so it runs in Node tests. The DOM side (find-button.ts) measures and checks what is under each spot.
 */

/** Pictures smaller than this (either side, px) are thumbnails: the button would cover most of them. */
export const MIN_SIDE = 160;
/** A picture the product does not name must be this large to be taken as its main picture. */
const MIN_SIDE_UNNAMED = 240;
/** A picture mostly scrolled out of view loses its button. */
const MIN_VISIBLE_SHARE = 0.4;
/** Gap between the button and the picture's edges. */
export const INSET = 8;

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface PictureOnPage {
  /** The address the picture was loaded from (`currentSrc`, else `src`). */
  src: string;
  /** Where it is, in viewport coordinates. */
  box: Box;
  /** Loaded and decoded (a broken picture gets no button). */
  loaded: boolean;
}

export interface Viewport {
  width: number;
  height: number;
  /** How far the page is scrolled down (for "near the top of the page"). */
  scrollY: number;
}

/**
 * A picture's identity across a CDN's size variants: its file name up to the first dot, less a trailing size
 * (`O1CN01x_!!2206.jpg_400x400.jpg` → `O1CN01x_!!2206`, `41abc._AC_SX300_.jpg` → `41abc`, `mug_600x.jpg` →
 * `mug`). Short stems ("1", "main") say nothing, so they give null.
 */
export function pictureStem(url: string): string | null {
  try {
    const name = decodeURIComponent(new URL(url, 'https://base.invalid/').pathname.split('/').pop() ?? '');
    const stem = (name.split('.')[0] ?? '').replace(/_\d*x\d*$/i, '');
    return stem.length >= 8 ? stem : null;
  } catch {
    return null;
  }
}

/** Whether a picture on the page is one of the product's pictures (the same address, or the same file). */
export function namesPicture(src: string, productImages: readonly string[]): boolean {
  const stem = pictureStem(src);
  return productImages.some((image) => {
    if (sameUrl(image, src)) return true;
    return stem !== null && pictureStem(image) === stem;
  });
}

function sameUrl(a: string, b: string): boolean {
  try {
    return new URL(a, 'https://base.invalid/').href === new URL(b, 'https://base.invalid/').href;
  } catch {
    return false;
  }
}

function visibleArea(box: Box, view: Viewport): number {
  const w = Math.min(box.left + box.width, view.width) - Math.max(box.left, 0);
  const h = Math.min(box.top + box.height, view.height) - Math.max(box.top, 0);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * The picture the button goes on: of the large, loaded pictures mostly in view, the one showing most that the
 * product names (its main picture, or the post's pictures); failing that, for a page whose pictures are
 * addressed differently, the largest picture in the page's first screen and a half. Null when none fits.
 */
export function choosePicture(
  pictures: readonly PictureOnPage[],
  productImages: readonly string[],
  view: Viewport,
): number | null {
  let named: { index: number; area: number } | null = null;
  let unnamed: { index: number; area: number } | null = null;
  for (const [index, picture] of pictures.entries()) {
    const { box } = picture;
    if (!picture.loaded || box.width < MIN_SIDE || box.height < MIN_SIDE) continue;
    const area = visibleArea(box, view);
    if (area < MIN_VISIBLE_SHARE * box.width * box.height) continue;
    if (namesPicture(picture.src, productImages)) {
      if (!named || area > named.area) named = { index, area };
      continue;
    }
    const nearTop = box.top + view.scrollY < view.height * 1.5;
    if (nearTop && box.width >= MIN_SIDE_UNNAMED && box.height >= MIN_SIDE_UNNAMED)
      if (!unnamed || area > unnamed.area) unnamed = { index, area };
  }
  return (named ?? unnamed)?.index ?? null;
}

/**
 * The spots the button may take on a picture, best first: its corners (top left, bottom left, top right,
 * bottom right — carousels put their arrows mid-side and their dots mid-bottom), each inside both the picture
 * and the viewport. The DOM side takes the first that covers none of the page's own controls.
 */
export function buttonSpots(picture: Box, button: { width: number; height: number }, view: Viewport): Box[] {
  const left = picture.left + INSET;
  const right = picture.left + picture.width - INSET - button.width;
  const top = picture.top + INSET;
  const bottom = picture.top + picture.height - INSET - button.height;
  const spots: Box[] = [
    { left, top, ...button },
    { left, top: bottom, ...button },
    { left: right, top, ...button },
    { left: right, top: bottom, ...button },
  ];
  return spots.filter(
    (s) =>
      right >= left &&
      bottom >= top &&
      s.left >= 0 &&
      s.top >= 0 &&
      s.left + s.width <= view.width &&
      s.top + s.height <= view.height,
  );
}
