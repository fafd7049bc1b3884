import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { decodeHtml } from '../../../core/text/charset';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/pages', import.meta.url));

/** A Document from HTML text (linkedom, as in the eval). */
export function doc(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** A Document from a fixture file (`.html` or `.html.gz`), decoded by its own charset. */
export function fixtureDoc(path: string): Document {
  let bytes: Uint8Array = readFileSync(path);
  if (path.endsWith('.gz')) bytes = gunzipSync(bytes);
  return doc(decodeHtml(bytes));
}

/** Every page fixture: `<dir>/<name>.html(.gz)` with `<name>.expected.json` beside it. */
export function fixtures(): { dir: string; name: string; page: string; expected: string }[] {
  const out: { dir: string; name: string; page: string; expected: string }[] = [];
  for (const dir of readdirSync(FIXTURES, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const f of readdirSync(join(FIXTURES, dir.name))) {
      const m = /^(.*)\.html(?:\.gz)?$/.exec(f);
      if (m?.[1])
        out.push({
          dir: dir.name,
          name: m[1],
          page: join(FIXTURES, dir.name, f),
          expected: join(FIXTURES, dir.name, `${m[1]}.expected.json`),
        });
    }
  }
  return out;
}

/** A minimal product page around some head/body markup. */
export const page = (head: string, body = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test page</title>${head}</head><body>${body}</body></html>`;

export const ld = (json: string) => `<script type="application/ld+json">${json}</script>`;
