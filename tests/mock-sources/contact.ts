/**
 * The supplier contact pages SourceLens opens for "Ask the supplier" (each source's `pages.contact`), answered by
 * every mock with one small page: its title, and the query it was opened with as data attributes, so a browser
 * test can check which supplier and offer the tab was opened for. What the real chat pages show is not imitated
 * (they need the person's session and run the site's own chat client).
 *
 *   1688     air.1688.com   /app/ocms-fusion-components-1688/def_cbu_web_im/index.html?touid=cnalichn<loginId>…
 *   alibaba  message.alibaba.com  /msgsend/contact.htm?action=contact_action&chkProductIds=<id>
 */
import type { ServerResponse } from 'node:http';
import { esc } from './html';
import { sendHtml } from './http';

/** The 1688 chat page's path and Alibaba.com's contact form's (the hosts are each mock's own). */
export const CONTACT_PATHS = {
  '1688': '/app/ocms-fusion-components-1688/def_cbu_web_im/index.html',
  alibaba: '/msgsend/contact.htm',
} as const;

/** Answers a contact page: `<main data-testid="mock-contact" data-source=… data-…>` with each query parameter. */
export function sendContactPage(res: ServerResponse, source: keyof typeof CONTACT_PATHS, url: URL): void {
  const attrs = [...url.searchParams]
    .filter(([name]) => /^[A-Za-z][\w-]{0,30}$/.test(name))
    .map(([name, value]) => ` data-q-${esc(name.toLowerCase())}="${esc(value)}"`)
    .join('');
  const title = source === '1688' ? '旺旺 (mock)' : 'Contact Supplier - Alibaba.com (mock)';
  sendHtml(
    res,
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(title)}</title></head><body>` +
      `<main data-testid="mock-contact" data-source="${esc(source)}"${attrs}><h1>${esc(title)}</h1></main></body></html>`,
  );
}
