/** The 1688 wholesale source: keyword search, image search, offer pages and suggestions over the H5 gateway. */
import { plainText } from '../../text/plain-text';
import { shapeOf, unrecognised } from '../drift';
import type {
  GatewayResponse,
  OfferInput,
  OfferResult,
  ProviderContext,
  SearchResult,
  SourceProvider,
  SuggestResult,
  Unrecognised,
} from '../provider';
import { abortedError, sourceError, transportFailed } from '../provider';
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
import { type ParsedSearch, parseSearchAnswer } from './parse-search';
import { parseSuggest } from './parse-suggest';
import { detailUrl, imageSearchPageUrl, searchPageUrl } from './urls';
import { classifyHttp, EmptyRunDetector, throttledByMessage } from './walls';

/** Waits `ms`, or rejects when `signal` fires first. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface Provider1688Options {
  /** GET (`data=` in the query, JSON) or POST (form body, JSONP). Default GET. */
  method?: 'GET' | 'POST';
  /** Empty answers in a row that count as a possible block. Default 3. */
  emptyRunThreshold?: number;
  random?: () => number;
  /** The wait before asking again for an image that was "not ready" (tests pass one that does not wait). */
  sleep?: Sleep;
}

/**
 * The wait after an upload whose first search came back empty: the page itself first asks for a pre-result that
 * may be a placeholder, and one public client waits 1.2–3.2 s between upload and search.
 */
export const NOT_READY_WAIT_MS = { min: 1000, max: 3000 } as const;

const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

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

type SearchCall = 'search' | 'image-search';

/** A well-formed answer that is not a search answer we know, or whose items mostly lack offer facts. */
function searchDrift(call: SearchCall, data: unknown, parsed: ParsedSearch): Unrecognised | null {
  if (parsed.shape === 'none') return unrecognised(call, shapeOf(data), 'no offer list (data.data.OFFER)');
  if (parsed.missing) return unrecognised(call, shapeOf(data), parsed.missing);
  return null;
}

/** The uploaded image's id: `data.data.imageId` (the page's call) or `data.imageId` (another client's). */
function uploadedImageId(data: unknown): { id: string | null; present: boolean } {
  const candidates = [get(data, 'data', 'imageId'), get(data, 'imageId')];
  return { id: firstStr(...candidates), present: candidates.some((c) => c !== undefined) };
}

export function create1688Provider(opts: Provider1688Options = {}): SourceProvider {
  const method = opts.method ?? 'GET';
  const empties = new EmptyRunDetector(opts.emptyRunThreshold ?? 3);
  const random = opts.random ?? Math.random;
  const sleep = opts.sleep ?? realSleep;

  /** One search call: the gateway's walls and errors, a service failure, drift, or the parsed page. */
  async function askSearch(
    ctx: ProviderContext,
    call: SearchCall,
    data: string,
    keywords: string | null,
  ): Promise<SearchResult | { state: 'parsed'; parsed: ParsedSearch }> {
    const out = await callMtop(ctx, { api: RECOMMEND_API, v: RECOMMEND_VERSION, data, method }, { keywords });
    if (out.state !== 'ok') return out;
    const failure = serviceFailure(out.envelope.data);
    if (failure) return throttledByMessage(failure.message) ?? sourceError('refused', failure.message);
    const parsed = parseSearchAnswer(out.envelope.data);
    return searchDrift(call, out.envelope.data, parsed) ?? { state: 'parsed', parsed };
  }

  /** The page of results, after the run-of-empties check (a possible block). */
  function pageOf(
    parsed: ParsedSearch,
    pageId: string,
    keywords: string | null,
    imageId?: string,
  ): SearchResult {
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
      offers: parsed.offers,
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
      const answer = await askSearch(ctx, 'search', recommendData(SEARCH_APP_ID, params), keywords);
      if (answer.state !== 'parsed') return answer;
      return pageOf(answer.parsed, pageId, keywords);
    },

    async searchByImage(jpegBase64, options, ctx) {
      const pageId = options.pageId ?? newPageId(random);
      let imageId = options.imageId && options.imageId !== '0' ? options.imageId : undefined;
      const justUploaded = !imageId;
      if (!imageId) {
        const b64 = cleanBase64(jpegBase64);
        if (!isJpegBase64(b64)) return sourceError('input', 'image search needs a JPEG');
        const up = await callMtop(ctx, {
          step: 'upload',
          api: RECOMMEND_API,
          v: RECOMMEND_VERSION,
          data: recommendData(SEARCH_APP_ID, imageUploadParams(b64)),
          method: 'POST',
        });
        if (up.state !== 'ok') return up;
        const failure = serviceFailure(up.envelope.data);
        if (failure)
          return throttledByMessage(failure.message) ?? sourceError('refused', `upload: ${failure.message}`);
        const uploaded = uploadedImageId(up.envelope.data);
        if (!uploaded.present)
          return unrecognised('image-upload', shapeOf(up.envelope.data), 'no imageId in the upload answer');
        // "0" or empty is the documented failed upload, not a changed answer.
        if (!uploaded.id || uploaded.id === '0') return sourceError('answer', 'upload: no image id');
        imageId = uploaded.id;
      }
      const data = recommendData(SEARCH_APP_ID, imageSearchParams(imageId, { ...options, pageId }));
      let answer = await askSearch(ctx, 'image-search', data, null);
      if (justUploaded && answer.state === 'parsed' && answer.parsed.offers.length === 0) {
        // Straight after an upload one empty answer means "not ready yet": wait, ask once more, and only that
        // second answer counts toward a possible block.
        const wait =
          NOT_READY_WAIT_MS.min + Math.floor(random() * (NOT_READY_WAIT_MS.max - NOT_READY_WAIT_MS.min));
        try {
          await sleep(wait, ctx.signal);
        } catch {
          return abortedError(ctx.signal);
        }
        answer = await askSearch(ctx, 'image-search', data, null);
      }
      if (answer.state !== 'parsed') return answer;
      return pageOf(answer.parsed, pageId, null, imageId);
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
        res = await ctx.transport.request(
          { method: 'GET', url, query: {}, expect: 'page', step: 'offer-page' },
          ctx.signal,
        );
      } catch (err) {
        return transportFailed(err, ctx.signal);
      }
      const wall = classifyHttp(res, { now: (ctx.now ?? Date.now)() });
      if (wall) return wall;
      if (res.status === 404) return { state: 'delisted', offerId };
      if (res.status >= 400) return sourceError('http', `offer page: HTTP ${res.status}`);
      return parseOfferPage(res.text, { url: res.finalUrl || url, offerId });
    },

    async suggest(prefix, ctx): Promise<SuggestResult> {
      const keyword = plainText(prefix, 50);
      if (!keyword) return { state: 'ok', suggestions: [] };
      const out = await callMtop(
        ctx,
        {
          step: 'suggest',
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
      const parsed = parseSuggest(out.envelope.data);
      if (parsed.shape === 'none')
        return unrecognised('suggest', shapeOf(out.envelope.data), 'no suggestion list (data.items)');
      if (parsed.missing)
        return unrecognised('suggest', shapeOf(out.envelope.data), 'most suggestions lack a keyword');
      return { state: 'ok', suggestions: parsed.suggestions };
    },
  };
}
