import type { SiteAdapter } from '../fields';
import { readAlibabaItem } from './taobao';

/** Tmall item pages: the Taobao platform's page data (see taobao.ts). */
export const tmall: SiteAdapter = {
  id: 'tmall',
  matches: ['*://detail.tmall.com/*', '*://detail.tmall.hk/*', '*://detail.m.tmall.com/*'],
  extract: readAlibabaItem,
};
