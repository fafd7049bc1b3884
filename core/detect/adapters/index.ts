import type { SiteAdapter } from '../fields';
import { matchesAny } from '../match';
import { aliexpress } from './aliexpress';
import { amazon } from './amazon';
import { douyin } from './douyin';
import { ebay } from './ebay';
import { etsy } from './etsy';
import { jd } from './jd';
import { pinduoduo } from './pinduoduo';
import { shein } from './shein';
import { shopify } from './shopify';
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

/**
 * Union of every adapter's match patterns (for the content script's `matches`). Marked pure so bundles that
 * never read it (the content script itself) leave the computation out.
 */
export const adapterMatchPatterns: string[] = /* @__PURE__ */ (() => [
  ...new Set(ADAPTERS.flatMap((a) => a.matches)),
])();

/** The adapter whose patterns match the URL. */
export const adapterForUrl = (url: string): SiteAdapter | undefined =>
  ADAPTERS.find((a) => matchesAny(a.matches, url));
