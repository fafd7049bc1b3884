/**
 * Alibaba.com, the group's international B2B site: export prices in US dollars, MOQ and supplier profiles.
 * Searched from a helper tab on its www host in the person's own session. The one place that says what
 * Alibaba.com is to the rest of SourceLens (see ../definition.ts).
 */
import { defineSource } from '../definition';
import { offerIdOf } from '../util';
import { pageDetailData } from './page-data';
import { SOURCE_ID } from './parse-search';
import {
  contactUrl,
  loginUrl,
  productUrl,
  SEARCH_HOST,
  SEARCH_ORIGIN,
  SITES_ALIBABA,
  searchPageUrl,
  verifyUrl,
} from './urls';

export const sourceAlibaba = defineSource({
  id: SOURCE_ID,
  name: 'Alibaba.com',
  labelKey: 'source_alibaba',
  hosts: { search: SEARCH_HOST },
  sites: SITES_ALIBABA,
  pages: {
    home: SEARCH_ORIGIN,
    verify: verifyUrl,
    login: loginUrl,
    // No sort is known to be taken by the page (README: facts and guesses).
    results: searchPageUrl,
    offer: (offerId) => (offerIdOf(offerId) ? productUrl(null, offerId) : null),
    contact: contactUrl,
  },
  supports: {
    imageSearch: true,
    // The only current suggestion call public code shows is on open-s.alibaba.com, a host SourceLens does not
    // ask for (README); the provider reads it, the panel does not offer it.
    suggestions: false,
    offerPages: true,
    sorts: ['relevance'],
    // No filter name is known for the page; the minimum order is filtered here, offers without one kept.
    filters: { dropship: null, maxMinOrder: 'here', province: null, city: null },
  },
  queryWords: 'own',
  // Its suppliers sell abroad and are written to in English.
  inquiryLanguage: 'en',
  routes: [{ id: 'alibaba-tab', kind: 'origin-tab', origin: SEARCH_ORIGIN, labelKey: 'via_alibaba_tab' }],
  // Product pages are on the search host: they share its politeness slots and back-off (one punish system).
  offerPageData: pageDetailData,
  // Its search endpoints are not signed.
  token: null,
  // Loaded when the background first asks for it: pages that only show the source never load its parsers.
  create: async () => (await import('./index')).createAlibabaProvider(),
});
