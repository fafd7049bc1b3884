/**
 * The site's own product id as the URL carries it ("/p3897500", "-987929.html", "/deal/4548094738",
 * "?pid=262388"), or null. Used as the SKU when no layer names one.
 */
const ID_PARAM =
  /^(?:sku|pid|product_?id|productid|item_?id|itemid|goods_?id|prod_?id|article_?id|articleid|art)$/i;
const ID = /^[A-Za-z0-9][\w-]{2,30}$/;

export function urlSku(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  for (const [k, v] of u.searchParams) if (ID_PARAM.test(k) && ID.test(v) && /\d{3}/.test(v)) return v;
  const segs = u.pathname.split('/').filter(Boolean).slice(-3).reverse();
  for (const raw of segs) {
    let seg: string;
    try {
      seg = decodeURIComponent(raw).replace(/\.(?:html?|php|aspx?|jsp|do)$/i, '');
    } catch {
      continue;
    }
    // Whole segment an id: "4548094738", "p3897500" (a lower-case letter prefix is not part of it), "M14876706".
    const whole = /^(?:[a-z](?=\d{5}))?([A-Z]{0,2}\d{5,20})$/.exec(seg);
    if (whole?.[1]) return whole[1];
    // Trailing id after a slug: "babybjorn_one-987929", "leather-look-shirt-15213589", "…-p400105394".
    const tail = /[-_](?:[a-z](?=\d{5}))?(\d{5,20})$/.exec(seg);
    if (tail?.[1] && seg.length > tail[0].length + 3) return tail[1];
  }
  return null;
}
