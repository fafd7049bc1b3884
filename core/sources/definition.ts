/**
 * What a wholesale source is, declared once in its own folder (`1688/source.ts`, `alibaba/source.ts`) and listed
 * in the registry (`index.ts`): its id and name, the hosts it is reached on, the pages a person opens there,
 * what it supports, and the routes a request may travel by. Everything else — the background's transports and
 * politeness hosts, the manifest's host permissions, the message schema's source ids, the side panel's source
 * picker and its feature switches — is derived from these definitions, so adding a source touches nothing else.
 * Pure data and pure functions: no `browser.*`.
 */
import type { GatewayRequest, SearchFilters, SortOrder, SourceProvider } from './provider';

/**
 * Serialised into a tab of the source that a person has open, and run in the page's own world: the site's own
 * request library sends `req` (it signs by itself). Resolves to the answer as text, or null when the page has
 * no such library or it did not answer within `timeoutMs`. It must be self-contained: it runs in the page,
 * where nothing it imported exists.
 */
export type PageLibraryCall = (
  req: GatewayRequest,
  timeoutMs: number,
) => Promise<{ status: number; finalUrl: string; text: string } | null>;

/**
 * Serialised into an offer page of the source after its scripts ran, in the page's own world: the page's data
 * object as plain JSON data (the offer reader's fallback for pages that build their data by script), or null.
 * Self-contained, like PageLibraryCall.
 */
export type PageDataReader = () => unknown;

/**
 * One way a request reaches the source, tried in the order declared; the first that carries it serves it and
 * its id is shown to the person as how the answer came (`labelKey`, a message in `_locales`).
 */
export type SourceRoute =
  /** A fetch straight from the service worker, no tab; only when the person turned direct requests on. */
  | { readonly id: string; readonly kind: 'direct'; readonly labelKey: string }
  /** A fetch from the page world of an inactive tab kept open on `origin`: first-party, same-origin. */
  | { readonly id: string; readonly kind: 'origin-tab'; readonly origin: string; readonly labelKey: string }
  /**
   * The site's own request library in a tab the person already has open on one of `tabs` (match patterns),
   * other than `skipOrigin` (the helper tab, which has no such library).
   */
  | {
      readonly id: string;
      readonly kind: 'page-library';
      readonly tabs: readonly string[];
      readonly skipOrigin?: string;
      readonly call: PageLibraryCall;
      readonly labelKey: string;
    };

/** Where a filter is applied: sent to the source, applied here to what it answered, or not offered. */
export type FilterSupport = 'source' | 'here' | null;

export interface SourceFeatures {
  imageSearch: boolean;
  /** Query suggestions while the person types. */
  suggestions: boolean;
  /** An offer's own page read on request (every tier, variants, dropshipping). */
  offerPages: boolean;
  /** The orders the source can sort by; the first is its default. */
  sorts: readonly SortOrder[];
  filters: { readonly [K in keyof Required<SearchFilters>]: FilterSupport };
}

/** Person-facing pages on the source. Every URL is https. */
export interface SourcePages {
  home: string;
  /** Where a person passes a check: the wall's own URL when the source gave a trusted one, else a search page. */
  verify(wallUrl?: unknown, query?: string | null): string;
  /** The sign-in page: the redirect's target when it is a trusted login page, else the source's own. */
  login(redirected?: string | null): string;
  /** The results page a person would see for `query`, opened when no route reaches the source. */
  results(query: string, sort: SortOrder): string;
  /** An offer's own page, or null for an id the source would not have. */
  offer(offerId: string): string | null;
  /**
   * The supplier's chat or contact entry for an offer (https, opened in a normal tab while the inquiry is on the
   * clipboard); null when the offer lacks what the entry needs — the panel then opens the offer's own page.
   */
  contact?(offer: ContactOffer): string | null;
}

/** What a source's contact entry may be built from: the offer's id, its page and the supplier's ids. */
export interface ContactOffer {
  readonly offerId: string;
  readonly url: string;
  readonly supplier: { readonly loginId: string | null; readonly memberId: string | null };
}

export interface SourceDefinition {
  /** Stable id: offer keys (`<id>:<offerId>`), cache keys, messages. */
  readonly id: string;
  /** The name in logs, command-line output and tests; people see `labelKey`. */
  readonly name: string;
  /** The `_locales` message with the name people see. */
  readonly labelKey: string;
  /**
   * Hosts requests go to; each keeps its own politeness slots and back-off. Offer pages are a host of their
   * own so reading one does not hold up searches; one check passed on the source clears them all.
   */
  readonly hosts: { readonly search: string; readonly offerPages?: string };
  /** Match patterns of the source's sites: the manifest's host permissions, and where requests may go. */
  readonly sites: readonly string[];
  readonly pages: SourcePages;
  readonly supports: SourceFeatures;
  /**
   * How the proposed query is written from a product's title: Chinese product words (titles in other languages
   * mapped through the glossary) for a Chinese site, or the title's own words for an international one.
   */
  readonly queryWords: 'chinese' | 'own';
  /**
   * The language a message to the source's suppliers is written in: Chinese for a domestic site (with an English
   * gloss for the person), English for an international one (core/inquiry/).
   */
  readonly inquiryLanguage: 'zh' | 'en';
  /** Requests to the search host, by route, in the order tried. */
  readonly routes: readonly SourceRoute[];
  /**
   * Offer pages (`supports.offerPages`): how to read a page's data object after its scripts ran, for pages whose
   * fetched HTML does not carry it. Without it the rendered markup is read instead.
   */
  readonly offerPageData?: PageDataReader;
  /** The cookie a signed request's token is read from, on `origin`; null when requests are not signed. */
  readonly token: { readonly cookie: string; readonly origin: string } | null;
  /**
   * A new provider instance (providers keep small per-instance state such as the empty-answer counter). Async:
   * the provider module (protocol, parsers) is imported on demand, so extension pages that only read the
   * definition (labels, what it supports) stay small.
   */
  create(): Promise<SourceProvider>;
}

/**
 * Declares a source, keeping its literal ids and message keys as types (so the registry can derive the union
 * of source ids, and the UI's typed translator checks every label key).
 */
export function defineSource<const D extends SourceDefinition>(definition: D): D {
  return definition;
}
