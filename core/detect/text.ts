/** Plain-text and URL sanitising for everything the detector reports. */

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  trade: '™',
  reg: '®',
  copy: '©',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  times: '×',
  deg: '°',
};

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8});?/g, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return code > 0 && code < 0x110000 && (code < 0xd800 || code > 0xdfff)
        ? String.fromCodePoint(code)
        : ' ';
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

function stripTags(s: string): string {
  if (!s.includes('<')) return s;
  return s
    .replace(/<(script|style|noscript|template|iframe|object)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ')
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<\/?[a-zA-Z!?][^>]*(?:>|$)/g, ' ');
}

// C0/C1 controls, zero-width and bidi-override characters.
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

/**
 * Any value to bounded plain text: markup stripped, entities decoded, invisible characters removed,
 * whitespace collapsed, at most `max` characters. Null when nothing is left.
 */
export function cleanText(v: unknown, max = 100): string | null {
  let s: string;
  if (typeof v === 'string') s = v;
  else if (typeof v === 'number' && Number.isFinite(v)) s = String(v);
  else return null;
  if (s.length > 50_000) s = s.slice(0, 50_000);
  s = stripTags(decodeEntities(stripTags(s)))
    .replace(INVISIBLE, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (s.length > max) {
    s = s.slice(0, max - 1);
    const c = s.charCodeAt(s.length - 1);
    if (c >= 0xd800 && c <= 0xdbff) s = s.slice(0, -1);
    s = `${s.trimEnd()}…`;
  }
  return s || null;
}

/** Absolute http(s) URL of a possibly relative link, or null (javascript:, data:, blob:, junk). */
export function absUrl(raw: unknown, base: string): string | null {
  if (typeof raw !== 'string') return null;
  const t = raw.trim().replace(/[\t\n\r]+/g, '');
  if (!t || t.length > 2048) return null;
  try {
    const u = new URL(t, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Visible text of an element, bounded (textContent, so no layout is needed). */
export function textOf(el: Element | null | undefined, max = 300): string | null {
  return el ? cleanText((el.textContent ?? '').slice(0, 5000), max) : null;
}

/** Registrable-ish site of a hostname: the last two labels, three for "co.uk"-style suffixes. */
export function siteOf(host: string): string {
  const parts = host.toLowerCase().replace(/\.$/, '').split('.');
  const n =
    parts.length > 2 && /^(?:co|com|net|org|gov|ac|edu|ne|or|go)$/.test(parts[parts.length - 2] ?? '')
      ? 3
      : 2;
  return parts.slice(-n).join('.');
}
