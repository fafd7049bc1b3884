/**
 * Where each site adapter applies, as WebExtension match patterns: the one URL → site lookup. Kept apart from
 * the adapters' code so the always-injected spotter can test a URL without bundling any extraction logic.
 * Adapter id = key = file name.
 */
import { urlPatternLookup } from '../url-patterns';

const AMAZON_TLDS =
  'com co.uk de fr it es co.jp ca com.au in com.mx com.br nl se pl com.tr ae sa sg cn com.be eg'.split(' ');
const EBAY_TLDS = 'com co.uk de fr it es ca com.au ie at ch nl be pl com.hk com.sg com.my ph in'.split(' ');

export const SITE_MATCHES = {
  taobao: ['*://item.taobao.com/*', '*://*.item.taobao.com/*', '*://h5.m.taobao.com/awp/core/detail.htm*'],
  tmall: ['*://detail.tmall.com/*', '*://detail.tmall.hk/*', '*://detail.m.tmall.com/*'],
  jd: ['*://item.jd.com/*', '*://item.jd.hk/*', '*://npcitem.jd.hk/*', '*://item.m.jd.com/*'],
  pinduoduo: [
    '*://mobile.yangkeduo.com/goods*',
    '*://mobile.pinduoduo.com/goods*',
    '*://*.yangkeduo.com/goods*',
  ],
  xiaohongshu: [
    '*://www.xiaohongshu.com/explore/*',
    '*://www.xiaohongshu.com/discovery/item/*',
    '*://xhslink.com/*',
  ],
  douyin: ['*://haohuo.jinritemai.com/*', '*://www.douyin.com/video/*', '*://www.douyin.com/note/*'],
  amazon: AMAZON_TLDS.map((t) => `*://*.amazon.${t}/*`),
  ebay: EBAY_TLDS.map((t) => `*://*.ebay.${t}/*`),
  etsy: ['*://www.etsy.com/*', '*://etsy.com/*'],
  walmart: ['*://www.walmart.com/*', '*://www.walmart.ca/*'],
  aliexpress: ['*://*.aliexpress.com/item/*', '*://*.aliexpress.us/item/*', '*://*.aliexpress.ru/item/*'],
  temu: ['*://www.temu.com/*', '*://temu.com/*'],
  shein: ['*://*.shein.com/*', '*://*.shein.co.uk/*'],
  tiktokshop: [
    '*://shop.tiktok.com/*',
    '*://www.tiktok.com/view/product/*',
    '*://www.tiktok.com/@*/product/*',
    '*://www.tiktok.com/shop/pdp/*',
  ],
  shopify: ['*://*.myshopify.com/*'],
} satisfies Record<string, string[]>;

export type SiteId = keyof typeof SITE_MATCHES;

let lookup: ((url: string) => SiteId | null) | undefined;

/** The site adapter id whose patterns match the URL, or null (markup-detected sites are not found here). */
export function siteForUrl(url: string): SiteId | null {
  lookup ??= urlPatternLookup(Object.entries(SITE_MATCHES) as [SiteId, string[]][]);
  return lookup(url);
}

/** Whether an element of a tag has an attribute containing `part` (browsers cache the tag lists). */
function tagWith(doc: Document, tag: string, attr: string, part: string): boolean {
  const list = doc.getElementsByTagName(tag);
  for (let i = 0; i < list.length; i++) if (list[i]?.getAttribute(attr)?.includes(part)) return true;
  return false;
}

/** Shopify stores live on their own domains: they are recognised by the platform's markup instead. */
export const shopifyMarkup = (doc: Document): boolean =>
  // `script#shopify-features` is an id lookup; the others read only links, scripts and metas.
  doc.querySelector('script#shopify-features') !== null ||
  tagWith(doc, 'link', 'href', 'cdn.shopify.com') ||
  tagWith(doc, 'script', 'src', 'cdn.shopify.com') ||
  Array.from(doc.getElementsByTagName('meta')).some(
    (m) => m.getAttribute('name') === 'shopify-digital-wallet',
  );
