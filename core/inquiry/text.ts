/**
 * The text that goes into a message to a supplier: bounded plain text on one line, with nothing a chat app would
 * make a link of and nothing that reads as a placeholder — the message carries exactly one link, the offer's own,
 * and a title or note from a page (or a slip of the person's) must not add another or look like a template
 * mistake.
 *
 * API:
 *   inlineValue(value, max)  a page's or the person's text as one clean line, cut with "…" at `max`
 *   noteLines(value)         the person's note: up to NOTE_MAX_LINES clean lines
 *   templateLine(line, max)  a template line as the person wrote it, made plain (placeholders kept)
 *   finishLine(line, max)    a filled template line: links taken out, spaces collapsed, cut at `max`
 *   cut(text, max)           `text` at most `max` UTF-16 units, ending "…" when cut (never half a pair)
 *   LINK_MARK                stands for the offer's link until the very end (see compose.ts)
 */
import { plainText } from '../text/plain-text';

/**
 * Anything a chat app may turn into a link: a scheme ("https://…", "javascript:…", "mailto:…"), "www.…", or a
 * bare domain on a common suffix ("shop.com/x"). Replaced by a space, never joined up, so taking one out cannot
 * make another.
 */
const LINK_LIKE =
  /(?:\b[a-z][a-z0-9+.-]*:\/\/|\b(?:javascript|vbscript|data|file|blob|mailto|tel):|\bwww\.)\S*|\b(?:[a-z0-9-]+\.)+(?:com|cn|net|org|io|top|xyz|shop|info|app|link)\b(?:\/\S*)?/gi;

/** Private-use characters: LINK_MARK is one, so none may come in from outside. */
const PRIVATE_USE = /[\ue000-\uf8ff]/g;

/**
 * Stands for the offer's own link while a line is cleaned: the link goes in last, so cleaning never touches it
 * and nothing else can pose as it.
 */
export const LINK_MARK = '\ue000';

/** Lines and characters of the person's note. */
export const NOTE_MAX_LINES = 10;
export const NOTE_MAX_CHARS = 500;

/** `text` in at most `max` UTF-16 units; a cut text ends with "…" (within `max`), never half a surrogate pair. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let s = text.slice(0, Math.max(0, max - 1));
  const last = s.charCodeAt(s.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) s = s.slice(0, -1);
  return `${s.trimEnd()}…`;
}

function unlinked(s: string): string {
  return s.replace(LINK_LIKE, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * A page's or the person's text as one clean line for a placeholder: markup, entities and invisible characters
 * dealt with once (plainText), links taken out, braces made parentheses (a title with "{unit}" in it must not
 * read as a placeholder), at most `max` characters. "" when nothing is left.
 */
export function inlineValue(value: unknown, max: number): string {
  const s = plainText(value, 2000).replace(PRIVATE_USE, '').replace(/\{/g, '(').replace(/\}/g, ')');
  return cut(unlinked(s), max);
}

/** The person's note, line by line: each line an `inlineValue`, empty lines dropped, bounded in lines and characters. */
export function noteLines(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  const lines: string[] = [];
  let room = NOTE_MAX_CHARS;
  for (const raw of value.split(/\r\n|[\n\r\u2028\u2029]/)) {
    if (lines.length >= NOTE_MAX_LINES || room <= 0) break;
    const line = inlineValue(raw, room);
    if (!line) continue;
    lines.push(line);
    room -= line.length;
  }
  return lines;
}

/**
 * A template line as the person wrote it, made safe to fill: plain text on one line (markup, entities, control
 * characters), no private-use characters; placeholders are left as they are.
 */
export function templateLine(line: string, max: number): string {
  return plainText(line, max).replace(PRIVATE_USE, '');
}

/**
 * A filled line made final: links the template's own text formed (or a value beside it did) taken out, spaces
 * collapsed, at most `max` characters. No entity is decoded here — the values were decoded once already, and
 * decoding again could turn "&amp;#58;" into a link.
 */
export function finishLine(line: string, max: number): string {
  return cut(unlinked(line), max);
}
