import { describe, expect, it } from 'vitest';
import {
  buttonSpots,
  choosePicture,
  INSET,
  namesPicture,
  type PictureOnPage,
  pictureStem,
} from '../../../entrypoints/spotter.content/picture';

const view = { width: 1280, height: 720, scrollY: 0 };
const picture = (src: string, left: number, top: number, width: number, height = width, loaded = true) => ({
  src,
  box: { left, top, width, height },
  loaded,
});

describe('pictureStem / namesPicture: one picture across its CDN sizes', () => {
  it('takes the file name up to the first dot, less a trailing size', () => {
    expect(pictureStem('https://img.alicdn.com/imgextra/i1/2206/O1CN01abcTee_!!2206.jpg_400x400.jpg')).toBe(
      'O1CN01abcTee_!!2206',
    );
    expect(pictureStem('https://m.media-amazon.com/images/I/41abcDEF12L._AC_SX300_.jpg')).toBe('41abcDEF12L');
    expect(pictureStem('https://cdn.shop.example/files/amber-candle_600x.jpg?v=12')).toBe('amber-candle');
    expect(pictureStem('https://cdn.shop.example/1.jpg')).toBeNull();
    expect(pictureStem('not a url at all %%')).toBeNull();
  });

  it('matches the same address or the same file, nothing else', () => {
    const named = ['https://img.alicdn.com/imgextra/i1/2206/O1CN01abcTee_!!2206.jpg'];
    expect(
      namesPicture('https://gw.alicdn.com/imgextra/i1/2206/O1CN01abcTee_!!2206.jpg_q50.jpg_.webp', named),
    ).toBe(true);
    expect(namesPicture('https://img.alicdn.com/imgextra/i1/2206/O1CN01other_!!2206.jpg', named)).toBe(false);
    expect(namesPicture('https://shop.example/a.jpg', ['https://shop.example/a.jpg'])).toBe(true);
    expect(namesPicture('https://shop.example/a.jpg', ['https://shop.example/b.jpg'])).toBe(false);
  });
});

describe('choosePicture: the picture the button goes on', () => {
  const main = 'https://img.alicdn.com/i1/O1CN01mainPic_!!1.jpg';

  it('prefers the picture the product names, even over a larger one', () => {
    const pictures: PictureOnPage[] = [
      picture('https://shop.example/banner-wide.jpg', 0, 0, 1200, 300),
      picture(`${main}_400x400.jpg`, 10, 320, 380),
    ];
    expect(choosePicture(pictures, [main], view)).toBe(1);
  });

  it('skips thumbnails under 160 px, broken pictures and pictures mostly out of view', () => {
    expect(choosePicture([picture(main, 10, 10, 150)], [main], view)).toBeNull();
    expect(choosePicture([picture(main, 10, 10, 400, 400, false)], [main], view)).toBeNull();
    // 400 px high with 100 px left in view: a quarter showing.
    expect(choosePicture([picture(main, 10, -300, 400)], [main], view)).toBeNull();
    expect(choosePicture([picture(main, 10, -100, 400)], [main], view)).toBe(0);
  });

  it('of several named pictures (a post), takes the one showing most', () => {
    const pictures = [picture(main, 10, -150, 400), picture(main, 10, 300, 400)];
    expect(choosePicture(pictures, [main], view)).toBe(1);
  });

  it('falls back to a large picture near the top of the page only', () => {
    const other = 'https://shop.example/p/hero-shot-1.jpg';
    expect(choosePicture([picture(other, 10, 100, 300)], [main], view)).toBe(0);
    expect(choosePicture([picture(other, 10, 100, 200)], [main], view)).toBeNull();
    // Far down the page (scrolled to it): a review photo, not the main picture.
    expect(choosePicture([picture(other, 10, 100, 300)], [main], { ...view, scrollY: 3000 })).toBeNull();
  });
});

describe('buttonSpots: corners of the picture, inside it and the viewport', () => {
  const button = { width: 120, height: 28 };

  it('lists the four corners, top left first', () => {
    const spots = buttonSpots({ left: 100, top: 100, width: 400, height: 400 }, button, view);
    expect(spots.map((s) => [s.left, s.top])).toEqual([
      [100 + INSET, 100 + INSET],
      [100 + INSET, 500 - INSET - 28],
      [500 - INSET - 120, 100 + INSET],
      [500 - INSET - 120, 500 - INSET - 28],
    ]);
  });

  it('leaves out corners outside the viewport, and all of them on a picture too small for the button', () => {
    const partly = buttonSpots({ left: 100, top: -200, width: 400, height: 400 }, button, view);
    expect(partly.map((s) => s.top)).toEqual([200 - INSET - 28, 200 - INSET - 28]);
    expect(buttonSpots({ left: 0, top: 0, width: 100, height: 400 }, button, view)).toEqual([]);
  });
});
