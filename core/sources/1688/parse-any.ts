/**
 * "Whatever this is, give me its offers": a gateway answer (JSON or JSONP text, or parsed), a search answer at any
 * depth, a detail page's data object (`window.context` or `__INIT_DATA`), or a detail page's HTML.
 */

import { parseLooseJson } from '../../text/loose-json';
import type { WholesaleOffer } from '../types';
import { isRecord } from '../util';
import { envelopeOf, unwrapJsonp } from './gateway';
import { detectGeneration, parseOfferData, parseOfferPage } from './parse-offer-page';
import { parseSearchAnswer } from './parse-search';

export type AnyShape =
  | 'search'
  | 'offer-list'
  | 'detail-context'
  | 'detail-init-data'
  | 'detail-html'
  | 'unknown';

export interface AnyParse {
  shape: AnyShape;
  offers: WholesaleOffer[];
}

export function parseAnyValue(value: unknown): AnyParse {
  const search = parseSearchAnswer(value);
  if (search.shape !== 'none')
    return { shape: search.shape === 'offer-list' ? 'offer-list' : 'search', offers: search.offers };
  const inner = envelopeOf(value)?.data ?? value;
  const page = detectGeneration(inner) ?? (isRecord(inner) ? detectGeneration(inner.data) : null);
  if (page) {
    const r = parseOfferData(page.data);
    return {
      shape: page.kind === 'context' ? 'detail-context' : 'detail-init-data',
      offers: r.state === 'ok' ? [r.offer] : [],
    };
  }
  return { shape: 'unknown', offers: [] };
}

/** Text of a file: HTML pages, JSON, JSONP or a JS literal. Never throws. */
export function parseAnyText(text: string, url?: string): AnyParse {
  try {
    const t = text.replace(/^\ufeff/, '').trim();
    if (t.startsWith('<')) {
      const r = parseOfferPage(t, { url });
      return { shape: 'detail-html', offers: r.state === 'ok' ? [r.offer] : [] };
    }
    const value = parseLooseJson(unwrapJsonp(t));
    return parseAnyValue(value);
  } catch {
    return { shape: 'unknown', offers: [] };
  }
}
