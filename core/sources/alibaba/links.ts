/**
 * The links an Alibaba.com offer carries besides its own page: its pictures and its supplier's shop. Only https
 * addresses leave here (protocol-relative and http ones upgraded, anything else dropped).
 */
import { httpsUrl } from '../../url';
import { isRecord, uniq } from '../util';
import { ALIBABA_HOST_RE } from './urls';

/** Images from arrays, comma-separated strings or `{url|imageUrl}` objects, at most 20, each once. */
export function imagesOf(...values: unknown[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    const parts = Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : [v];
    for (const p of parts) {
      const u = httpsUrl(isRecord(p) ? (p.url ?? p.imageUrl) : p);
      if (u) out.push(u);
    }
  }
  return uniq(out).slice(0, 20);
}

/** A supplier page on an alibaba.com host, without its tracking query. */
export function shopUrlOf(...values: unknown[]): string | null {
  for (const v of values) {
    const u = httpsUrl(v);
    if (!u) continue;
    const parsed = new URL(u);
    if (ALIBABA_HOST_RE.test(parsed.hostname))
      return `https://${parsed.hostname.toLowerCase()}${parsed.pathname}`;
  }
  return null;
}
