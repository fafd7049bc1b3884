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

/** The country (ISO 3166) of a host name's country-code domain ("shop.co.uk" → GB), or null. */
export function regionOfHost(hostname: string | null | undefined): string | null {
  if (typeof hostname !== 'string') return null;
  const host = hostname.trim().toLowerCase().replace(/\.+$/, '');
  const tld = host.slice(host.lastIndexOf('.') + 1);
  if (!/^[a-z]{2}$/.test(tld) || tld === 'eu') return null;
  return TLD_REGION[tld] ?? tld.toUpperCase();
}

const EURO_AREA = new Set('AT BE CY DE EE ES FI FR GR HR IE IT LT LU LV MT NL PT SI SK'.split(' '));
// The national currency of the countries whose shops we see, for prices that name none.
const REGION_CURRENCY: Record<string, string> = {
  GB: 'GBP',
  US: 'USD',
  CA: 'CAD',
  AU: 'AUD',
  NZ: 'NZD',
  JP: 'JPY',
  CN: 'CNY',
  TW: 'TWD',
  HK: 'HKD',
  KR: 'KRW',
  SG: 'SGD',
  IN: 'INR',
  BR: 'BRL',
  MX: 'MXN',
  AR: 'ARS',
  CL: 'CLP',
  CO: 'COP',
  PL: 'PLN',
  CZ: 'CZK',
  HU: 'HUF',
  RO: 'RON',
  BG: 'BGN',
  CH: 'CHF',
  SE: 'SEK',
  NO: 'NOK',
  DK: 'DKK',
  RU: 'RUB',
  UA: 'UAH',
  BY: 'BYN',
  TR: 'TRY',
  IL: 'ILS',
  AE: 'AED',
  SA: 'SAR',
  ZA: 'ZAR',
  TH: 'THB',
  VN: 'VND',
  ID: 'IDR',
  MY: 'MYR',
  PH: 'PHP',
};

/** The currency of the country of a host name's domain ("shop.de" → EUR), or null. */
export function currencyOfHost(hostname: string | null | undefined): string | null {
  const region = regionOfHost(hostname);
  if (!region) return null;
  return EURO_AREA.has(region) ? 'EUR' : (REGION_CURRENCY[region] ?? null);
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
  const tld = regionOfHost(ctx.hostname);
  if (tld) out.push(tld);
  for (const r of localeRegions(ctx.locale)) if (!out.includes(r)) out.push(r);
  return out;
}
