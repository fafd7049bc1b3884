/**
 * What a row of each table may hold, checked on every row of a backup before anything is written. A restore
 * reads a file from anywhere, so rows are held to the shapes the app writes (storage/types.ts), with every
 * string bounded, every number in range and every URL absolute http(s) (core/url.ts `safeHttpUrl`, the one
 * judge of URLs SourceLens opens). Strict objects: a key the app never writes is a damaged or foreign row.
 *
 * A field added to a stored type must be added here too (optional, when rows written before it lack it): the
 * round-trip test (tests/unit/storage/backup/restore.test.ts) backs up rows written by the app's own code.
 */
import * as v from 'valibot';
import { AVAILABILITIES } from '../../core/detect/product-schema';
import {
  MAX_STORED_SKUS,
  OfferSkuSchema,
  PriceTierSchema,
  StoredVariantsSchema,
  SupplierFactsSchema,
  WholesaleOfferSchema,
} from '../../core/sources/offer-schema';
import { safeHttpUrl } from '../../core/url';
import { count, currencyCode, minorUnits, text } from '../../core/wire';
import { blockProblem, MAX_BLOCK_POINTS } from '../price-blocks';
import { SHORTLIST_STATUSES } from '../types';

const url = v.pipe(
  v.string(),
  v.maxLength(2048),
  v.check((s) => safeHttpUrl(s) !== null, 'must be an http(s) address'),
);
/** Epoch milliseconds, within what Date can hold. */
const time = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15));
const key = (max: number) => v.pipe(v.string(), v.minLength(1), v.maxLength(max));
const id = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(Number.MAX_SAFE_INTEGER));
const tiers = v.pipe(v.array(PriceTierSchema), v.maxLength(20));

const ProductRow = v.strictObject({
  key: key(2100),
  kind: v.picklist(['product', 'social-candidate']),
  site: text(40),
  itemId: v.nullable(text(100)),
  title: text(300),
  text: v.nullable(text(2000)),
  url,
  images: v.pipe(v.array(url), v.maxLength(20)),
  brand: v.nullable(text(100)),
  sku: v.nullable(text(100)),
  gtin: v.nullable(text(100)),
  availability: v.nullable(v.picklist(AVAILABILITIES)),
  priceMinor: v.nullable(minorUnits),
  priceMaxMinor: v.nullable(minorUnits),
  currency: v.nullable(currencyCode),
  firstSeenAt: time,
  lastSeenAt: time,
});

const OfferRow = v.strictObject({
  ...WholesaleOfferSchema.entries,
  url,
  images: v.pipe(v.array(url), v.maxLength(20)),
  supplier: v.strictObject({ ...SupplierFactsSchema.entries, shopUrl: v.nullable(url) }),
  key: key(80),
  firstSeenAt: time,
  lastSeenAt: time,
  variants: v.optional(
    v.strictObject({
      ...StoredVariantsSchema.entries,
      skus: v.pipe(v.array(v.strictObject(OfferSkuSchema.entries)), v.maxLength(MAX_STORED_SKUS)),
    }),
  ),
});

const pricePoint = {
  subjectKey: key(2100),
  subjectKind: v.picklist(['product', 'offer']),
  minor: minorUnits,
  maxMinor: v.nullable(minorUnits),
  currency: currencyCode,
  at: time,
  where: url,
  via: v.picklist(['spotter', 'search', 'harvest', 'offer-page', 'refresh']),
  tiers: v.optional(tiers),
};

const ObservationRow = v.strictObject({
  ...pricePoint,
  id: v.optional(id),
  detailAt: v.optional(time),
  highMinor: v.optional(minorUnits),
});

const LatestRow = v.strictObject(pricePoint);

const { subjectKey: _subject, subjectKind, ...pointFields } = pricePoint;

/** A block's rows are checked as the app writes them (storage/price-blocks.ts `blockProblem`). */
const BlockRow = v.pipe(
  v.strictObject({
    subjectKey: key(2100),
    start: time,
    subjectKind,
    points: v.pipe(
      v.array(
        v.strictObject({ ...pointFields, detailAt: v.optional(time), highMinor: v.optional(minorUnits) }),
      ),
      v.minLength(1),
      v.maxLength(MAX_BLOCK_POINTS),
    ),
    size: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_BLOCK_POINTS)),
    detailFrom: v.optional(time),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const problem = blockProblem(dataset.value);
    if (problem) addIssue({ message: problem });
  }),
);

const status = v.picklist(SHORTLIST_STATUSES);
const ShortlistRow = v.strictObject({
  id: v.optional(id),
  offerKey: key(80),
  productKey: v.nullable(key(2100)),
  note: text(2000),
  tags: v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(30))), v.maxLength(20)),
  status,
  statusHistory: v.pipe(v.array(v.strictObject({ status, at: time })), v.minLength(1), v.maxLength(200)),
  quantity: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000_000))),
  targetPriceMinor: v.optional(v.nullable(minorUnits)),
  addedAt: time,
});

const LookupRow = v.strictObject({
  key: key(4000),
  source: text(20),
  query: text(2000),
  offerKeys: v.pipe(v.array(key(80)), v.maxLength(1000)),
  paging: v.strictObject({
    hasMore: v.boolean(),
    pageId: v.nullable(text(2048)),
    total: count,
    imageId: v.nullable(text(2048)),
    lastPage: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000))),
    filteredHere: v.pipe(
      v.array(v.picklist(['province', 'city', 'maxMinOrder', 'dropship'])),
      v.maxLength(10),
    ),
    sortedHere: v.boolean(),
  }),
  fetchedAt: time,
  expiresAt: time,
});

const ImageHashRow = v.strictObject({
  url,
  hash: v.nullable(v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/, 'a 64-bit hash in hex'))),
  error: v.nullable(text(500)),
  at: time,
  usedAt: v.optional(time),
});

/** One schema per table of the current database; a table missing here cannot be backed up (a test checks). */
export const ROW_SCHEMAS = {
  products: ProductRow,
  offers: OfferRow,
  priceObservations: ObservationRow,
  priceLatest: LatestRow,
  priceBlocks: BlockRow,
  shortlist: ShortlistRow,
  lookups: LookupRow,
  imageHashes: ImageHashRow,
} as const satisfies Record<string, v.GenericSchema>;

export type BackupTable = keyof typeof ROW_SCHEMAS;

export const isBackupTable = (name: string): name is BackupTable => Object.hasOwn(ROW_SCHEMAS, name);

/** A row checked against its table's schema: the row, or the first problem in words with its field path. */
export function checkRow(
  table: BackupTable,
  row: unknown,
): { ok: true; row: Record<string, unknown> } | { ok: false; problem: string } {
  const result = v.safeParse(ROW_SCHEMAS[table], row);
  if (result.success) return { ok: true, row: result.output as Record<string, unknown> };
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return { ok: false, problem: path ? `${path}: ${issue.message}` : issue.message };
}
