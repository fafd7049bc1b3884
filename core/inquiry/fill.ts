/**
 * Templates filled with values: the one place placeholders are replaced, once, left to right (a value is never
 * read for placeholders again).
 *
 * API:
 *   fillPart(template, values, maxLine)  the part's lines, filled and made final: a line naming a placeholder
 *                                        that has no value is left out; an unknown `{name}` stays as written;
 *                                        a value with line breaks (the note) makes as many lines
 *   PlaceholderValues                    a value (or null: "not known") for every placeholder
 */

import {
  type InquiryPlaceholder,
  isPlaceholder,
  PART_MAX_CHARS,
  PART_MAX_LINES,
  PLACEHOLDER_RE,
} from './templates';
import { finishLine, templateLine } from './text';

export type PlaceholderValues = Readonly<Record<InquiryPlaceholder, string | null>>;

/** One template line filled, or null when a placeholder it names has no value (the line is about nothing here). */
function fillLine(line: string, values: PlaceholderValues): string | null {
  let missing = false;
  const filled = line.replace(PLACEHOLDER_RE, (whole, name: string) => {
    if (!isPlaceholder(name)) return whole;
    const value = values[name];
    if (value === null || value === '') missing = true;
    return value ?? '';
  });
  return missing ? null : filled;
}

/** A template part's lines, filled and final (see the header); [] for an empty part. */
export function fillPart(template: string, values: PlaceholderValues, maxLine: number): string[] {
  const out: string[] = [];
  const lines = template
    .slice(0, PART_MAX_CHARS)
    .split(/\r\n|[\n\r\u2028\u2029]/)
    .slice(0, PART_MAX_LINES);
  for (const raw of lines) {
    const filled = fillLine(templateLine(raw, PART_MAX_CHARS), values);
    if (filled === null) continue;
    for (const piece of filled.split('\n')) {
      const line = finishLine(piece, maxLine);
      if (line) out.push(line);
    }
  }
  return out;
}
