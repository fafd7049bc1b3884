/**
 * Example product URLs per site adapter: every one must match its adapter's `matches` and no other adapter's
 * patterns. Kept with the tests, not on the adapters, so they do not ship in the content script.
 */
export const ADAPTER_TEST_URLS: Record<string, string[]> = {
  taobao: [
    'https://item.taobao.com/item.htm?id=652617295832',
    'https://h5.m.taobao.com/awp/core/detail.htm?id=652617295832',
  ],
  tmall: [
    'https://detail.tmall.com/item.htm?id=609012345678',
    'https://detail.tmall.hk/hk/item.htm?id=609012345678',
  ],
  jd: ['https://item.jd.com/100012043978.html', 'https://item.m.jd.com/product/100012043978.html'],
  pinduoduo: [
    'https://mobile.yangkeduo.com/goods.html?goods_id=123456789012',
    'https://mobile.yangkeduo.com/goods2.html?goods_id=42',
  ],
  xiaohongshu: [
    'https://www.xiaohongshu.com/explore/64a1b2c3000000001e03f1a2',
    'https://www.xiaohongshu.com/discovery/item/64a1b2c3000000001e03f1a2',
  ],
  douyin: [
    'https://haohuo.jinritemai.com/views/product/detail?id=3581234567890123456',
    'https://www.douyin.com/video/7212345678901234567',
  ],
  amazon: [
    'https://www.amazon.com/dp/B07FW264WL',
    'https://www.amazon.co.uk/dp/B004SNMXRS',
    'https://www.amazon.co.jp/dp/B0C1234567',
  ],
  ebay: ['https://www.ebay.com/itm/302474151804', 'https://www.ebay.de/itm/Some-Title/133588510845'],
  etsy: ['https://www.etsy.com/listing/550571276/el-original', 'https://www.etsy.com/es/listing/550571276/x'],
  walmart: [
    'https://www.walmart.com/ip/Some-Product/123456789',
    'https://www.walmart.ca/en/ip/some-product/6000201234567',
  ],
  aliexpress: [
    'https://www.aliexpress.com/item/1005001234567890.html',
    'https://www.aliexpress.us/item/3256801234567890.html',
  ],
  temu: [
    'https://www.temu.com/wireless-earbuds-g-601099512345678.html',
    'https://www.temu.com/uk/desk-lamp-g-601099598765432.html',
  ],
  shein: [
    'https://us.shein.com/Floral-Print-Dress-p-12345678.html',
    'https://www.shein.co.uk/Knit-Top-p-23456789-cat-1738.html',
  ],
  tiktokshop: [
    'https://shop.tiktok.com/view/product/1729587654321098765',
    'https://www.tiktok.com/@someshop/product/1729587654321098765',
  ],
  shopify: ['https://example-store.myshopify.com/products/blue-linen-shirt'],
};
