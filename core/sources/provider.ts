/**
 * What a wholesale source provider is, and the two things it needs from the outside world: a transport that
 * carries one HTTP-like exchange, and a reader for the signing token cookie (sources that sign). Everything in
 * core/sources is pure: the background decides how a request actually travels (a fetch from a page of the
 * source's own origin, the page's own request library, a tab a person looks at) from the routes the source
 * declares (definition.ts), and hands that in.
 */
import type * as v from 'valibot';
import type { OfferSkuSchema, SearchFiltersSchema, SORT_ORDERS } from './offer-schema';
import type { WholesaleOffer } from './types';

export type HttpMethod = 'GET' | 'POST';

/**
 * One request as the provider wants it sent. `query` and `form` are sent URL-encoded, in insertion order;
 * `multipart` as `multipart/form-data`. A request has at most one body: `form` or `multipart`.
 */
export interface GatewayRequest {
  method: HttpMethod;
  /** Absolute https URL without a query string. */
  url: string;
  /** Query parameters, appended to `url` with URLSearchParams encoding. */
  query: Record<string, string>;
  /** `application/x-www-form-urlencoded` body fields (POST only). */
  form?: Record<string, string>;
  /**
   * `multipart/form-data` text fields (POST only), in insertion order. The transport builds a FormData from them
   * (see requestFormData) and lets the runtime write the boundary and Content-Type; it must not set its own
   * Content-Type. Alibaba.com's image upload takes its picture this way (field `pictureBase`, a data: URL).
   */
  multipart?: Record<string, string>;
  /** Extra request headers; a transport that cannot set a header may ignore it. */
  headers?: Record<string, string>;
  /**
   * What the request is for, as a search's progress shows it: a `search` page, an image `upload`, a `token`
   * handshake retry (the same call signed again), an `offer-page`, a `suggest` call. Absent: part of a search.
   */
  step?: RequestStep;
  /**
   * What the transport is expected to bring back: an API answer (JSON or JSONP: the 1688 gateway, Alibaba.com's
   * `/search/api/…`) or a whole HTML page.
   */
  expect: 'gateway' | 'page';
}

export type RequestStep = 'search' | 'upload' | 'token' | 'offer-page' | 'suggest';

/** What came back, after redirects. */
export interface GatewayResponse {
  status: number;
  /** URL after redirects: walls and login pages are recognised by it. */
  finalUrl: string;
  /** Lower-case header names. Optional: page-script transports may not see headers. */
  headers?: Record<string, string>;
  text: string;
  /**
   * A transport that showed the page in a tab and let its scripts run may hand over the page's data object too
   * (read with the source's `offerPageData`), for pages whose markup does not carry it.
   */
  pageData?: unknown;
}

export interface Transport {
  /** Rejects with a TransportError (or any error) when the request could not be carried at all. */
  request(req: GatewayRequest, signal?: AbortSignal): Promise<GatewayResponse>;
}

/**
 * Why a transport could not carry a request. `away-redirect`: the source sent it on to another of its sites
 * (in practice its login page), which a page-world fetch can only see as a refused cross-origin redirect.
 * `timeout`: the request had no answer by its deadline.
 */
export type TransportFailure = 'unreachable' | 'away-redirect' | 'timeout';

export class TransportError extends Error {
  constructor(
    readonly failure: TransportFailure,
    message: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

/** Reads the source's signing token cookie (1688: `_m_h5_tk`, `<32 hex>_<expiry ms>`), or null when absent. */
export interface TokenStore {
  getToken(): Promise<string | null>;
}

export interface ProviderContext {
  transport: Transport;
  tokens: TokenStore;
  signal?: AbortSignal;
  /** Clock in epoch milliseconds; defaults to Date.now. */
  now?: () => number;
}

/** A person has to open `url` and pass a slider / check on the site itself. Never solved automatically. */
export interface NeedsVerification {
  state: 'needs-verification';
  url: string;
  /**
   * Short machine reason: 'ret:RGV587_ERROR', 'url', 'title', 'slider-markup', 'possible-block', 'header:bxpunish',
   * 'body:<mark>', or 'deny' — the check page refused access outright (`action=deny`): nothing for the person to
   * pass, only to wait.
   */
  reason: string;
}

export interface NeedsLogin {
  state: 'needs-login';
  url: string;
}

export interface Throttled {
  state: 'throttled';
  retryAfterMs: number;
  reason: string;
}

/**
 * What went wrong, as a value callers branch on (never on the message text): `input` — nothing to search
 * (empty query, not a JPEG, not an offer id); `unsupported` — the source does not do this; `transport` — no
 * transport could carry the request; `away-redirect` — the source sent the request to another of its sites
 * (its login page); `aborted`; `timeout` — no answer by the call's deadline; `http` — an HTTP error status; `answer` — an answer that could not be read;
 * `refused` — the source answered with a failure of its own (service failure, token handshake given up).
 */
export type SourceErrorKind =
  | 'input'
  | 'unsupported'
  | 'transport'
  | 'away-redirect'
  | 'aborted'
  | 'timeout'
  | 'http'
  | 'answer'
  | 'refused';

export interface SourceError {
  state: 'error';
  kind: SourceErrorKind;
  message: string;
}

export const sourceError = (kind: SourceErrorKind, message: string): SourceError => ({
  state: 'error',
  kind,
  message,
});

/**
 * The error for a call whose signal fired: `timeout` when it was the call's deadline (`AbortSignal.timeout`, or
 * any reason named TimeoutError), `aborted` when someone cancelled it.
 */
export function abortedError(signal: AbortSignal | undefined): SourceError {
  const reason: unknown = signal?.reason;
  const timedOut =
    typeof reason === 'object' && reason !== null && (reason as { name?: unknown }).name === 'TimeoutError';
  return timedOut
    ? sourceError('timeout', 'no answer before the deadline')
    : sourceError('aborted', 'aborted');
}

/** A transport's rejection as the provider reports it (a fired signal is a timeout or a cancellation). */
export function transportFailed(err: unknown, signal?: AbortSignal): SourceError {
  if (signal?.aborted) return abortedError(signal);
  const message = `transport failed: ${err instanceof Error ? err.message : String(err)}`;
  if (err instanceof TransportError && err.failure === 'timeout') return sourceError('timeout', message);
  return sourceError(
    err instanceof TransportError && err.failure === 'away-redirect' ? 'away-redirect' : 'transport',
    message,
  );
}

export type WallState = NeedsVerification | NeedsLogin | Throttled;

/**
 * The source answered well-formed (HTTP 200, no wall, the call succeeded) but in none of the shapes its parser
 * knows, or with a required field missing on most items: the site changed (see drift.ts). `shape` is the
 * answer's keys and value types, never its values.
 */
export interface Unrecognised {
  state: 'unrecognised';
  call: 'search' | 'image-upload' | 'image-search' | 'offer-page' | 'suggest';
  shape: string;
  /** What was expected and not found ("no offer list", "most items lack an offer id"). */
  reason: string;
}

export type Outcome<T> = ({ state: 'ok' } & T) | WallState | SourceError | Unrecognised;

export type SortOrder = (typeof SORT_ORDERS)[number];

export type SearchFilters = v.InferOutput<typeof SearchFiltersSchema>;

export interface SearchOptions {
  /** 1-based page. */
  page?: number;
  /** Capped at the source's maximum (60 on 1688). */
  pageSize?: number;
  sort?: SortOrder;
  filters?: SearchFilters;
  /**
   * Paging session id: pass the `pageId` an earlier page returned to get the next page of the same result list.
   * A new id per search session; a fresh id on page N returns near-duplicates of page 1.
   */
  pageId?: string;
}

export interface SearchPage {
  offers: WholesaleOffer[];
  hasMore: boolean;
  /** Paging session id to pass back for the next page. */
  pageId: string | null;
  /** Total matches the source reports, when it does. */
  total: number | null;
  /** Image search only: the uploaded image's id (reusable for paging). */
  imageId?: string;
}

export type SearchResult = Outcome<SearchPage>;

/** One variant as an offer page lists it: declared once, by its schema (offer-schema.ts `OfferSkuSchema`). */
export type OfferSku = v.InferOutput<typeof OfferSkuSchema>;

export interface OfferDetail {
  offer: WholesaleOffer;
  skus: OfferSku[];
  /**
   * Whether the page carried a variant (SKU) map at all. False: the variants were not loaded (current pages can
   * leave them to a later call), so an empty `skus` means "not known", never "no variants".
   */
  skusKnown: boolean;
  /** Which page generation the data came from. */
  generation: 'context' | 'init-data';
}

export interface Delisted {
  state: 'delisted';
  offerId: string | null;
}

export type OfferResult = Outcome<OfferDetail> | Delisted;

export type SuggestResult = Outcome<{ suggestions: string[] }>;

/** What readOffer accepts: an id to fetch, a page's HTML, or a page data object read in the MAIN world. */
export type OfferInput =
  | string
  | { offerId: string }
  | { html: string; url?: string }
  | { data: unknown; offerId?: string };

/**
 * The calls a source answers. What it is called, where it lives and what it supports is its definition
 * (definition.ts); a provider instance keeps small per-instance state (the empty-answer counter).
 */
export interface SourceProvider {
  searchByKeywords(query: string, options: SearchOptions, ctx: ProviderContext): Promise<SearchResult>;
  /** `jpegBase64`: base64 of a JPEG (no data: prefix needed; one is stripped). */
  searchByImage(
    jpegBase64: string,
    options: SearchOptions & { imageId?: string },
    ctx: ProviderContext,
  ): Promise<SearchResult>;
  readOffer(input: OfferInput, ctx: ProviderContext): Promise<OfferResult>;
  suggest(prefix: string, ctx: ProviderContext): Promise<SuggestResult>;
}

/** The full URL a transport should request: `url` plus the URL-encoded `query`. */
export function requestUrl(req: Pick<GatewayRequest, 'url' | 'query'>): string {
  const qs = new URLSearchParams(req.query).toString();
  if (!qs) return req.url;
  return req.url + (req.url.includes('?') ? '&' : '?') + qs;
}

/** The URL-encoded form body, or undefined for requests without one (multipart requests included). */
export function requestBody(req: Pick<GatewayRequest, 'form'>): string | undefined {
  return req.form ? new URLSearchParams(req.form).toString() : undefined;
}

/** The multipart body as a FormData (text fields only), or undefined for requests without one. */
export function requestFormData(req: Pick<GatewayRequest, 'multipart'>): FormData | undefined {
  if (!req.multipart) return undefined;
  const fd = new FormData();
  for (const [name, value] of Object.entries(req.multipart)) fd.append(name, value);
  return fd;
}
