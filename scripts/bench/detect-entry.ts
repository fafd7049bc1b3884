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
 * Times the spotter path: `samples` samples after one warm-up run. Page clocks are coarse (0.1 ms), so a
 * sample repeats the path until at least 2 ms have passed and reports the mean of that batch.
 */
function timeSpotter(samples: number): { ms: number[]; found: boolean } {
  const found = spotterPath() !== null;
  const ms: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    let runs = 0;
    const start = performance.now();
    let elapsed = 0;
    do {
      spotterPath();
      runs += 1;
      elapsed = performance.now() - start;
    } while (elapsed < 2 && runs < 1000);
    ms.push(elapsed / runs);
  }
  return { ms, found };
}

/**
 * Times hashing one 800×800 JPEG with the background's own code less the fetch: `decodeBitmap`
 * (entrypoints/background/picture.ts, createImageBitmap) and `hashBitmap` (image-hash.ts: draw at 32×32 on an
 * OffscreenCanvas, read pixels, dHash), exactly as `hashPicture` chains them.
 */
async function timeDhash(samples: number): Promise<number[]> {
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
  for (let i = 0; i <= samples; i += 1) {
    const start = performance.now();
    const bitmap = await decodeBitmap(jpeg);
    hashBitmap(bitmap);
    bitmap.close();
    if (i > 0) ms.push(performance.now() - start); // the first run warms up the decoder
  }
  return ms;
}

(globalThis as unknown as { __sourcelensBench: unknown }).__sourcelensBench = { timeSpotter, timeDhash };
