/**
 * Schema parts for values that cross from a hostile page into the background (valibot). The product and offer
 * shapes are declared once, as schemas (core/detect/product-schema.ts, core/sources/offer-schema.ts); their
 * TypeScript types are inferred from them, so a field cannot be in one and missing from the other. Every string
 * is bounded and every URL is absolute http(s).
 */
import * as v from 'valibot';

export const httpUrl = v.pipe(
  v.string(),
  v.maxLength(2048),
  v.url(),
  v.regex(/^https?:\/\//i, 'must be http(s)'),
);
export const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
export const currencyCode = v.pipe(v.string(), v.regex(/^[A-Z]{3}$/, 'ISO 4217 code'));
/** An amount in integer minor units (core/money.ts). */
export const minorUnits = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));
/** A count (pieces, orders, years); null when unknown. */
export const count = v.nullable(
  v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER)),
);

export const MoneySchema = v.object({ minor: minorUnits, currency: currencyCode });
