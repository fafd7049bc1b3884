/**
 * 1688 (阿里巴巴 1688), China's factory wholesale site: searched through its H5 gateway in the person's own
 * session. The one place that says what 1688 is to the rest of SourceLens (see ../definition.ts).
 */
import { defineSource } from '../definition';
import { SOURCE_ID } from './offer';
import { pageOfferData } from './page-data';
import { pageMtopCall } from './page-library';
import {
  contactUrl,
  DETAIL_HOST,
  detailUrl,
  GATEWAY_HOST,
  GATEWAY_ORIGIN,
  HOME_URL,
  loginUrl,
  SITES_1688,
  searchPageUrl,
  verifyUrl,
} from './urls';

export const source1688 = defineSource({
  id: SOURCE_ID,
  name: '1688',
  labelKey: 'source_1688',
  hosts: { search: GATEWAY_HOST, offerPages: DETAIL_HOST },
  sites: SITES_1688,
  pages: {
    home: HOME_URL,
    verify: verifyUrl,
    login: loginUrl,
    results: searchPageUrl,
    offer: detailUrl,
    contact: contactUrl,
  },
  supports: {
    imageSearch: true,
    suggestions: true,
    offerPages: true,
    sorts: ['relevance', 'price-asc', 'price-desc', 'sales'],
    // No public client knows the gateway's dropshipping filter: it is applied here, by each offer's own mark
    // (isOnePsale); the others are sent (the names 1688's own pages send).
    filters: { dropship: 'here', maxMinOrder: 'source', province: 'source', city: 'source' },
  },
  queryWords: 'chinese',
  inquiryLanguage: 'zh',
  routes: [
    { id: 'direct', kind: 'direct', labelKey: 'via_direct' },
    { id: 'gateway-tab', kind: 'origin-tab', origin: GATEWAY_ORIGIN, labelKey: 'via_gateway_tab' },
    {
      id: 'page-mtop',
      kind: 'page-library',
      tabs: SITES_1688,
      skipOrigin: GATEWAY_ORIGIN,
      call: pageMtopCall,
      labelKey: 'via_page_mtop',
    },
  ],
  offerPageData: pageOfferData,
  token: { cookie: '_m_h5_tk', origin: GATEWAY_ORIGIN },
  // Loaded when the background first asks for it: pages that only show the source never load its parsers.
  create: async () => (await import('./index')).create1688Provider(),
});
