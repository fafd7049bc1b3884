import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { tsImport } from 'tsx/esm/api';

// The one charset sniffer (core/text/charset.ts), loaded through tsx as this plain-Node script has no TypeScript.
const { decodeHtml } = await tsImport('../../core/text/charset.ts', import.meta.url);

/** The saved real pages (../shared/data/pages), as {url, html, isProduct}, decoded as a browser would. */
export function loadSavedPages(root) {
  const dir = resolve(root, '..', 'shared', 'data', 'pages');
  const list = JSON.parse(readFileSync(join(dir, 'pages.json'), 'utf8'));
  return list
    .filter((p) => existsSync(join(dir, p.file)))
    .map((p) => {
      const raw = readFileSync(join(dir, p.file));
      const html = decodeHtml(p.file.endsWith('.gz') ? gunzipSync(raw) : raw, p.encoding);
      // A few saved pages have no recorded address: serve them under a neutral one.
      return {
        url: p.url ?? `https://saved-page.invalid/${encodeURIComponent(p.file)}`,
        html,
        isProduct: p.is_product === true,
        noProduct: p.is_product === false,
      };
    });
}
