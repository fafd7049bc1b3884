import type { SiteAdapter } from '../fields';
import { aliexpress } from './aliexpress';
import { amazon } from './amazon';
import { douyin } from './douyin';
import { ebay } from './ebay';
import { etsy } from './etsy';
import { jd } from './jd';
import { pinduoduo } from './pinduoduo';
import { shein } from './shein';
import { shopify } from './shopify';
import { siteForUrl } from './sites';
import { taobao } from './taobao';
import { temu } from './temu';
import { tiktokshop } from './tiktokshop';
import { tmall } from './tmall';
import { walmart } from './walmart';
import { xiaohongshu } from './xiaohongshu';

/** Site adapters in the order they are tried; host-matched ones before markup-detected ones (Shopify). */
export const ADAPTERS: SiteAdapter[] = [
  taobao,
  tmall,
  jd,
  pinduoduo,
  xiaohongshu,
  douyin,
  amazon,
  ebay,
  etsy,
  walmart,
  aliexpress,
  temu,
  shein,
  tiktokshop,
  shopify,
];

/** The adapter whose site patterns match the URL (sites.ts holds the patterns and the lookup). */
export function adapterForUrl(url: string): SiteAdapter | undefined {
  const id = siteForUrl(url);
  return id ? ADAPTERS.find((a) => a.id === id) : undefined;
}

/** The adapter for a page: by its URL, else by its markup (Shopify stores live on their own domains). */
export const adapterFor = (doc: Document, url: string): SiteAdapter | undefined =>
  adapterForUrl(url) ?? ADAPTERS.find((a) => a.detect?.(doc));
