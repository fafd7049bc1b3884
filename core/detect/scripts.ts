/** A page's inline script texts and the data they assign, for the site adapters. */
import { literalAfter } from '../text/script-data';

/** Text of inline scripts (no src), bounded in count and total size. */
export function scriptTexts(doc: Document, maxTotal = 12_000_000): string[] {
  const out: string[] = [];
  let total = 0;
  const all = doc.querySelectorAll('script:not([src])');
  for (let k = 0; k < all.length && k < 400; k++) {
    const t = all[k]?.textContent ?? '';
    if (t.length < 20) continue;
    total += t.length;
    if (total > maxTotal) break;
    out.push(t);
  }
  return out;
}

/** First object assigned after any of `markers` in any inline script. */
export function scriptJson(doc: Document, markers: string[], scripts = scriptTexts(doc)): unknown {
  for (const t of scripts)
    for (const m of markers) {
      if (!t.includes(m)) continue;
      const v = literalAfter(t, m);
      if (v) return v;
    }
  return undefined;
}
