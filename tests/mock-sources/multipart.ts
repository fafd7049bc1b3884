/**
 * Reading request bodies in the mock: the raw bytes, and the text fields of a `multipart/form-data` body (what
 * Alibaba.com's image upload receives). Files are read as text too; the mock only ever gets text fields.
 */
import type { IncomingMessage } from 'node:http';

export function readBodyBytes(req: IncomingMessage, limit = 20 * 1024 * 1024): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The boundary of a `multipart/form-data` Content-Type, or null for any other type. */
export function multipartBoundary(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/form-data\s*;/i.test(contentType)) return null;
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return m?.[1] ?? m?.[2] ?? null;
}

/** Fields of a multipart body by name (the first of a repeated name wins); null when it is not well formed. */
export function parseMultipart(body: Buffer, boundary: string): Record<string, string> | null {
  const text = body.toString('utf8');
  const delimiter = `--${boundary}`;
  if (!text.startsWith(delimiter)) return null;
  const fields: Record<string, string> = {};
  const parts = text.split(delimiter).slice(1);
  let closed = false;
  for (const part of parts) {
    if (part.startsWith('--')) {
      closed = true;
      break;
    }
    const headEnd = part.indexOf('\r\n\r\n');
    if (!part.startsWith('\r\n') || headEnd < 0) return null;
    const head = part.slice(2, headEnd);
    const name = /content-disposition:\s*form-data;[^\r\n]*?\bname="([^"]*)"/i.exec(head)?.[1];
    if (name === undefined) return null;
    // The value runs to the CRLF that precedes the next delimiter.
    const value = part.slice(headEnd + 4).replace(/\r\n$/, '');
    if (!(name in fields)) fields[name] = value;
  }
  return closed ? fields : null;
}
