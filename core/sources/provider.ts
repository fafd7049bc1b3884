/**
 * What a wholesale source provider is, and the two things it needs from the outside world: a transport that
 * carries one HTTP-like exchange, and a reader for the gateway token cookie. Everything in core/sources is pure:
 * the background decides how a request actually travels (a MAIN-world fetch on the gateway's origin, the page's
 * own `lib.mtop.request`, or a tab a person looks at) and hands that in.
 */
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
   * What the transport is expected to bring back: an API answer (JSON or JSONP: the 1688 gateway, Alibaba.com's
   * `/search/api/…`) or a whole HTML page.
   */
  expect: 'gateway' | 'page';
}

/** What came back, after redirects. */
export interface GatewayResponse {
  status: number;
  /** URL after redirects: walls and login pages are recognised by it. */
  finalUrl: string;
  /** Lower-case header names. Optional: page-script transports may not see headers. */
  headers?: Record<string, string>;
  text: string;
}

export interface Transport {
  request(req: GatewayRequest, signal?: AbortSignal): Promise<GatewayResponse>;
}

/** Reads the `_m_h5_tk` cookie value for the 1688 domain (`<32 hex>_<expiry ms>`), or null when absent. */
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
  /** Short machine reason: 'ret:RGV587_ERROR', 'url', 'title', 'slider-markup', 'possible-block'. */
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

export interface SourceError {
  state: 'error';
  message: string;
}

export type WallState = NeedsVerification | NeedsLogin | Throttled;

export type Outcome<T> = ({ state: 'ok' } & T) | WallState | SourceError;

export type SortOrder = 'relevance' | 'price-asc' | 'price-desc' | 'sales';

export interface SearchFilters {
  /** Province in Chinese as the site writes it ("浙江"). */
  province?: string;
  city?: string;
  /** Only offers whose minimum order is at most this (1688 `quantityBegin`). */
  maxMinOrder?: number;
  /** Only offers with dropshipping (一件代发). */
  dropship?: boolean;
}

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

export interface OfferSku {
  /** Spec path as the page shows it ("颜色>尺码" joined with ">"). */
  spec: string;
  skuId: string | null;
  specId: string | null;
  priceMinor: number | null;
  discountPriceMinor: number | null;
  stock: number | null;
}

export interface OfferDetail {
  offer: WholesaleOffer;
  skus: OfferSku[];
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

export interface SourceProvider {
  /** Stable id ("1688"). */
  readonly id: string;
  /** Name people see. */
  readonly label: string;
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
