/** The 1688 wholesale source: keyword search, image search, offer pages and suggestions over the H5 gateway. */
import { plainText } from '../../text/plain-text';
import type {
  GatewayResponse,
  OfferInput,
  OfferResult,
  ProviderContext,
  SearchOptions,
  SearchResult,
  SourceProvider,
  SuggestResult,
} from '../provider';
import { sourceError, transportFailed } from '../provider';
import type { WholesaleOffer } from '../types';
import { firstStr, get, isRecord, offerIdOf } from '../util';
import { callMtop, RECOMMEND_API, RECOMMEND_VERSION } from './gateway';
import {
  clampPage,
  cleanBase64,
  imageSearchParams,
  imageUploadParams,
  isJpegBase64,
  keywordSearchParams,
  newPageId,
  recommendData,
  SEARCH_APP_ID,
  SUGGEST_APP_ID,
  suggestParams,
} from './params';
import { parseOfferData, parseOfferPage } from './parse-offer-page';
import { parseSearchAnswer } from './parse-search';
import { parseSuggestAnswer } from './parse-suggest';
import { detailUrl, imageSearchPageUrl, searchPageUrl } from './urls';
import { classifyHttp, EmptyRunDetector, throttledByMessage } from './walls';

export interface Provider1688Options {
  /** GET (`data=` in the query, JSON) or POST (form body, JSONP). Default GET. */
  method?: 'GET' | 'POST';
  /** Empty answers in a row that count as a possible block. Default 3. */
  emptyRunThreshold?: number;
  random?: () => number;
}

/** Service-level failure inside a SUCCESS envelope (`data.success === false`). */
function serviceFailure(data: unknown): { message: string } | null {
  if (!isRecord(data)) return null;
  if (data.success === false || data.success === 'false') {
    return {
      message: firstStr(data.errorMessage, data.errorMsg, data.message, data.errorCode) ?? 'service failed',
    };
  }
  return null;
}

function filterDropship(offers: WholesaleOffer[], wanted: boolean | undefined): WholesaleOffer[] {
  return wanted ? offers.filter((o) => o.dropship !== false) : offers;
}

export function create1688Provider(opts: Provider1688Options = {}): SourceProvider {
  const method = opts.method ?? 'GET';
  const empties = new EmptyRunDetector(opts.emptyRunThreshold ?? 3);
  const random = opts.random ?? Math.random;

  async function runSearch(
    ctx: ProviderContext,
    data: string,
    options: SearchOptions,
    pageId: string,
    keywords: string | null,
    imageId?: string,
  ): Promise<SearchResult> {
    const out = await callMtop(ctx, { api: RECOMMEND_API, v: RECOMMEND_VERSION, data, method }, { keywords });
    if (out.state !== 'ok') return out;
    const failure = serviceFailure(out.envelope.data);
    if (failure) return throttledByMessage(failure.message) ?? sourceError('refused', failure.message);
    const parsed = parseSearchAnswer(out.envelope.data);
    if (empties.record(parsed.offers.length)) {
      empties.reset();
      return {
        state: 'needs-verification',
        url: keywords ? searchPageUrl(keywords) : imageSearchPageUrl(imageId),
        reason: 'possible-block',
      };
    }
    return {
      state: 'ok',
      offers: filterDropship(parsed.offers, options.filters?.dropship),
      hasMore: parsed.hasMore,
      pageId,
      total: parsed.total,
      ...(imageId ? { imageId } : {}),
    };
  }

  return {
    async searchByKeywords(query, options, ctx) {
      const keywords = plainText(query, 100);
      if (!keywords) return sourceError('input', 'empty query');
      const pageId = options.pageId ?? newPageId(random);
      const params = keywordSearchParams(keywords, { ...options, page: clampPage(options.page), pageId });
      return runSearch(ctx, recommendData(SEARCH_APP_ID, params), options, pageId, keywords);
    },

    async searchByImage(jpegBase64, options, ctx) {
      const pageId = options.pageId ?? newPageId(random);
      let imageId = options.imageId && options.imageId !== '0' ? options.imageId : undefined;
      if (!imageId) {
        const b64 = cleanBase64(jpegBase64);
        if (!isJpegBase64(b64)) return sourceError('input', 'image search needs a JPEG');
        const up = await callMtop(ctx, {
          api: RECOMMEND_API,
          v: RECOMMEND_VERSION,
          data: recommendData(SEARCH_APP_ID, imageUploadParams(b64)),
          method: 'POST',
        });
        if (up.state !== 'ok') return up;
        const failure = serviceFailure(up.envelope.data);
        if (failure)
          return throttledByMessage(failure.message) ?? sourceError('refused', `upload: ${failure.message}`);
        const id = firstStr(get(up.envelope.data, 'data', 'imageId'), get(up.envelope.data, 'imageId'));
        if (!id || id === '0') return sourceError('answer', 'upload: no image id');
        imageId = id;
      }
      const params = imageSearchParams(imageId, { ...options, pageId });
      return runSearch(ctx, recommendData(SEARCH_APP_ID, params), options, pageId, null, imageId);
    },

    async readOffer(input: OfferInput, ctx): Promise<OfferResult> {
      if (typeof input !== 'string' && 'html' in input) {
        // A page handed over by a tab can itself be a wall.
        const wall = classifyHttp({ status: 200, finalUrl: input.url ?? '', text: input.html });
        return wall ?? parseOfferPage(input.html, { url: input.url });
      }
      if (typeof input !== 'string' && 'data' in input)
        return parseOfferData(input.data, { offerId: input.offerId });
      const offerId = offerIdOf(typeof input === 'string' ? input : input.offerId);
      const url = offerId ? detailUrl(offerId) : null;
      if (!offerId || !url) return sourceError('input', 'not a 1688 offer id');
      let res: GatewayResponse;
      try {
        res = await ctx.transport.request({ method: 'GET', url, query: {}, expect: 'page' }, ctx.signal);
      } catch (err) {
        return transportFailed(err);
      }
      const wall = classifyHttp(res, { now: (ctx.now ?? Date.now)() });
      if (wall) return wall;
      if (res.status === 404) return { state: 'delisted', offerId };
      return parseOfferPage(res.text, { url: res.finalUrl || url, offerId });
    },

    async suggest(prefix, ctx): Promise<SuggestResult> {
      const keyword = plainText(prefix, 50);
      if (!keyword) return { state: 'ok', suggestions: [] };
      const out = await callMtop(
        ctx,
        {
          api: RECOMMEND_API,
          v: RECOMMEND_VERSION,
          data: recommendData(SUGGEST_APP_ID, suggestParams(keyword)),
          method,
        },
        { keywords: keyword },
      );
      if (out.state !== 'ok') return out;
      const failure = serviceFailure(out.envelope.data);
      if (failure) return sourceError('refused', failure.message);
      return { state: 'ok', suggestions: parseSuggestAnswer(out.envelope.data) };
    },
  };
}
