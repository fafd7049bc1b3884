// Bundled by scripts/bench.mjs into one IIFE and injected into saved pages in Chromium: the same code path
// the spotter content script runs (signal check first, then the engine).
import { detectProduct } from '../../core/detect';
import { hasProductSignal } from '../../core/detect/signal';

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

(globalThis as unknown as { __sourcelensBench: unknown }).__sourcelensBench = { timeSpotter };
