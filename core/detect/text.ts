import { plainText } from '../text/plain-text';

/** A value as a field the detector reports: bounded plain text, "…" where it was cut, null when empty. */
export function fieldText(v: unknown, max: number): string | null {
  return plainText(v, max, { ellipsis: true }) || null;
}

/** Visible text of an element as a field (textContent, so no layout is needed; only its start is read). */
export function textOf(el: Element | null | undefined, max = 300): string | null {
  return el ? fieldText((el.textContent ?? '').slice(0, 5000), max) : null;
}
