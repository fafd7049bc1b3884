/**
 * The Alibaba.com wholesale source (international, export prices, MOQ and supplier profile): keyword search over
 * the result page, image search over the two `/search/api/` endpoints, product pages read on request, keyword
 * suggestions from the site's suggestion gateway. Pure: requests go through the injected transport. An answer
 * that is well-formed but in none of the shapes known here is `unrecognised` (see ../drift.ts), never "no
 * offers".
 */
import { parseLooseJson } from '../../text/loose-json';
import { plainText } from '../../text/plain-text';
import { htmlShapeOf, shapeOf, unrecognised } from '../drift';
import { cleanBase64, isJpegBase64 } from '../jpeg';
import type {
  GatewayRequest,
  GatewayResponse,
  OfferDetail,
  OfferInput,
  OfferResult,
  ProviderContext,
  SearchResult,
  SourceError,
  SourceProvider,
  SuggestResult,
  WallState,
} from '../provider';
import { sourceError, transportFailed } from '../provider';
import type { WholesaleOffer } from '../types';
import { offerIdOf } from '../util';
import { EmptyRunDetector, hostOf, throttledByMessage } from '../walls';
import {
  clampPage,
  hasMorePages,
  IMAGE_SEARCH_CURRENCY,
  imageSearchQuery,
  imageUploadFields,
  keywordSearchQuery,
  type PagingFacts,
  suggestQuery,
} from './params';
import { type ImageRegion, parseUploadAnswer } from './parse-image';
import { type ParsedOfferPage, parseDetailData, parseOfferPage } from './parse-offer-page';
import { pageBlocks, parseSearchPage } from './parse-page';
import { parseSearchAnswer } from './parse-search';
import { parseSuggestAnswer } from './parse-suggest';
import {
  ERROR_HOST_RE,
  IMAGE_SEARCH_URL,
  IMAGE_UPLOAD_URL,
  productUrl,
  SEARCH_ORIGIN,
  SEARCH_PAGE_URL,
  SUGGEST_URL,
  searchPageUrl,
} from './urls';
import { classifyAlibabaHttp, classifyAnswerBody } from './walls';

export interface ProviderAlibabaOptions {
  /**
   * Empty answers in a row, for different searches, that count as a possible block. Default 2: a throttled
   * Alibaba.com answers `offers: []` with success, and stays that way for many minutes.
   */
  emptyRunThreshold?: number;
}

/** Uploaded images whose regions are remembered, so a later page can be asked for with its image path alone. */
const REMEMBERED_IMAGES = 20;
/** Searches whose first-page size is remembered (the site's page size is whatever its first page held). */
const REMEMBERED_SEARCHES = 50;

/**
 * `OfferDetail.generation` names the page generation the data came from. Alibaba.com product pages have one
 * known generation, whose data object (`window.detailData`) is the page's own context object — what the name
 * `context` means for 1688's pages. (The recognised shape itself is `ParsedOfferPage.shape`.)
 */
const DETAIL_GENERATION: OfferDetail['generation'] = 'context';

/** The first object of each block a result page assigns: its shape is what a drift report shows. */
function firstBlocks(html: string): Record<string, unknown> {
  return Object.fromEntries([...pageBlocks(html)].map(([name, objects]) => [name, objects[0]]));
}

/** A bounded map: the oldest entry goes when it is full. */
function remember<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > max) {
    const oldest = map.keys().next().value;
    if (oldest === undefined) break;
    map.delete(oldest);
  }
}

export function createAlibabaProvider(opts: ProviderAlibabaOptions = {}): SourceProvider {
  const empties = new EmptyRunDetector(opts.emptyRunThreshold ?? 2);
  const regionsByImage = new Map<string, ImageRegion[]>();
  const firstPageSize = new Map<string, number>();

  async function send(ctx: ProviderContext, req: GatewayRequest): Promise<GatewayResponse | SourceError> {
    try {
      return await ctx.transport.request(req, ctx.signal);
    } catch (err) {
      return transportFailed(err, ctx.signal);
    }
  }

  /** Walls at the HTTP level, then inside an API answer's body; null when the answer can be read. */
  function wallOf(
    ctx: ProviderContext,
    res: GatewayResponse,
    keywords: string | null,
    api: boolean,
  ): WallState | null {
    const wall = classifyAlibabaHttp(res, { keywords, now: (ctx.now ?? Date.now)() });
    if (wall) return wall;
    return api ? classifyAnswerBody(res.text, { keywords }) : null;
  }

  /** Block check and paging shared by both searches. */
  function finish(
    facts: PagingFacts & { offers: WholesaleOffer[] },
    page: number,
    key: string,
    verifyAt: string,
    imageId?: string,
  ): SearchResult {
    // Only a first page counts when empty: a later page past the end is empty by nature.
    if ((facts.rawCount > 0 || page === 1) && empties.record(facts.rawCount, key)) {
      empties.reset();
      return { state: 'needs-verification', url: verifyAt, reason: 'possible-block' };
    }
    if (page === 1 && facts.rawCount > 0) remember(firstPageSize, key, facts.rawCount, REMEMBERED_SEARCHES);
    return {
      state: 'ok',
      // The minimum-order filter is applied by the caller (core/sources/refine.ts): the site takes none.
      offers: facts.offers,
      hasMore: hasMorePages(page, { ...facts, pageSize: facts.pageSize ?? firstPageSize.get(key) ?? null }),
      pageId: null,
      total: facts.total,
      ...(imageId ? { imageId } : {}),
    };
  }

  function remembered(imagePath: string, regions: ImageRegion[]): void {
    remember(regionsByImage, imagePath, regions, REMEMBERED_IMAGES);
  }

  async function readPage(ctx: ProviderContext, offerId: string): Promise<OfferResult> {
    const url = productUrl(null, offerId);
    if (!url) return sourceError('input', 'not an Alibaba.com product id');
    const res = await send(ctx, { method: 'GET', url, query: {}, expect: 'page', step: 'offer-page' });
    if ('state' in res) return res;
    // A removed product is sent to the error host or answered 404/410 (one public client).
    const host = hostOf(res.finalUrl);
    if (res.status === 404 || res.status === 410 || (host && ERROR_HOST_RE.test(host)))
      return { state: 'delisted', offerId };
    const wall = wallOf(ctx, res, null, false);
    if (wall) return wall;
    if (res.status >= 400) return sourceError('http', `product page: HTTP ${res.status}`);
    return offerResult(parseOfferPage(res.text, { url: res.finalUrl || url }), res.text, offerId);
  }

  /** A parsed product page as the provider answers it. */
  function offerResult(parsed: ParsedOfferPage, html: string | null, offerId: string | null): OfferResult {
    switch (parsed.state) {
      case 'ok':
        return {
          state: 'ok',
          offer: parsed.offer,
          skus: parsed.skus,
          skusKnown: parsed.skusKnown,
          generation: DETAIL_GENERATION,
        };
      case 'delisted':
        return { state: 'delisted', offerId: parsed.offerId ?? offerId };
      case 'unrecognised':
        return unrecognised(
          'offer-page',
          parsed.data !== undefined || html === null ? shapeOf(parsed.data) : htmlShapeOf(html),
          parsed.reason,
        );
    }
  }

  return {
    async searchByKeywords(query, options, ctx) {
      const keywords = plainText(query, 100);
      if (!keywords) return sourceError('input', 'empty query');
      const page = clampPage(options.page);
      const res = await send(ctx, {
        method: 'GET',
        url: SEARCH_PAGE_URL,
        query: keywordSearchQuery(keywords, page),
        expect: 'page',
        step: 'search',
      });
      if ('state' in res) return res;
      const wall = wallOf(ctx, res, keywords, false);
      if (wall) return wall;
      if (res.status >= 400) return sourceError('http', `search page: HTTP ${res.status}`);
      const parsed = parseSearchPage(res.text);
      if (!parsed.found) {
        // No result data: a check page that kept the search URL, or a layout this parser does not know.
        return (
          classifyAnswerBody(res.text, { keywords }) ??
          unrecognised('search', htmlShapeOf(res.text), 'no offer list in the page data')
        );
      }
      if (parsed.drift) return unrecognised('search', shapeOf(firstBlocks(res.text)), parsed.drift);
      return finish(parsed, page, `kw:${keywords.toLowerCase()}`, searchPageUrl(keywords));
    },

    async searchByImage(jpegBase64, options, ctx) {
      const page = clampPage(options.page);
      let imagePath = options.imageId && options.imageId.length <= 2048 ? options.imageId : undefined;
      let regions = imagePath ? (regionsByImage.get(imagePath) ?? []) : [];
      if (!imagePath) {
        const b64 = cleanBase64(jpegBase64);
        if (!isJpegBase64(b64)) return sourceError('input', 'image search needs a JPEG');
        const up = await send(ctx, {
          method: 'POST',
          url: IMAGE_UPLOAD_URL,
          step: 'upload',
          query: {},
          multipart: imageUploadFields(b64),
          expect: 'gateway',
        });
        if ('state' in up) return up;
        const wall = wallOf(ctx, up, null, true);
        if (wall) return wall;
        if (up.status >= 400) return sourceError('http', `upload: HTTP ${up.status}`);
        const json = parseLooseJson(up.text);
        const answer = parseUploadAnswer(json);
        if (answer.state === 'unrecognised')
          return unrecognised('image-upload', shapeOf(json), answer.reason);
        if (answer.state === 'failed')
          return throttledByMessage(answer.message) ?? sourceError('refused', `upload: ${answer.message}`);
        imagePath = answer.imagePath;
        regions = answer.regions;
        remembered(imagePath, regions);
      }
      const res = await send(ctx, {
        method: 'GET',
        url: IMAGE_SEARCH_URL,
        query: imageSearchQuery(imagePath, regions, page),
        expect: 'gateway',
        step: 'search',
      });
      if ('state' in res) return res;
      const wall = wallOf(ctx, res, null, true);
      if (wall) return wall;
      if (res.status >= 400) return sourceError('http', `image search: HTTP ${res.status}`);
      const json = parseLooseJson(res.text);
      const parsed = parseSearchAnswer(json, { currency: IMAGE_SEARCH_CURRENCY });
      if (parsed.success === false) {
        const message = parsed.message ?? 'image search refused';
        return throttledByMessage(message) ?? sourceError('refused', `image search: ${message}`);
      }
      if (json === undefined) return sourceError('answer', 'image search answer is not JSON');
      if (parsed.shape === 'none') return unrecognised('image-search', shapeOf(json), 'no offer list');
      if (parsed.drift) return unrecognised('image-search', shapeOf(json), parsed.drift);
      return finish(parsed, page, `img:${imagePath}`, SEARCH_ORIGIN, imagePath);
    },

    async readOffer(input: OfferInput, ctx): Promise<OfferResult> {
      if (typeof input !== 'string' && 'html' in input) {
        // A page handed over by a tab can itself be a wall.
        const wall = classifyAlibabaHttp({ status: 200, finalUrl: input.url ?? '', text: input.html });
        return wall ?? offerResult(parseOfferPage(input.html, { url: input.url }), input.html, null);
      }
      if (typeof input !== 'string' && 'data' in input)
        return offerResult(parseDetailData(input.data), null, offerIdOf(input.offerId));
      const offerId = offerIdOf(typeof input === 'string' ? input : input.offerId);
      if (!offerId) return sourceError('input', 'not an Alibaba.com product id');
      return readPage(ctx, offerId);
    },

    async suggest(prefix, ctx): Promise<SuggestResult> {
      const keyword = plainText(prefix, 50);
      if (!keyword) return { state: 'ok', suggestions: [] };
      const res = await send(ctx, {
        method: 'GET',
        url: SUGGEST_URL,
        step: 'suggest',
        query: suggestQuery(keyword),
        expect: 'gateway',
      });
      if ('state' in res) return res;
      const wall = wallOf(ctx, res, keyword, true);
      if (wall) return wall;
      if (res.status >= 400) return sourceError('http', `suggestions: HTTP ${res.status}`);
      const json = parseLooseJson(res.text);
      if (json === undefined) return sourceError('answer', 'suggestion answer is not JSON');
      const parsed = parseSuggestAnswer(json);
      if (parsed.state === 'failed') return sourceError('refused', `suggestions: ${parsed.message}`);
      if (parsed.state === 'unrecognised') return unrecognised('suggest', shapeOf(json), parsed.reason);
      return parsed;
    },
  };
}
