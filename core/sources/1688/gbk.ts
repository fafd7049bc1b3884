/**
 * GBK percent-encoding for person-facing 1688 URLs (s.1688.com decodes `keywords` as GBK: UTF-8 there searches
 * for mojibake). Browsers only encode UTF-8, but every engine we run in decodes GBK, so the encoder table is
 * derived once, lazily, by decoding every double-byte code with `new TextDecoder('gbk')`.
 */

let table: Map<string, number> | null = null;

function buildTable(): Map<string, number> {
  const decoder = new TextDecoder('gbk');
  const map = new Map<string, number>();
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      const ch = decoder.decode(pair);
      // Keep the first (lowest) code for a character, as the WHATWG encoder does.
      if (ch.length >= 1 && !ch.includes('\ufffd') && Array.from(ch).length === 1 && !map.has(ch)) {
        map.set(ch, (lead << 8) | trail);
      }
    }
  }
  // The one single-byte extension the WHATWG GBK decoder knows.
  if (!map.has('€')) map.set('€', 0x80);
  return map;
}

function gbkTable(): Map<string, number> {
  table ??= buildTable();
  return table;
}

/** Whether this engine can decode GBK at all (it can in Chromium, Firefox and Node with ICU). */
export function gbkSupported(): boolean {
  try {
    new TextDecoder('gbk');
    return true;
  } catch {
    return false;
  }
}

/** GBK bytes of `text`; characters GBK has no code for are dropped (null when GBK is unavailable). */
export function gbkBytes(text: string): Uint8Array | null {
  if (!gbkSupported()) return null;
  const map = gbkTable();
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) {
      out.push(cp);
      continue;
    }
    const code = map.get(ch);
    if (code === undefined) continue;
    if (code > 0xff) out.push(code >> 8, code & 0xff);
    else out.push(code);
  }
  return Uint8Array.from(out);
}

const HEX = '0123456789ABCDEF';

/**
 * Percent-encoded GBK, like a form on a GBK page would send it: A–Z a–z 0–9 and `-_.*` stay, a space is "+",
 * everything else is %XX per byte. 帽 → %C3%B1.
 */
export function gbkPercentEncode(text: string): string | null {
  const bytes = gbkBytes(text);
  if (!bytes) return null;
  let out = '';
  for (const b of bytes) {
    if (
      (b >= 0x30 && b <= 0x39) ||
      (b >= 0x41 && b <= 0x5a) ||
      (b >= 0x61 && b <= 0x7a) ||
      b === 0x2d ||
      b === 0x5f ||
      b === 0x2e ||
      b === 0x2a
    ) {
      out += String.fromCharCode(b);
    } else if (b === 0x20) {
      out += '+';
    } else {
      out += `%${HEX[b >> 4]}${HEX[b & 0xf]}`;
    }
  }
  return out;
}

/** Reverse of gbkPercentEncode ("+" is a space); null when not decodable. */
export function gbkPercentDecode(encoded: string): string | null {
  if (!gbkSupported()) return null;
  const bytes: number[] = [];
  for (let i = 0; i < encoded.length; i++) {
    const c = encoded.charCodeAt(i);
    if (c === 0x25) {
      const hex = encoded.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return null;
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else if (c === 0x2b) {
      bytes.push(0x20);
    } else if (c < 0x80) {
      bytes.push(c);
    } else {
      return null;
    }
  }
  return new TextDecoder('gbk').decode(Uint8Array.from(bytes));
}
