/**
 * HTML character references (`&amp;`, `&#233;`, `&#x4E73;`) decoded as a browser decodes them in an
 * attribute value, which is also the safe reading for text that may hold URLs:
 * - numeric references with or without the `;`; 0x80–0x9F read as windows-1252 (`&#150;` is "–"), as
 *   browsers do; a code point that cannot be a character (0, a surrogate, above U+10FFFF) becomes a space
 *   (browsers show U+FFFD there; a space is what every caller wants in shown text);
 * - named references need the `;`, except the legacy ones browsers accept without it (`&amp`, `&eacute`,
 *   `&nbsp`…), which are still left alone before `=` or a letter or digit (`?a=1&copy=2` stays a URL);
 * - names are case-sensitive (`&AMP;` is a name, `&Amp;` is not) and unknown names stay as written.
 * The table holds the Latin-1 names (all of the legacy set) and the typographic ones shops write; not all
 * 2,231 HTML names, which would weigh more than the rest of the detector.
 */

/** Names of U+00A0…U+00FF in code point order: exactly the legacy names browsers accept without `;`. */
const LATIN1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 ' +
  'acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml ' +
  'Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde ' +
  'Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ' +
  'ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide ' +
  'oslash ugrave uacute ucirc uuml yacute thorn yuml';

/** The other legacy names (ASCII), and their upper-case spellings that HTML also defines. */
const LEGACY_ASCII: Record<string, string> = {
  amp: '&',
  AMP: '&',
  lt: '<',
  LT: '<',
  gt: '>',
  GT: '>',
  quot: '"',
  QUOT: '"',
  COPY: '©',
  REG: '®',
};

/** Names that need the `;`: name, then the code point in hex. */
const WITH_SEMICOLON =
  'apos 27 OElig 152 oelig 153 Scaron 160 scaron 161 Yuml 178 fnof 192 circ 2c6 tilde 2dc ensp 2002 emsp 2003 ' +
  'thinsp 2009 zwnj 200c zwj 200d lrm 200e rlm 200f ndash 2013 mdash 2014 lsquo 2018 rsquo 2019 sbquo 201a ' +
  'ldquo 201c rdquo 201d bdquo 201e dagger 2020 Dagger 2021 bull 2022 hellip 2026 permil 2030 prime 2032 ' +
  'Prime 2033 lsaquo 2039 rsaquo 203a euro 20ac trade 2122 larr 2190 uarr 2191 rarr 2192 darr 2193 harr 2194 ' +
  'minus 2212 infin 221e asymp 2248 ne 2260 le 2264 ge 2265';

/** windows-1252 characters that browsers read numeric references 0x80–0x9F as (0x81, 0x8D… stay). */
const C1: Record<number, number> = {
  128: 0x20ac,
  130: 0x201a,
  131: 0x192,
  132: 0x201e,
  133: 0x2026,
  134: 0x2020,
  135: 0x2021,
  136: 0x2c6,
  137: 0x2030,
  138: 0x160,
  139: 0x2039,
  140: 0x152,
  142: 0x17d,
  145: 0x2018,
  146: 0x2019,
  147: 0x201c,
  148: 0x201d,
  149: 0x2022,
  150: 0x2013,
  151: 0x2014,
  152: 0x2dc,
  153: 0x2122,
  154: 0x161,
  155: 0x203a,
  156: 0x153,
  158: 0x17e,
  159: 0x178,
};

interface Tables {
  named: Map<string, string>;
  legacy: Set<string>;
}
let tables: Tables | undefined;

/** Built on first use: most texts hold no reference at all. */
function getTables(): Tables {
  if (tables) return tables;
  const named = new Map<string, string>(Object.entries(LEGACY_ASCII));
  LATIN1.split(' ').forEach((name, k) => {
    named.set(name, String.fromCharCode(0xa0 + k));
  });
  const legacy = new Set(named.keys());
  const pairs = WITH_SEMICOLON.split(' ');
  for (let k = 0; k + 1 < pairs.length; k += 2)
    named.set(pairs[k] as string, String.fromCodePoint(Number.parseInt(pairs[k + 1] as string, 16)));
  tables = { named, legacy };
  return tables;
}

function fromCodePoint(code: number): string {
  if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) return ' ';
  return String.fromCodePoint(C1[code] ?? code);
}

const REFERENCE = /&(?:#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?|([A-Za-z][A-Za-z0-9]{1,31})(;?))/g;

/** `s` with its character references decoded (see above). */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(
    REFERENCE,
    (whole, hex: string | undefined, dec: string | undefined, name: string | undefined, semi, at, all) => {
      if (name === undefined)
        return fromCodePoint(hex !== undefined ? Number.parseInt(hex, 16) : Number(dec));
      const { named, legacy } = getTables();
      const text = named.get(name);
      if (text === undefined || semi) return text ?? whole;
      // Without ";": only legacy names, and not before "=" (the name run already ends at a non-alphanumeric).
      return legacy.has(name) && (all as string)[(at as number) + whole.length] !== '=' ? text : whole;
    },
  );
}
