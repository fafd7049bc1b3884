/**
 * Product detection on a page (`Document` + URL), pure TypeScript: site adapters first, then schema.org
 * JSON-LD, microdata, RDFa, OpenGraph, Twitter cards and visible-DOM heuristics, per field.
 */
import { ADAPTERS } from './adapters';
import { createDetector } from './engine';

export { adapterMatchPatterns } from './adapters';
export { createDetector, type Detector } from './engine';

import type { DetectedProduct } from './types';

export type { DetectedProduct } from './types';

// Built on first use, so importing this module has no side effects and bundles that never call
// detectProduct (the always-injected spotter on Chrome) leave the engine out.
let all: ReturnType<typeof createDetector> | undefined;

/** Cheap pre-check (well under a millisecond): an adapter's URL, or product markup in the page. */
export { hasProductSignal } from './signal';

/** The product a page shows, or null. Never throws; bounded work on huge pages. */
export function detectProduct(doc: Document, url: string): DetectedProduct | null {
  all ??= createDetector(ADAPTERS);
  return all.detectProduct(doc, url);
}
