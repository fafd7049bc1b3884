/**
 * The message shapes and the core types are one declaration: these checks run in the type checker (`tsc`
 * covers tests/), so a field added to a type and not to its schema — or the other way round — fails the build.
 * The runtime half checks the schemas accept what core produces.
 */
import type * as v from 'valibot';
import * as valibot from 'valibot';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { DetectedProduct } from '../../../core/detect/types';
import { SOURCE_IDS, type SourceId } from '../../../core/sources/index';
import type { SearchFilters, SortOrder } from '../../../core/sources/provider';
import type { WholesaleOffer } from '../../../core/sources/types';
import type { MessageData } from '../../../messaging/protocol';
import {
  HarvestedOfferSchema,
  ProductSpottedSchema,
  ReadOfferSchema,
  type SearchRequest,
  SuggestQueriesSchema,
} from '../../../messaging/schemas';
import type { StoredOffer } from '../../../storage/types';
import { offer } from '../../support/builders';

describe('one declaration for each shape', () => {
  it('the spotter report carries exactly a DetectedProduct', () => {
    expectTypeOf<MessageData<'productSpotted'>['product']>().toEqualTypeOf<DetectedProduct>();
  });

  it('a harvested offer is a WholesaleOffer (narrowed to 1688, nothing added or missing)', () => {
    expectTypeOf<v.InferOutput<typeof HarvestedOfferSchema>>().toEqualTypeOf<WholesaleOffer>();
    expectTypeOf<MessageData<'offersHarvested'>['offers'][number]>().toEqualTypeOf<WholesaleOffer>();
    expectTypeOf<StoredOffer>().toMatchTypeOf<WholesaleOffer>();
  });

  it('a search request is the searchOffers message, with the core filter, sort and source types', () => {
    expectTypeOf<SearchRequest>().toEqualTypeOf<MessageData<'searchOffers'>>();
    expectTypeOf<SearchRequest['filters']>().toEqualTypeOf<SearchFilters>();
    expectTypeOf<SearchRequest['sort']>().toEqualTypeOf<SortOrder>();
    expectTypeOf<SearchRequest['source']>().toEqualTypeOf<SourceId>();
    expectTypeOf<MessageData<'readOffer'>['source']>().toEqualTypeOf<SourceId>();
    expectTypeOf<MessageData<'suggestQueries'>['source']>().toEqualTypeOf<SourceId>();
  });

  it('the schemas take every registered source and nothing else', () => {
    for (const source of SOURCE_IDS) {
      expect(valibot.safeParse(SuggestQueriesSchema, { source, prefix: 'x' }).success).toBe(true);
      expect(valibot.safeParse(ReadOfferSchema, { source, offerId: '123456' }).success).toBe(true);
    }
    expect(valibot.safeParse(ReadOfferSchema, { source: 'aliexpress', offerId: '123456' }).success).toBe(
      false,
    );
    // Not said: the first source of the registry.
    expect(valibot.parse(ReadOfferSchema, { offerId: '123456' }).source).toBe(SOURCE_IDS[0]);
  });

  it('an offer as the parsers build it passes the harvest schema with every field kept', () => {
    const o = offer({ supplier: { country: 'CN' } });
    const parsed = valibot.parse(HarvestedOfferSchema, o);
    expect(parsed).toEqual(o);
    // A product report keeps its fields too (the schema strips nothing the type has).
    const product: DetectedProduct = {
      kind: 'product',
      title: 'Linen dress',
      text: null,
      price: { minor: 1999, currency: 'EUR' },
      priceMax: null,
      images: ['https://shop.example/a.jpg'],
      brand: null,
      sku: 'D-1',
      gtin: null,
      availability: 'in_stock',
      site: 'generic',
      itemId: null,
      canonicalUrl: 'https://shop.example/dress',
      sources: { title: 'jsonld', price: 'jsonld' },
    };
    expect(valibot.parse(ProductSpottedSchema, { product, pageUrl: product.canonicalUrl }).product).toEqual(
      product,
    );
  });
});
