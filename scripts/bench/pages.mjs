import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The saved real pages (../shared/data/pages), as {url, html, isProduct}. */
export function loadSavedPages(root) {
  const dir = resolve(root, '..', 'shared', 'data', 'pages');
  const list = JSON.parse(readFileSync(join(dir, 'pages.json'), 'utf8'));
  return list
    .filter((p) => existsSync(join(dir, p.file)))
    .map((p) => {
      const raw = readFileSync(join(dir, p.file));
      const html = (p.file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
      // A few saved pages have no recorded address: serve them under a neutral one.
      return {
        url: p.url ?? `https://saved-page.invalid/${encodeURIComponent(p.file)}`,
        html,
        isProduct: p.is_product === true,
        noProduct: p.is_product === false,
      };
    });
}
