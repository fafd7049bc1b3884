/**
 * Product detection on a page (`Document` + URL), pure TypeScript: site adapters first, then schema.org
 * JSON-LD, microdata, RDFa, OpenGraph, Twitter cards and visible-DOM heuristics, per field.
 */
export { detectProduct } from './engine';
/** Cheap pre-check (well under a millisecond): an adapter's URL, or product markup in the page. */
export { hasProductSignal } from './signal';
export type { DetectedProduct } from './types';
