/**
 * Any value a page or a source answer gives, made into bounded plain text for people to read and for us to
 * store: the one sanitiser for shown text (titles, brands, supplier names, tier labels…).
 */
import { decodeEntities } from './entities';

// Elements whose content is never text, and tags, comments and doctypes; a tag left open at the end of the
// text runs to the end, as it does in a browser. Hidden elements and comments are cut by scanning with
// indexOf, not by one lazy regular expression up to "end or text", so the time stays linear on hostile text.
const HIDDEN_OPEN = /<(script|style|noscript|template|iframe|object)\b/gi;
const TAG = /<(\/?)([a-zA-Z][\w:-]*|[!?])[^>]*(?:>|$)/g;
// Tags that break a line where a browser renders them: they leave a space, inline ones ("<font>", "<b>") none.
const BREAKING =
  /^(?:br|p|div|li|ul|ol|dl|dt|dd|tr|td|th|table|thead|tbody|caption|h[1-6]|hr|section|article|header|footer|nav|aside|main|blockquote|pre|figure|figcaption|address|form|fieldset|legend|option|title|body|html|head)$/i;

// C0/C1 controls, soft hyphen, zero-width, bidi-override and other invisible format characters.
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

/** Hidden elements' whole content out (a space each), to their closing tag or the end of the text. */
function stripHidden(s: string): string {
  let out = '';
  let from = 0;
  HIDDEN_OPEN.lastIndex = 0;
  for (let m = HIDDEN_OPEN.exec(s); m; m = HIDDEN_OPEN.exec(s)) {
    out += `${s.slice(from, m.index)} `;
    const close = new RegExp(`</${m[1]}\\s*>`, 'gi');
    close.lastIndex = m.index + m[0].length;
    const end = close.exec(s);
    if (!end) return out;
    from = end.index + end[0].length;
    HIDDEN_OPEN.lastIndex = from;
  }
  return out + s.slice(from);
}

/** Comments out, to their "-->" or the end of the text. */
function stripComments(s: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const start = s.indexOf('<!--', from);
    if (start < 0) return out + s.slice(from);
    out += s.slice(from, start);
    const end = s.indexOf('-->', start + 4);
    if (end < 0) return out;
    from = end + 3;
  }
}

function stripMarkup(s: string): string {
  if (!s.includes('<')) return s;
  return stripComments(stripHidden(s)).replace(TAG, (_, _close: string, name: string) =>
    BREAKING.test(name) ? ' ' : '',
  );
}

export interface PlainTextOptions {
  /**
   * End a text that had to be cut with "…" (within `max`): for fields shown as they are, where a silent cut
   * would read as the whole value. Without it the cut is silent (search keywords, stored labels).
   */
  ellipsis?: boolean;
}

/**
 * Plain text of a string or finite number: markup and hidden elements' content removed (also markup that
 * entities spell, "&lt;b&gt;"), character references decoded, any angle bracket left dropped (what we show
 * and store never carries markup characters), invisible characters made spaces, whitespace collapsed, at most
 * `max` UTF-16 code units (never half a surrogate pair). "" when nothing is left.
 */
export function plainText(value: unknown, max = 300, options: PlainTextOptions = {}): string {
  let s: string;
  if (typeof value === 'string') s = value;
  else if (typeof value === 'number' && Number.isFinite(value)) s = String(value);
  else return '';
  if (s.length > 50_000) s = s.slice(0, 50_000);
  s = stripMarkup(decodeEntities(stripMarkup(s)))
    .replace(/[<>]/g, '')
    .replace(INVISIBLE, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (s.length <= max) return s;
  const room = options.ellipsis ? max - 1 : max;
  let cut = s.slice(0, Math.max(0, room));
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return options.ellipsis ? `${cut.trimEnd()}…` : cut.trimEnd();
}
