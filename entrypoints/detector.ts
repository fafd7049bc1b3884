import { detectProduct } from '../core/detect';
import type { DetectedProduct } from '../core/detect/types';

/**
 * The detection engine, imported by the spotter (`import(runtime.getURL('/detector.js'))`) only after its cheap
 * check found a product signal on the page, so pages without one never load it. It runs in the spotter's
 * isolated world and hands the engine over on a global of that world, which the page itself cannot see.
 */
export default defineUnlistedScript(() => {
  (
    globalThis as unknown as { sourcelensDetect?: (doc: Document, url: string) => DetectedProduct | null }
  ).sourcelensDetect = detectProduct;
});
