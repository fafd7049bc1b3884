/**
 * Product detection on a page (`Document` + URL), pure TypeScript: site adapters first, then schema.org
 * JSON-LD, microdata, RDFa, OpenGraph, Twitter cards and visible-DOM heuristics, per field.
 */
import { ADAPTERS } from './adapters';
import { createDetector } from './engine';

export { adapterMatchPatterns } from './adapters';
export { createDetector, type Detector } from './engine';
export type { DetectedProduct } from './types';

const all = createDetector(ADAPTERS);

/** Cheap pre-check (well under a millisecond): an adapter's URL, or product markup in the page. */
export { hasProductSignal } from './signal';

/** The product a page shows, or null. Never throws; bounded work on huge pages. */
export const detectProduct = all.detectProduct;
