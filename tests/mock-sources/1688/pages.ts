/**
 * HTML and JSON bodies the 1688 mock serves. Shapes follow /work/shared/data/1688/PROTOCOL.md; the person-facing
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

/** A search item (`items[].data`) generated for a keyword and position. */
export function generatedOffer(seed: string, i: number): MockOffer {
  const h = hash32(`${seed}#${i}`);
  const offerId = String(700_000_000_000 + (hash32(seed) % 100_000) * 1000 + i);
  const [province, city] = PROVINCES[h % PROVINCES.length] ?? ['浙江', '义乌'];
  const unit = UNITS[h % UNITS.length] ?? '件';
  const base = 100 + (h % 5000);
  const p1 = (base / 100).toFixed(2);
  const p2 = ((base * 0.9) / 100).toFixed(2);
  const factory = h % 3 === 0;
  return {
    offerId,
    title: `<font color=red>${esc(seed)}</font> 示例商品 ${i + 1}`,
    priceInfo: { price: p1 },
    offerPicUrl: `//cbu01.alicdn.com/img/ibank/O1CN01mock${offerId}.jpg`,
    province,
    city,
    bookedCount: h % 500,
    afterPrice: { text: `已售${h % 500}+${unit}` },
    offerRepurchaseRate: `${h % 60}%`,
    isP4P: i % 10 === 3,
    superFactory: factory && h % 2 === 0,
    factoryInspection: factory,
    bizType: factory ? '生产加工' : '经销批发',
    loginId: `mock_seller_${h % 997}`,
    memberId: `b2b-mock${h % 99991}`,
    shop: { text: `${city}示例${factory ? '工厂' : '商行'}${h % 97}`, tpYear: 1 + (h % 12) },
    shopAddition: {
      quantityPrices: [
        { quantity: `≥${1 + (h % 3)}${unit}`, value: p1 },
        { quantity: `≥${100 + (h % 3) * 100}${unit}`, value: p2 },
      ],
    },
    offerMiddle: [{ text: h % 2 ? '48小时发货' : '24小时揽收' }],
    tags: h % 4 === 0 ? [{ text: '一件代发' }] : [],
  };
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

/**
 * Colour × size SKUs as current pages carry them (`skuModel.skuInfoMap`, keys "颜色>尺码" with `&gt;` in the
 * page), priced from the offer's first tier; stock varies so a reader can tell rows apart.
 */
function skuModelOf(item: MockOffer, tiers: { price: string }[]): Record<string, unknown> {
  const base = Number(tiers[0]?.price ?? 10) || 10;
  const colours = ['黑色', '白色', '灰色'];
  const sizes = ['M', 'L'];
  const skuInfoMap: Record<string, unknown> = {};
  for (const [i, c] of colours.entries()) {
    for (const [j, size] of sizes.entries()) {
      const n = i * sizes.length + j;
      skuInfoMap[`${c}&gt;${size}`] = {
        skuId: Number(`${String(item.offerId).slice(-6)}${n}`),
        specId: `spec${n}`,
        price: (base + j * 0.5).toFixed(2),
        canBookCount: 100 * (n + 1),
      };
    }
  }
  return {
    skuProps: [
      { prop: '颜色', value: colours.map((name) => ({ name })) },
      { prop: '尺码', value: sizes.map((name) => ({ name })) },
    ],
    skuInfoMap,
  };
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

/** A current-generation detail page (`window.context` IIFE) for a search item. */
export function contextPage(item: MockOffer): string {
  const tiers = tiersOf(item);
  const title = stripTags(text(item.title));
  const company = text(rec(item.shop).text);
  const dropship = Array.isArray(item.tags) && item.tags.some((t) => text(rec(t).text).includes('代发'));
  const data = {
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
  const literal = `${JSON.stringify(data).slice(0, -1)},"module":{98:"mock"},"version":"0.26.16"}`;
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${esc(title)} - 阿里巴巴</title></head>
<body><div id="app"></div>
<script>
window.contextPath = "/default";
window.context=(function(b,d){var c=d.module||{};return d})(window.contextPath,${literal});
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
