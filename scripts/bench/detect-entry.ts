// Bundled by scripts/bench.mjs into one IIFE and injected into saved pages in Chromium: the same code path
// the spotter content script runs (signal check first, then the engine).
import { detectProduct } from '../../core/detect';
import { hasProductSignal } from '../../core/detect/signal';
import { hashBitmap } from '../../entrypoints/background/image-hash';
import { decodeBitmap } from '../../entrypoints/background/picture';

function spotterPath(): unknown {
  const url = location.href;
  if (!hasProductSignal(document, url)) return null;
  return detectProduct(document, url);
}

/**
 * The floor under the spotter on this page: one bare walk over every element of the document (a TreeWalker,
 * reading each element's tag name), the least any reading of the page's elements costs.
 */
function bareWalk(): number {
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_ELEMENT);
  let n = 0;
  for (let el = walker.currentNode; el; el = walker.nextNode() as Node) n += (el as Element).tagName.length;
  return n;
}

/** Mean time of `fn` over a batch of at least 2 ms (page clocks are coarse: 0.1 ms). */
function batch(fn: () => unknown): number {
  let runs = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    fn();
    runs += 1;
    elapsed = performance.now() - start;
  } while (elapsed < 2 && runs < 1000);
  return elapsed / runs;
}

/**
 * Times the spotter path and, interleaved with it (so both meet the same load), the bare walk: `samples` samples
 * each after one warm-up run of both.
 */
function timeSpotter(samples: number): { ms: number[]; walkMs: number[]; found: boolean } {
  const found = spotterPath() !== null;
  bareWalk();
  const ms: number[] = [];
  const walkMs: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    ms.push(batch(spotterPath));
    walkMs.push(batch(bareWalk));
  }
  return { ms, walkMs, found };
}

/**
 * Times hashing one 800×800 JPEG with the background's own code less the fetch: `decodeBitmap`
 * (entrypoints/background/picture.ts, createImageBitmap) and `hashBitmap` (image-hash.ts: draw at 32×32 on an
 * OffscreenCanvas, read pixels, dHash), exactly as `hashPicture` chains them; and, in turns with it, the floor:
 * decoding the same JPEG alone.
 */
async function timeDhash(samples: number): Promise<{ ms: number[]; decodeMs: number[] }> {
  const source = new OffscreenCanvas(800, 800);
  const g = source.getContext('2d') as OffscreenCanvasRenderingContext2D;
  // A photo-like picture: gradients, shapes and fine noise, so the JPEG is not trivially small.
  const grad = g.createLinearGradient(0, 0, 800, 800);
  grad.addColorStop(0, '#c2410c');
  grad.addColorStop(1, '#1d4ed8');
  g.fillStyle = grad;
  g.fillRect(0, 0, 800, 800);
  for (let i = 0; i < 400; i += 1) {
    g.fillStyle = `hsl(${(i * 37) % 360} 60% ${30 + (i % 40)}%)`;
    g.fillRect((i * 97) % 800, (i * 57) % 800, 20 + (i % 60), 10 + (i % 40));
  }
  const jpeg = await source.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
  const ms: number[] = [];
  const decodeMs: number[] = [];
  for (let i = 0; i <= samples; i += 1) {
    // Alternately first, so neither gains from the other having just warmed the decoder.
    for (const which of i % 2 ? (['decode', 'hash'] as const) : (['hash', 'decode'] as const)) {
      const start = performance.now();
      const bitmap = await decodeBitmap(jpeg);
      if (which === 'hash') hashBitmap(bitmap);
      bitmap.close();
      // The first round warms up the decoder.
      if (i > 0) (which === 'hash' ? ms : decodeMs).push(performance.now() - start);
    }
  }
  return { ms, decodeMs };
}

(globalThis as unknown as { __sourcelensBench: unknown }).__sourcelensBench = { timeSpotter, timeDhash };
