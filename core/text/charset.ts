/**
 * Which character encoding a browser decodes an HTML page's bytes with, and the decoding itself, for saved
 * pages read outside a browser (the command-line detector, the evaluation, the benchmark). The order is the
 * HTML standard's (https://html.spec.whatwg.org/multipage/parsing.html#determining-the-character-encoding):
 * a byte-order mark; then the encoding the transport declared (the HTTP Content-Type charset, when it was
 * recorded); then the prescan of the first 1024 bytes for `<meta charset>` or
 * `<meta http-equiv="Content-Type" content="…; charset=…">`; else the default, UTF-8.
 * Labels are WHATWG encoding labels ("gbk", "shift_jis", "latin1" = windows-1252), as TextDecoder takes them.
 */

export type EncodingSource = 'bom' | 'transport' | 'meta' | 'default';

export interface SniffedEncoding {
  /** The canonical WHATWG name, as TextDecoder reports it ("utf-8", "gbk", "windows-1252"). */
  encoding: string;
  source: EncodingSource;
}

/** The canonical name of an encoding label, or null when TextDecoder does not know it. */
export function encodingOf(label: string | null | undefined): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

const isSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\n' || c === '\f' || c === '\r';

/** The standard's "get an attribute" at `at` of the prescan text: name (lower case), value and end. */
function readAttribute(s: string, at: number): { name: string; value: string; end: number } | null {
  let i = at;
  while (i < s.length && (isSpace(s[i]) || s[i] === '/')) i++;
  if (i >= s.length || s[i] === '>') return null;
  let name = '';
  while (i < s.length) {
    const c = s[i] as string;
    if (name && (c === '=' || c === '/' || c === '>' || isSpace(c))) break;
    name += c.toLowerCase();
    i++;
  }
  while (isSpace(s[i])) i++;
  if (s[i] !== '=') return { name, value: '', end: i };
  i++;
  while (isSpace(s[i])) i++;
  const q = s[i];
  if (q === '"' || q === "'") {
    const close = s.indexOf(q, i + 1);
    if (close < 0) return null;
    return { name, value: s.slice(i + 1, close).toLowerCase(), end: close + 1 };
  }
  let value = '';
  while (i < s.length && !isSpace(s[i]) && s[i] !== '>') value += (s[i++] as string).toLowerCase();
  return { name, value, end: i };
}

/** The standard's "extract a character encoding from a meta element" (the content="…charset=…" value). */
function charsetInContent(content: string): string | null {
  let from = 0;
  for (;;) {
    const at = content.indexOf('charset', from);
    if (at < 0) return null;
    let i = at + 7;
    while (isSpace(content[i])) i++;
    if (content[i] !== '=') {
      from = at + 7;
      continue;
    }
    i++;
    while (isSpace(content[i])) i++;
    const q = content[i];
    if (q === '"' || q === "'") {
      const close = content.indexOf(q, i + 1);
      return close < 0 ? null : content.slice(i + 1, close);
    }
    let end = i;
    while (end < content.length && !isSpace(content[end]) && content[end] !== ';') end++;
    return end > i ? content.slice(i, end) : null;
  }
}

/** The encoding a meta tag whose attributes start at `at` declares, and where the tag ends. */
function metaEncoding(s: string, at: number): { encoding: string | null; end: number } {
  const seen = new Set<string>();
  let gotPragma = false;
  let needPragma: boolean | null = null;
  let charset: string | null = null;
  let i = at;
  for (let attr = readAttribute(s, i); attr; attr = readAttribute(s, i)) {
    i = attr.end;
    if (seen.has(attr.name)) continue;
    seen.add(attr.name);
    if (attr.name === 'http-equiv') gotPragma ||= attr.value === 'content-type';
    else if (attr.name === 'content' && charset === null) {
      const found = charsetInContent(attr.value);
      if (found !== null) {
        charset = found;
        needPragma = true;
      }
    } else if (attr.name === 'charset') {
      charset = attr.value;
      needPragma = false;
    }
  }
  if (needPragma === null || (needPragma && !gotPragma)) return { encoding: null, end: i };
  let encoding = encodingOf(charset);
  // A page cannot be UTF-16 if an ASCII prescan could read it; the standard reads these as UTF-8.
  if (encoding === 'utf-16le' || encoding === 'utf-16be') encoding = 'utf-8';
  if (encoding === 'x-user-defined') encoding = 'windows-1252';
  return { encoding, end: i };
}

/** The standard's prescan of the first 1024 bytes: the encoding the first usable meta tag declares, or null. */
export function prescanEncoding(bytes: Uint8Array): string | null {
  // Latin-1 keeps one character per byte, so indexes are byte offsets and ASCII reads as itself.
  let s = '';
  const n = Math.min(bytes.length, 1024);
  for (let k = 0; k < n; k++) s += String.fromCharCode(bytes[k] as number);
  let i = 0;
  while (i < s.length) {
    if (s[i] !== '<') {
      i++;
      continue;
    }
    if (s.startsWith('<!--', i)) {
      const close = s.indexOf('-->', i + 2);
      if (close < 0) return null;
      i = close + 3;
    } else if (/^<meta[\s/]/i.test(s.slice(i, i + 6))) {
      const meta = metaEncoding(s, i + 5);
      if (meta.encoding) return meta.encoding;
      i = meta.end + 1;
    } else if (/^<\/?[a-z]/i.test(s.slice(i, i + 3))) {
      // Any other tag: its name, then its attributes (a quoted value may hold a ">").
      i += s[i + 1] === '/' ? 2 : 1;
      while (i < s.length && !isSpace(s[i]) && s[i] !== '>') i++;
      for (let attr = readAttribute(s, i); attr; attr = readAttribute(s, i)) i = attr.end;
      i++;
    } else if (s[i + 1] === '!' || s[i + 1] === '/' || s[i + 1] === '?') {
      const close = s.indexOf('>', i + 2);
      if (close < 0) return null;
      i = close + 1;
    } else i++;
  }
  return null;
}

/** The encoding a browser would decode the page with, and what decided it. */
export function sniffHtmlEncoding(bytes: Uint8Array, transportLabel?: string | null): SniffedEncoding {
  const bom = bomEncoding(bytes);
  if (bom) return { encoding: bom, source: 'bom' };
  const transport = encodingOf(transportLabel);
  if (transport) return { encoding: transport, source: 'transport' };
  const meta = prescanEncoding(bytes);
  if (meta) return { encoding: meta, source: 'meta' };
  return { encoding: 'utf-8', source: 'default' };
}

/**
 * The page's text, decoded as a browser would (sniffHtmlEncoding). One step past the standard's default:
 * an undeclared page that is not valid UTF-8 is read as windows-1252, the legacy default browsers use for the
 * locales of these saved pages, rather than filled with replacement characters.
 */
export function decodeHtml(bytes: Uint8Array, transportLabel?: string | null): string {
  const { encoding, source } = sniffHtmlEncoding(bytes, transportLabel);
  if (source === 'default') {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return new TextDecoder('windows-1252').decode(bytes);
    }
  }
  return new TextDecoder(encoding).decode(bytes);
}
