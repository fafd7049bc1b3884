/**
 * Text normalisation for product matching: width folding (NFKC), case, a small traditional → simplified
 * Chinese table, number clean-up and unit canonicalisation ("0.5 L" → "500ml", "16 GB" → "16gb").
 * Pure functions, no DOM or extension APIs.
 */

/**
 * Traditional → simplified pairs for characters common in product titles (electronics, clothing,
 * household, food, shop vocabulary). Deliberately small: a cheap table, not a converter.
 */
const TRAD_SIMP_PAIRS =
  '電电腦脑機机車车門门開开關关體体積积裝装備备專专業业與与為为們们個个這这來来時时對对會会發发現现後后' +
  '點点樣样過过還还進进從从頭头長长問问學学實实動动經经種种應应當当說说處处數数書书買买賣卖價价錢钱貨货' +
  '號号碼码標标準准質质視视網网絡络線线藍蓝綠绿紅红紫紫銀银鐵铁鋼钢鋁铝膠胶紙纸襪袜褲裤衛卫護护膚肤潔洁' +
  '淨净鏡镜燈灯飾饰響响聲声錶表鐘钟筆笔記记軟软硬硬盤盘縮缩風风熱热溫温濕湿乾干燥燥氣气壓压壺壶鍋锅廚厨' +
  '櫃柜櫥橱箱箱袋袋彈弹簧簧輪轮軸轴輕轻寬宽條条組组雙双單单顆颗測测試试驗验廣广場场傳传統统戶户屬属絲丝' +
  '綢绸鑽钻幣币銷销優优惠惠獎奖禮礼贈赠運运費费郵邮遞递無无頻频攝摄錄录螢萤幕幕顯显觸触導导航航池池節节' +
  '能能環环保保兒儿嬰婴輛辆駕驾駛驶齒齿鏈链繩绳紗纱綿绵絨绒鹽盐麵面飯饭湯汤醬酱餅饼飲饮調调鮮鲜魚鱼蝦虾' +
  '雞鸡鴨鸭豬猪葉叶藥药營营養养療疗醫医診诊斷断劑剂罐罐盤盘碗碗筷筷鍵键鼠鼠卡卡憶忆處处理理器器產产廠厂' +
  '屬属類类規规格格尺尺寸寸碼码顏颜色色黃黄灰灰綫线纖纤維维棉棉滌涤綸纶彩彩韓韩國国際际紀纪念念創创設设計计' +
  '術术藝艺圖图畫画館馆園园區区縣县鄉乡買买賣卖庫库存存訂订單单貸贷款款幫帮們们寫写讀读聽听覺觉說说話话語语' +
  '讓让誰谁課课議议證证識识責责貴贵賓宾購购贈赠則则員员夠够麼么嗎吗鬆松緊紧舊旧歲岁齡龄豐丰滿满濾滤淨净' +
  '灣湾島岛遊游戲戏車车箏筝馬马驢驴鳥鸟龍龙龜龟魯鲁樂乐歡欢愛爱帶带鞋鞋髮发鬚须臉脸膚肤頸颈腳脚腿腿瘦瘦' +
  '減减肥肥銹锈鏽锈鍋锅瓶瓶壺壶蓋盖罩罩鍍镀電电極极純纯補补濾滤條条寬宽闊阔圓圆橢椭燒烧熱热凍冻鮮鲜';

const TRAD_TO_SIMP: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const chars = Array.from(TRAD_SIMP_PAIRS);
  for (let i = 0; i + 1 < chars.length; i += 2) {
    const t = chars[i] as string;
    const s = chars[i + 1] as string;
    if (t !== s) map.set(t, s);
  }
  return map;
})();

/** Number of traditional characters the table converts (for tests and diagnostics). */
export const tradSimpTableSize = TRAD_TO_SIMP.size;

const TRAD_RE = new RegExp(`[${[...TRAD_TO_SIMP.keys()].join('')}]`, 'gu');
const HAS_TRAD = new RegExp(TRAD_RE.source, 'u');

/** Replace common traditional Chinese characters by their simplified forms; other text is unchanged. */
export function toSimplified(text: string): string {
  if (!HAS_TRAD.test(text)) return text;
  return text.replace(TRAD_RE, (ch) => TRAD_TO_SIMP.get(ch) ?? ch);
}

/** Unicode compatibility folding: full-width letters/digits/punctuation to ASCII, ligatures, etc. */
export function foldWidth(text: string): string {
  return text.normalize('NFKC');
}

interface UnitRule {
  /** Canonical unit written after the number. */
  unit: string;
  /** Multiply the number by this to convert to `unit`. */
  factor: number;
}

/** Unit spellings (lower case, after NFKC) → canonical unit. Longest alternatives must come first in the regex. */
const UNIT_RULES: Record<string, UnitRule> = {
  ml: { unit: 'ml', factor: 1 },
  milliliter: { unit: 'ml', factor: 1 },
  milliliters: { unit: 'ml', factor: 1 },
  millilitre: { unit: 'ml', factor: 1 },
  millilitres: { unit: 'ml', factor: 1 },
  毫升: { unit: 'ml', factor: 1 },
  cl: { unit: 'ml', factor: 10 },
  l: { unit: 'ml', factor: 1000 },
  liter: { unit: 'ml', factor: 1000 },
  liters: { unit: 'ml', factor: 1000 },
  litre: { unit: 'ml', factor: 1000 },
  litres: { unit: 'ml', factor: 1000 },
  升: { unit: 'ml', factor: 1000 },
  mg: { unit: 'mg', factor: 1 },
  毫克: { unit: 'mg', factor: 1 },
  g: { unit: 'g', factor: 1 },
  gram: { unit: 'g', factor: 1 },
  grams: { unit: 'g', factor: 1 },
  克: { unit: 'g', factor: 1 },
  kg: { unit: 'g', factor: 1000 },
  kilogram: { unit: 'g', factor: 1000 },
  kilograms: { unit: 'g', factor: 1000 },
  千克: { unit: 'g', factor: 1000 },
  公斤: { unit: 'g', factor: 1000 },
  斤: { unit: 'g', factor: 500 },
  lb: { unit: 'lb', factor: 1 },
  lbs: { unit: 'lb', factor: 1 },
  oz: { unit: 'oz', factor: 1 },
  mm: { unit: 'mm', factor: 1 },
  毫米: { unit: 'mm', factor: 1 },
  cm: { unit: 'mm', factor: 10 },
  厘米: { unit: 'mm', factor: 10 },
  公分: { unit: 'mm', factor: 10 },
  meter: { unit: 'mm', factor: 1000 },
  meters: { unit: 'mm', factor: 1000 },
  metre: { unit: 'mm', factor: 1000 },
  metres: { unit: 'mm', factor: 1000 },
  米: { unit: 'mm', factor: 1000 },
  inch: { unit: 'in', factor: 1 },
  inches: { unit: 'in', factor: 1 },
  in: { unit: 'in', factor: 1 },
  '"': { unit: 'in', factor: 1 },
  "'": { unit: 'in', factor: 1 },
  '”': { unit: 'in', factor: 1 },
  英寸: { unit: 'in', factor: 1 },
  寸: { unit: 'in', factor: 1 },
  ft: { unit: 'ft', factor: 1 },
  feet: { unit: 'ft', factor: 1 },
  foot: { unit: 'ft', factor: 1 },
  kb: { unit: 'kb', factor: 1 },
  mb: { unit: 'mb', factor: 1 },
  gb: { unit: 'gb', factor: 1 },
  tb: { unit: 'tb', factor: 1 },
  mah: { unit: 'mah', factor: 1 },
  毫安: { unit: 'mah', factor: 1 },
  wh: { unit: 'wh', factor: 1 },
  w: { unit: 'w', factor: 1 },
  watt: { unit: 'w', factor: 1 },
  watts: { unit: 'w', factor: 1 },
  瓦: { unit: 'w', factor: 1 },
  kw: { unit: 'w', factor: 1000 },
  v: { unit: 'v', factor: 1 },
  volt: { unit: 'v', factor: 1 },
  volts: { unit: 'v', factor: 1 },
  伏: { unit: 'v', factor: 1 },
  hz: { unit: 'hz', factor: 1 },
  khz: { unit: 'hz', factor: 1000 },
  mhz: { unit: 'mhz', factor: 1 },
  ghz: { unit: 'ghz', factor: 1 },
  mp: { unit: 'mp', factor: 1 },
  megapixel: { unit: 'mp', factor: 1 },
  megapixels: { unit: 'mp', factor: 1 },
  ms: { unit: 'ms', factor: 1 },
  rpm: { unit: 'rpm', factor: 1 },
  pcs: { unit: 'pcs', factor: 1 },
  pc: { unit: 'pcs', factor: 1 },
  pack: { unit: 'pcs', factor: 1 },
  件: { unit: 'pcs', factor: 1 },
  个: { unit: 'pcs', factor: 1 },
  只: { unit: 'pcs', factor: 1 },
  片: { unit: 'pcs', factor: 1 },
};

const UNIT_ALTERNATION = Object.keys(UNIT_RULES)
  .sort((a, b) => b.length - a.length)
  .map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|');

/**
 * A number (with optional decimal part) followed by optional space/hyphen and a unit. The unit must not be
 * followed by another letter/digit (so "500mlx" or "16gbps" are left alone) — except for CJK units, which
 * are naturally followed by more CJK text.
 */
const QUANTITY_RE = new RegExp(
  `(?<![\\p{L}\\p{N}.,\\-/])(\\d+(?:\\.\\d+)?)\\s?-?\\s?(${UNIT_ALTERNATION})(?![\\p{L}\\p{N}]|-[\\p{L}\\p{N}])`,
  'gu',
);

const NON_ASCII_RE = /[^\t-~]/; // anything outside tab..tilde (ASCII text)
const DIGIT_RE = /\d/;
/** Anything whitespace-wise that is not single inner spaces. */
const MESSY_SPACE_RE = /\s\s|[^\S ]|^\s|\s$/;

/** Thousands separators inside numbers: "7,000" → "7000", "1,234,567" → "1234567". */
const THOUSANDS_RE = /(?<=\d),(?=\d{3}(?!\d))/g;

/** Format a number without float noise: 0.5*1000 → "500", 1.25 → "1.25". */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  const rounded = Math.round(value * 1e6) / 1e6;
  return String(rounded);
}

/** Rewrite quantities with units into a canonical "<number><unit>" token: "0.5 L" → "500ml". */
export function normalizeUnits(text: string): string {
  return text.replace(QUANTITY_RE, (whole, num: string, unitRaw: string) => {
    const rule = UNIT_RULES[unitRaw];
    if (!rule) return whole;
    // Lone "m", "l", "g", "in", "w", "v" etc. are ambiguous after plain numbers only when they start a
    // word; the look-behind/look-ahead already require a clean boundary, so accept them.
    const value = Number.parseFloat(num) * rule.factor;
    // The match is bounded by non-alphanumerics on both sides, except CJK text after a CJK unit.
    return `${formatNumber(value)}${rule.unit}`;
  });
}

/** Strip trailing zeros of stand-alone decimals: "1.0" → "1", "2.50" → "2.5" (not inside codes like "ls-wx1.0tl"). */
function tidyNumbers(text: string): string {
  return text.replace(/(?<![\p{L}\d.])(\d+)\.(\d*?)0+(?![\p{L}\d])/gu, (_w, int: string, frac: string) =>
    frac.length ? `${int}.${frac}` : int,
  );
}

/**
 * Full normalisation used before tokenising: NFKC, lower case, simplified Chinese, thousands separators,
 * canonical units, collapsed whitespace.
 */
export function normalizeText(text: string): string {
  let s = String(text ?? '');
  if (NON_ASCII_RE.test(s)) s = toSimplified(foldWidth(s));
  s = s.toLowerCase();
  if (DIGIT_RE.test(s)) {
    if (s.includes(',')) s = s.replace(THOUSANDS_RE, '');
    if (s.includes('.')) s = tidyNumbers(s);
    s = normalizeUnits(s);
  }
  return MESSY_SPACE_RE.test(s) ? s.replace(/\s+/g, ' ').trim() : s;
}
