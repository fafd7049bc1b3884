/**
 * The page's country, as evidence for symbols that several countries share ($, kr, ¥, 元, £, Rs).
 * The domain's country code is the strongest sign (amazon.co.jp sells in yen whatever the reader's language),
 * then the region in the page language (en-CA), then the country a language implies (ja → JP, sv → SE).
 */
import type { PriceContext } from './types';

// Languages that point to one country for the purpose of these tie-breaks.
const LANGUAGE_REGION: Record<string, string> = {
  ja: 'JP',
  ko: 'KR',
  zh: 'CN',
  sv: 'SE',
  nb: 'NO',
  nn: 'NO',
  no: 'NO',
  da: 'DK',
  is: 'IS',
  fo: 'FO',
  th: 'TH',
  vi: 'VN',
  id: 'ID',
  ms: 'MY',
  tr: 'TR',
  pl: 'PL',
  cs: 'CZ',
  hu: 'HU',
  ro: 'RO',
  bg: 'BG',
  uk: 'UA',
  ru: 'RU',
  be: 'BY',
  he: 'IL',
  fa: 'IR',
  am: 'ET',
};

// Country-code top-level domains that are not the ISO 3166 code of their country.
const TLD_REGION: Record<string, string> = { uk: 'GB' };

function tldRegion(hostname: string | null | undefined): string | null {
  if (typeof hostname !== 'string') return null;
  const host = hostname.trim().toLowerCase().replace(/\.+$/, '');
  const tld = host.slice(host.lastIndexOf('.') + 1);
  if (!/^[a-z]{2}$/.test(tld) || tld === 'eu') return null;
  return TLD_REGION[tld] ?? tld.toUpperCase();
}

function localeRegions(locale: string | null | undefined): string[] {
  if (typeof locale !== 'string') return [];
  const parts = locale.trim().replace(/_/g, '-').split('-');
  const language = (parts[0] ?? '').toLowerCase();
  const out: string[] = [];
  for (const part of parts.slice(1)) {
    if (/^[A-Za-z]{2}$/.test(part)) out.push(part.toUpperCase());
    // zh-Hant without a region is written in Taiwan far more often than in Hong Kong or Macau.
    if (language === 'zh' && /^hant$/i.test(part)) out.push('TW');
  }
  const implied = LANGUAGE_REGION[language];
  if (implied) out.push(implied);
  return out;
}

/** Regions to try, strongest evidence first. */
export function contextRegions(ctx: PriceContext | undefined): string[] {
  if (!ctx) return [];
  const out: string[] = [];
  const tld = tldRegion(ctx.hostname);
  if (tld) out.push(tld);
  for (const r of localeRegions(ctx.locale)) if (!out.includes(r)) out.push(r);
  return out;
}
