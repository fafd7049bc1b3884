/**
 * The Alibaba.com wholesale source (international, export prices, MOQ and supplier profile): keyword search over
 * the result page, image search over the two `/search/api/` endpoints. Offer pages and suggestions are not read
 * yet and say so. Pure: requests go through the injected transport.
 */
import { parseLooseJson } from '../../text/loose-json';
import { plainText } from '../../text/plain-text';
import { cleanBase64, isJpegBase64 } from '../jpeg';
import type {
  GatewayRequest,
  GatewayResponse,
  ProviderContext,
  SearchOptions,
  SearchResult,
  SourceError,
  SourceProvider,
  WallState,
} from '../provider';
import { sourceError, transportFailed } from '../provider';
import type { WholesaleOffer } from '../types';
import { EmptyRunDetector, throttledByMessage } from '../walls';
import { clampPage, hasMorePages, imageSearchQuery, imageUploadFields, keywordSearchQuery } from './params';
import { type ImageRegion, parseUploadAnswer } from './parse-image';
import { parseSearchPage } from './parse-page';
import { type ParsedAlibabaSearch, parseSearchAnswer } from './parse-search';
import { IMAGE_SEARCH_URL, IMAGE_UPLOAD_URL, SEARCH_ORIGIN, SEARCH_PAGE_URL, searchPageUrl } from './urls';
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

const NOT_SUPPORTED = (what: string): SourceError =>
  sourceError('unsupported', `${what} not supported for Alibaba.com yet`);

function onlyMaxMinOrder(offers: WholesaleOffer[], max: number | undefined): WholesaleOffer[] {
  // The site has no such parameter that is known; filtered here, offers without a stated MOQ kept.
  return max === undefined ? offers : offers.filter((o) => o.moq === null || o.moq <= max);
}

export function createAlibabaProvider(opts: ProviderAlibabaOptions = {}): SourceProvider {
  const empties = new EmptyRunDetector(opts.emptyRunThreshold ?? 2);
  const regionsByImage = new Map<string, ImageRegion[]>();

  function remember(imagePath: string, regions: ImageRegion[]): void {
    regionsByImage.delete(imagePath);
    regionsByImage.set(imagePath, regions);
    while (regionsByImage.size > REMEMBERED_IMAGES) {
      const oldest = regionsByImage.keys().next().value;
      if (oldest === undefined) break;
      regionsByImage.delete(oldest);
    }
  }

  async function send(ctx: ProviderContext, req: GatewayRequest): Promise<GatewayResponse | SourceError> {
    try {
      return await ctx.transport.request(req, ctx.signal);
    } catch (err) {
      return transportFailed(err);
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

  /** Block check, MOQ filter and paging shared by both searches. */
  function finish(
    parsed: ParsedAlibabaSearch,
    page: number,
    options: SearchOptions,
    key: string,
    verifyAt: string,
    imageId?: string,
  ): SearchResult {
    // Only a first page counts when empty: a later page past the end is empty by nature.
    if ((parsed.rawCount > 0 || page === 1) && empties.record(parsed.rawCount, key)) {
      empties.reset();
      return { state: 'needs-verification', url: verifyAt, reason: 'possible-block' };
    }
    return {
      state: 'ok',
      offers: onlyMaxMinOrder(parsed.offers, options.filters?.maxMinOrder),
      hasMore: hasMorePages(page, parsed.rawCount, parsed.total),
      pageId: null,
      total: parsed.total,
      ...(imageId ? { imageId } : {}),
    };
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
          sourceError('answer', 'Alibaba.com result page without its offer list (layout changed?)')
        );
      }
      return finish(parsed, page, options, `kw:${keywords.toLowerCase()}`, searchPageUrl(keywords));
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
          query: {},
          multipart: imageUploadFields(b64),
          expect: 'gateway',
        });
        if ('state' in up) return up;
        const wall = wallOf(ctx, up, null, true);
        if (wall) return wall;
        if (up.status >= 400) return sourceError('http', `upload: HTTP ${up.status}`);
        const answer = parseUploadAnswer(parseLooseJson(up.text));
        if (answer.state === 'failed')
          return throttledByMessage(answer.message) ?? sourceError('refused', `upload: ${answer.message}`);
        imagePath = answer.imagePath;
        regions = answer.regions;
        remember(imagePath, regions);
      }
      const res = await send(ctx, {
        method: 'GET',
        url: IMAGE_SEARCH_URL,
        query: imageSearchQuery(imagePath, regions, page),
        expect: 'gateway',
      });
      if ('state' in res) return res;
      const wall = wallOf(ctx, res, null, true);
      if (wall) return wall;
      if (res.status >= 400) return sourceError('http', `image search: HTTP ${res.status}`);
      const parsed = parseSearchAnswer(parseLooseJson(res.text));
      if (parsed.success === false) {
        const message = parsed.message ?? 'image search refused';
        return throttledByMessage(message) ?? sourceError('refused', `image search: ${message}`);
      }
      if (parsed.shape === 'none') return sourceError('answer', 'image search answer without offers');
      return finish(parsed, page, options, `img:${imagePath}`, SEARCH_ORIGIN, imagePath);
    },

    async readOffer() {
      return NOT_SUPPORTED('Reading an offer page is');
    },

    async suggest() {
      return NOT_SUPPORTED('Keyword suggestions are');
    },
  };
}
