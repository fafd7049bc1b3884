import type * as v from 'valibot';
import type { AVAILABILITIES, DETECT_LAYERS, DetectedProductSchema } from './product-schema';

/** Where a field's value came from, in order of trust. */
export type DetectLayer = (typeof DETECT_LAYERS)[number];

export type Availability = (typeof AVAILABILITIES)[number] | null;

/**
 * What the spotter reports for one page (declared once, as the schema the background checks it with: see
 * product-schema.ts). Every string is plain text (no markup), bounded in length; every URL is absolute http(s).
 * `null` means "not found", never a guess.
 */
export type DetectedProduct = v.InferOutput<typeof DetectedProductSchema>;
