import type { SiteAdapter } from '../fields';
import { SITE_MATCHES } from './sites';
import { readAlibabaItem } from './taobao';

/** Tmall item pages: the Taobao platform's page data (see taobao.ts). */
export const tmall: SiteAdapter = {
  id: 'tmall',
  matches: SITE_MATCHES.tmall,
  extract: readAlibabaItem,
};
