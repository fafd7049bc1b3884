/**
 * The normalised wholesale offer every source provider produces (declared once, as the schema the background
 * checks offers with: see offer-schema.ts). Absent facts are null, never invented. Prices are integer minor
 * units of `currency` (fen for CNY).
 */
import type * as v from 'valibot';
import type { PriceTierSchema, SupplierFactsSchema, WholesaleOfferSchema } from './offer-schema';

export type PriceTier = v.InferOutput<typeof PriceTierSchema>;
export type SupplierFacts = v.InferOutput<typeof SupplierFactsSchema>;
export type WholesaleOffer = v.InferOutput<typeof WholesaleOfferSchema>;
