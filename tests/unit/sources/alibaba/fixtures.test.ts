/**
 * Every Alibaba.com parser over every fixture of the source (tests/fixtures/alibaba/): each file is recognised by
 * the parser it was saved for and by no other, nothing throws, and every offer any parser makes is one the
 * background's schema accepts. A file added to the folder fails here until it has a row.
 */
import { readdirSync } from 'node:fs';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { parseUploadAnswer } from '../../../../core/sources/alibaba/parse-image';
import { parseOfferPage } from '../../../../core/sources/alibaba/parse-offer-page';
import { parseSearchPage } from '../../../../core/sources/alibaba/parse-page';
import { parseSearchAnswer } from '../../../../core/sources/alibaba/parse-search';
import { parseSuggestAnswer } from '../../../../core/sources/alibaba/parse-suggest';
import { classifyAlibabaHttp, classifyAnswerBody } from '../../../../core/sources/alibaba/walls';
import { WholesaleOfferSchema } from '../../../../core/sources/offer-schema';
import type { WholesaleOffer } from '../../../../core/sources/types';
import { parseLooseJson } from '../../../../core/text/loose-json';
import { sourceFixtures } from '../../../support/fixtures';
import { alibabaText } from './fixtures';

/** What each parser makes of one file: the state or shape it answers ('-' for "not its kind of answer"). */
interface Row {
  /** parseSearchPage: the shape of the result page found, or '-'. */
  page: 'offerResultData' | 'wending' | '-';
  /** parseSearchAnswer over the file as JSON: the list's shape, or '-'. */
  answer: 'model.offers' | 'offerResultData' | '-';
  /** parseUploadAnswer over the file as JSON. */
  upload: 'ok' | 'failed' | 'unrecognised';
  /** parseOfferPage. */
  offerPage: 'ok' | 'delisted' | 'unrecognised';
  /** parseSuggestAnswer over the file as JSON. */
  suggest: 'ok' | 'failed' | 'unrecognised';
  /** The wall the HTTP-level check sees (served with status 200), or '-'. */
  wall: string;
  /** The wall inside the body, or '-'. */
  body: string;
  /** Offers the file holds (whichever parser reads it). */
  offers: number;
}

const TABLE: Record<string, Row> = {
  'search-keyword.html': {
    page: 'offerResultData',
    answer: '-',
    upload: 'failed',
    offerPage: 'unrecognised',
    suggest: 'unrecognised',
    wall: '-',
    body: '-',
    offers: 5,
  },
  'search-sse-blocks.html': {
    page: 'offerResultData',
    answer: '-',
    upload: 'failed',
    offerPage: 'unrecognised',
    suggest: 'unrecognised',
    wall: '-',
    body: '-',
    offers: 6,
  },
  'search-empty.html': {
    page: 'offerResultData',
    answer: '-',
    upload: 'failed',
    offerPage: 'unrecognised',
    suggest: 'unrecognised',
    wall: '-',
    body: '-',
    offers: 0,
  },
  'wall-punish.html': {
    page: '-',
    answer: '-',
    upload: 'failed',
    offerPage: 'unrecognised',
    suggest: 'unrecognised',
    wall: 'needs-verification:title',
    body: 'needs-verification:body:_____tmd_____',
    offers: 0,
  },
  'product-ladder.html': {
    page: '-',
    answer: '-',
    upload: 'failed',
    offerPage: 'ok',
    suggest: 'unrecognised',
    wall: '-',
    body: '-',
    offers: 1,
  },
  'product-sku-priced.html': {
    page: '-',
    answer: '-',
    upload: 'failed',
    offerPage: 'ok',
    suggest: 'unrecognised',
    wall: '-',
    body: '-',
    offers: 1,
  },
  'product-visitor-currency.html': {
    page: '-',
    answer: '-',
    upload: 'failed',
    offerPage: 'ok',
    suggest: 'unrecognised',
    wall: '-',
    body: '-',
    offers: 1,
  },
  'product-not-available.html': {
    page: '-',
    answer: '-',
    upload: 'failed',
    offerPage: 'delisted',
    suggest: 'unrecognised',
    wall: '-',
    body: '-',
    offers: 0,
  },
  'image-upload.json': {
    page: '-',
    answer: '-',
    upload: 'ok',
    offerPage: 'unrecognised',
    suggest: 'unrecognised',
    wall: '-',
    body: '-',
    offers: 0,
  },
  'image-upload-failed.json': {
    page: '-',
    answer: '-',
    upload: 'failed',
    offerPage: 'unrecognised',
    suggest: 'unrecognised',
    wall: '-',
    body: '-',
    offers: 0,
  },
  'image-search.json': {
    page: '-',
    answer: 'model.offers',
    upload: 'unrecognised',
    offerPage: 'unrecognised',
    suggest: 'unrecognised',
    wall: '-',
    body: '-',
    offers: 2,
  },
  'throttled-rgv587.json': {
    page: '-',
    answer: '-',
    upload: 'unrecognised',
    offerPage: 'unrecognised',
    suggest: 'unrecognised',
    wall: '-',
    body: 'needs-verification:ret:RGV587_ERROR',
    offers: 0,
  },
  'suggest.json': {
    page: '-',
    answer: '-',
    upload: 'unrecognised',
    offerPage: 'unrecognised',
    suggest: 'ok',
    wall: '-',
    body: '-',
    offers: 0,
  },
};

const { dir } = sourceFixtures('alibaba');
const files = readdirSync(dir).filter((f) => /\.(html|json)$/.test(f));

const wallName = (w: { state: string; reason?: string } | null) =>
  w ? `${w.state}${w.reason ? `:${w.reason}` : ''}` : '-';

describe('every fixture has a row, every row a fixture', () => {
  it('the table and the folder agree', () => {
    expect(files.sort()).toEqual(Object.keys(TABLE).sort());
  });
});

describe.each(files)('%s through every Alibaba.com parser', (file) => {
  const text = alibabaText(file);
  const json = parseLooseJson(text);
  const row = TABLE[file];

  it('is recognised by the parser it stands for, and only by it', () => {
    if (!row) throw new Error(`no row for ${file}`);
    const page = parseSearchPage(text);
    const answer = parseSearchAnswer(json);
    const offerPage = parseOfferPage(text, { url: null });
    const found = {
      page: page.found ? page.shape : '-',
      answer: answer.shape === 'none' ? '-' : answer.shape,
      upload: parseUploadAnswer(json).state,
      offerPage: offerPage.state,
      suggest: parseSuggestAnswer(json).state,
      wall: wallName(classifyAlibabaHttp({ status: 200, finalUrl: 'https://www.alibaba.com/x', text })),
      body: wallName(classifyAnswerBody(text)),
      offers: page.offers.length + answer.offers.length + (offerPage.state === 'ok' ? 1 : 0),
    };
    expect(found).toEqual(row);
  });

  it('every offer made from it is one the background accepts, and none is drift', () => {
    const offers: WholesaleOffer[] = [...parseSearchPage(text).offers, ...parseSearchAnswer(json).offers];
    const page = parseOfferPage(text);
    if (page.state === 'ok') offers.push(page.offer);
    for (const o of offers) expect(v.safeParse(WholesaleOfferSchema, o).issues, o.offerId).toBeUndefined();
    expect(parseSearchPage(text).drift).toBeNull();
    expect(parseSearchAnswer(json).drift).toBeNull();
  });
});
