/**
 * HTML and JSON bodies the 1688 mock serves. Shapes follow shared/data/1688/PROTOCOL.md (the research notes kept beside this repository); the person-facing
 * search/image pages are invented (the real ones are client-rendered apps) with stable class names a harvest
 * script can read: `.offer-card[data-offer-id]`, `.offer-title`, `.offer-price[data-price]`, `.offer-moq`,
 * `.offer-company`, `.offer-location`, `.offer-sales`, `img.offer-img`.
 */

import { esc, hash32, stripTags } from '../html';

export type MockOffer = Record<string, unknown>;

function rec(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function text(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

const PROVINCES: [string, string][] = [
  ['浙江', '义乌'],
  ['广东', '广州'],
  ['广东', '深圳'],
  ['福建', '泉州'],
  ['江苏', '苏州'],
  ['山东', '临沂'],
];
const UNITS = ['件', '个', '套', '包', '双'];

/**
 * A search item (`items[].data`) generated for a keyword and position. Flags and counts arrive as strings, as in
 * captured answers (`isP4P: "false"`, `tpYear: "3"`); the minimum order is on the card as
 * `afterPriceList[matKey=quantity_begin]`; `turnHead.percent` is the shop's return-buyer rate; dropshipping
 * offers carry `isOnePsale` and the 一件代发 tag; paid placements are `isP4P: "true"` or `type: "bid"`.
 */
export function generatedOffer(seed: string, i: number): MockOffer {
  const h = hash32(`${seed}#${i}`);
  const offerId = String(700_000_000_000 + (hash32(seed) % 100_000) * 1000 + i);
  const [province, city] = PROVINCES[h % PROVINCES.length] ?? ['浙江', '义乌'];
  const unit = UNITS[h % UNITS.length] ?? '件';
  const base = 100 + (h % 5000);
  const p1 = (base / 100).toFixed(2);
  const p2 = ((base * 0.9) / 100).toFixed(2);
  const factory = h % 3 === 0;
  const dropship = h % 4 === 0;
  const minQty = 1 + (h % 3);
  return {
    offerId,
    title: `<font color=red>${esc(seed)}</font> 示例商品 ${i + 1}`,
    priceInfo: { price: p1 },
    offerPicUrl: `//cbu01.alicdn.com/img/ibank/O1CN01mock${offerId}.jpg`,
    province,
    city,
    bookedCount: h % 500,
    afterPrice: { text: `已售${h % 500}+${unit}` },
    afterPriceList: [{ matKey: 'quantity_begin', text: `${minQty}${unit}起批` }],
    offerRepurchaseRate: `${h % 60}%`,
    turnHead: { percent: `${(h >> 3) % 70}%` },
    isP4P: i % 10 === 3 ? 'true' : 'false',
    ...(i % 10 === 7 ? { type: 'bid' } : {}),
    ...(dropship ? { isOnePsale: 'true' } : {}),
    superFactory: String(factory && h % 2 === 0),
    factoryInspection: String(factory),
    bizType: factory ? '生产加工' : '经销批发',
    loginId: `mock_seller_${h % 997}`,
    memberId: `b2b-mock${h % 99991}`,
    shop: { text: `${city}示例${factory ? '工厂' : '商行'}${h % 97}`, tpYear: String(1 + (h % 12)) },
    shopAddition: {
      quantityPrices: [
        { quantity: `≥${minQty}${unit}`, value: p1 },
        { quantity: `≥${100 + (h % 3) * 100}${unit}`, value: p2 },
      ],
    },
    offerMiddle: [{ text: h % 2 ? '48小时发货' : '24小时揽收' }],
    tags: dropship ? [{ text: '一件代发' }] : [],
  };
}

/** Whether a search item is a dropshipping offer, by the marks generatedOffer (or a test's catalogue) sets. */
export function isDropshipItem(item: MockOffer): boolean {
  if (item.isOnePsale === true || item.isOnePsale === 'true') return true;
  return Array.isArray(item.tags) && item.tags.some((t) => text(rec(t).text).includes('代发'));
}

/** A search item's unit price (its `priceInfo.price`), for sorting; NaN when it has none. */
export function itemPrice(item: MockOffer): number {
  return Number.parseFloat(text(rec(item.priceInfo).price).replace(/^[¥￥]/, ''));
}

/** A search item's sales (`bookedCount`), for sorting. */
export function itemSales(item: MockOffer): number {
  return Number(item.bookedCount) || 0;
}

function tiersOf(item: MockOffer): { beginAmount: number; price: string }[] {
  const list = (rec(item.shopAddition).quantityPrices as unknown[]) ?? [];
  const out: { beginAmount: number; price: string }[] = [];
  for (const e of Array.isArray(list) ? list : []) {
    const q = /(\d+)/.exec(text(rec(e).quantity));
    const v = text(rec(e).value ?? rec(e).valueString).replace(/^[¥￥]/, '');
    if (q && v) out.push({ beginAmount: Number(q[1]), price: v });
  }
  if (!out.length) {
    const p = text(rec(item.priceInfo).price);
    if (p) out.push({ beginAmount: 1, price: p });
  }
  return out;
}

interface MockSku {
  spec: string;
  colour: string;
  size: string;
  skuId: number;
  specId: string;
  price: string;
  canBookCount: number;
}

/** Colour × size SKUs priced from the offer's first tier; stock varies so a reader can tell rows apart. */
function skusOf(item: MockOffer, tiers: { price: string }[]): MockSku[] {
  const base = Number(tiers[0]?.price ?? 10) || 10;
  const out: MockSku[] = [];
  for (const [i, colour] of COLOURS.entries()) {
    for (const [j, size] of SIZES.entries()) {
      const n = i * SIZES.length + j;
      out.push({
        spec: `${colour}&gt;${size}`,
        colour,
        size,
        skuId: Number(`${String(item.offerId).slice(-6)}${n}`),
        specId: `spec${n}`,
        price: (base + j * 0.5).toFixed(2),
        canBookCount: 100 * (n + 1),
      });
    }
  }
  return out;
}

const COLOURS = ['黑色', '白色', '灰色'];
const SIZES = ['M', 'L'];
const SKU_PROPS = [
  { prop: '颜色', value: COLOURS.map((name) => ({ name })) },
  { prop: '尺码', value: SIZES.map((name) => ({ name })) },
];

/** `skuModel` as pages that carry the map have it: `skuInfoMap` keyed "颜色&gt;尺码". */
function skuModelOf(item: MockOffer, tiers: { price: string }[]): Record<string, unknown> {
  const skuInfoMap: Record<string, unknown> = {};
  for (const s of skusOf(item, tiers)) {
    skuInfoMap[s.spec] = { skuId: s.skuId, specId: s.specId, price: s.price, canBookCount: s.canBookCount };
  }
  return { skuProps: SKU_PROPS, skuInfoMap };
}

function unitOf(item: MockOffer): string {
  const list = rec(item.shopAddition).quantityPrices;
  const first = Array.isArray(list) ? text(rec(list[0]).quantity) : '';
  return first.replace(/[≥>=\d\s,-]/g, '') || '件';
}

function images(item: MockOffer): string[] {
  return text(item.offerPicUrl)
    .split(',')
    .filter(Boolean)
    .map((u) => (u.startsWith('//') ? `https:${u}` : u));
}

/** The `window.context` object of a current page that carries `skuModel.skuInfoMap`. */
function contextData(item: MockOffer): Record<string, unknown> {
  const tiers = tiersOf(item);
  const title = stripTags(text(item.title));
  const company = text(rec(item.shop).text);
  const dropship = isDropshipItem(item);
  return {
    result: {
      data: {
        Root: {
          fields: {
            dataJson: {
              tempModel: {
                offerId: Number(item.offerId),
                offerTitle: title,
                companyName: company,
                offerUnit: unitOf(item),
                saledCount: itemSales(item),
              },
              orderParamModel: {
                orderParam: { beginNum: tiers[0]?.beginAmount ?? 1, skuParam: { skuRangePrices: tiers } },
              },
              skuModel: skuModelOf(item, tiers),
            },
          },
        },
        mainPrice: { fields: { priceModel: { currentPrices: tiers } } },
        productTitle: { fields: { title, shopInfo: { companyName: company } } },
        gallery: { fields: { offerImgList: images(item) } },
      },
      global: {
        globalData: {
          model: {
            sellerModel: { companyName: company, loginId: item.loginId, memberId: item.memberId },
            tradeModel: { beginAmount: tiers[0]?.beginAmount ?? 1 },
            consignModel: { consignOffer: dropship, hasConsignPrice: dropship },
          },
        },
      },
    },
  };
}

/**
 * The `window.context` object of a current page without `skuInfoMap`: SKU prices, ranges and the minimum order
 * only in `mainPrice.fields.finalPriceModel.tradeWithoutPromotion` (`skuMapOriginal`, `offerPriceRanges`,
 * `offerBeginAmount`), dropshipping as `offerSign.isOnePsale`, and `shopInfo` / `pieceWeightScale` as JSON text.
 */
function currentContextData(item: MockOffer): Record<string, unknown> {
  const tiers = tiersOf(item);
  const title = stripTags(text(item.title));
  const company = text(rec(item.shop).text);
  const skus = skusOf(item, tiers);
  const prices = tiers.map((t) => Number(t.price));
  return {
    result: {
      data: {
        Root: {
          fields: {
            dataJson: {
              tempModel: {
                offerId: Number(item.offerId),
                offerTitle: title,
                offerUnit: unitOf(item),
                saledCount: itemSales(item),
              },
              skuModel: { skuProps: SKU_PROPS },
              offerSign: { isOnePsale: isDropshipItem(item) },
            },
          },
        },
        mainPrice: {
          fields: {
            finalPriceModel: {
              tradeWithoutPromotion: {
                offerBeginAmount: tiers[0]?.beginAmount ?? 1,
                offerMinPrice: Math.min(...prices).toFixed(2),
                offerMaxPrice: Math.max(...prices).toFixed(2),
                offerPriceRanges: tiers,
                skuMapOriginal: skus.map((s) => ({
                  skuId: s.skuId,
                  specId: s.specId,
                  specAttrs: s.spec,
                  price: s.price,
                  canBookCount: s.canBookCount,
                })),
              },
            },
          },
        },
        productTitle: { fields: { title, shopInfo: JSON.stringify({ companyName: company }) } },
        productPackInfo: {
          fields: {
            pieceWeightScale: JSON.stringify({
              pieceWeightScaleInfo: skus.map((s) => ({
                skuId: s.skuId,
                sku1: s.colour,
                sku2: s.size,
                weight: 120,
              })),
            }),
          },
        },
        gallery: { fields: { offerId: Number(item.offerId), offerImgList: images(item) } },
      },
      global: {
        globalData: {
          model: { sellerModel: { companyName: company, loginId: item.loginId, memberId: item.memberId } },
        },
      },
    },
  };
}

/** The page around a `window.context` object: the IIFE call with a JS-literal tail (bare numeric keys). */
function contextHtml(title: string, data: Record<string, unknown>, objectName = 'context'): string {
  const literal = `${JSON.stringify(data).slice(0, -1)},"module":{98:"mock"},"version":"0.26.16"}`;
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${esc(title)} - 阿里巴巴</title></head>
<body><div id="app"></div>
<script>
window.contextPath = "/default";
window.${objectName}=(function(b,d){var c=d.module||{};return d})(window.contextPath,${literal});
</script>
</body></html>
`;
}

/** A current-generation detail page (`window.context` IIFE, with `skuInfoMap`) for a search item. */
export function contextPage(item: MockOffer): string {
  return contextHtml(stripTags(text(item.title)), contextData(item));
}

/** A current-generation detail page whose SKUs are only in `finalPriceModel` (see currentContextData). */
export function currentContextPage(item: MockOffer): string {
  return contextHtml(stripTags(text(item.title)), currentContextData(item));
}

/**
 * The `changed` fault: a current page whose data object has a new name (`window.offerContext`), as a site
 * rewrite would leave it. Nothing SourceLens reads is where it looks.
 */
export function renamedContextPage(item: MockOffer): string {
  return contextHtml(stripTags(text(item.title)), contextData(item), 'offerContext');
}

/**
 * A detail page with no page data in its HTML: an inline script assembles `window.context` from pieces when it
 * runs. Reading the fetched HTML finds nothing; a tab that runs the page has the object in its MAIN world.
 */
export function scriptedContextPage(item: MockOffer): string {
  const json = JSON.stringify(contextData(item));
  const pieces: string[] = [];
  for (let at = 0; at < json.length; at += 200) pieces.push(json.slice(at, at + 200));
  // Each piece is written as a JS string literal; "<" is escaped so no piece can close the script.
  const literals = pieces.map((p) => JSON.stringify(p).replace(/</g, '\\u003c')).join(',\n');
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${esc(stripTags(text(item.title)))} - 阿里巴巴</title></head>
<body><div id="app"></div>
<script>
(function () {
  var parts = [
${literals}
  ];
  window.context = JSON.parse(parts.join(''));
})();
</script>
</body></html>
`;
}

/** An older-generation detail page (`window.__INIT_DATA`) for a search item. */
export function initDataPage(item: MockOffer): string {
  const tiers = tiersOf(item);
  const title = stripTags(text(item.title));
  const prices = tiers.map((t) => Number(t.price));
  const display =
    prices.length > 1
      ? `${Math.min(...prices).toFixed(2)}-${Math.max(...prices).toFixed(2)}`
      : (tiers[0]?.price ?? '');
  const data = {
    data: {
      '1081181309582': {
        componentType: '@ali/tdmod-od-pc-offer-price',
        data: { priceModel: { currentPrices: tiers, priceDisplay: display } },
      },
    },
    globalData: {
      tempModel: {
        offerId: Number(item.offerId),
        offerTitle: title,
        companyName: text(rec(item.shop).text),
        sellerLoginId: item.loginId,
        offerUnit: unitOf(item),
      },
      orderParamModel: {
        orderParam: { beginNum: tiers[0]?.beginAmount ?? 1, skuParam: { skuRangePrices: tiers } },
      },
      images: images(item).map((u) => ({ fullPathImageURI: u })),
    },
  };
  return `<!DOCTYPE html>
<html><head><meta charset="gbk"><title>${esc(title)} - 阿里巴巴</title></head>
<body><div id="root"></div>
<script>window.__INIT_DATA=${JSON.stringify(data)}
</script>
</body></html>
`;
}

export function delistedPage(): string {
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>阿里巴巴1688.com</title></head>
<body><div class="mod-detail-offline"><div class="offline-tip">该商品已下架</div></div></body></html>
`;
}

export function punishPage(): string {
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>验证码拦截</title></head>
<body><div id="nc_1_wrapper" class="nc_wrapper"><div class="nc_scale"><span>请按住滑块，拖动到最右边</span></div></div></body></html>
`;
}

/** The punish system's deny page (`action=deny`): nothing to pass. */
export function denyPage(): string {
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>访问被拒绝</title></head>
<body><div class="deny"><p>抱歉，您的访问被拒绝。</p></div></body></html>
`;
}

/** The punish system's busy page. */
export function busyPage(): string {
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>系统正忙</title></head>
<body><p>系统正忙，请稍后再试。</p></body></html>
`;
}

export function sliderPage(): string {
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>阿里巴巴1688.com</title></head>
<body><div id="nocaptcha" class="nc-container"><span>请完成下方操作</span></div></body></html>
`;
}

export function loginPage(): string {
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>1688登录</title></head>
<body><form method="post"><input name="loginId"><input name="password" type="password"><button>登录</button></form></body></html>
`;
}

export function h5RootPage(): string {
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>h5api.m.1688.com</title></head>
<body><p>mock 1688 H5 gateway origin</p></body></html>
`;
}

export function homePage(): string {
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>阿里巴巴1688.com - 全球领先的采购批发平台</title></head>
<body><p>mock 1688 home</p></body></html>
`;
}

/** Person-facing result page with offer cards (s.1688.com keyword search or air.1688.com image search). */
export function resultsPage(title: string, offers: MockOffer[], attrs: Record<string, string>): string {
  const cards = offers
    .map((o) => {
      const id = text(o.offerId);
      const img = images(o)[0] ?? '';
      const price = text(rec(o.priceInfo).price);
      const list = rec(o.shopAddition).quantityPrices;
      const moq = Array.isArray(list) ? text(rec(list[0]).quantity) : '';
      return `  <div class="offer-card" data-offer-id="${esc(id)}">
    <a class="offer-link" href="https://detail.1688.com/offer/${esc(id)}.html" target="_blank">
      <img class="offer-img" src="${esc(img)}" alt="">
      <div class="offer-title">${esc(stripTags(text(o.title)))}</div>
    </a>
    <div class="offer-price" data-price="${esc(price)}">¥${esc(price)}</div>
    <div class="offer-moq">${esc(moq)}</div>
    <div class="offer-sales">${esc(text(rec(o.afterPrice).text))}</div>
    <a class="offer-company" href="${esc(text(o.winPortUrl) || '#')}">${esc(text(rec(o.shop).text))}</a>
    <div class="offer-location">${esc(text(o.province))} ${esc(text(o.city))}</div>
  </div>`;
    })
    .join('\n');
  const dataAttrs = Object.entries(attrs)
    .map(([k, v]) => ` data-${k}="${esc(v)}"`)
    .join('');
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${esc(title)} - 阿里巴巴</title></head>
<body>
<div id="sm-offer-list" class="offer-list"${dataAttrs}>
${cards}
</div>
</body></html>
`;
}
