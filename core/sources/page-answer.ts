/**
 * What comes back from a source's page world (`runInMainWorld`: a fetch run there, the site's own request
 * library, a cookie read, the page's data object). That world is the site's: its scripts can replace `fetch`,
 * `JSON.stringify` or `lib.mtop.request` and return anything. Every answer is checked here for type and size
 * before a provider sees it; anything else is a transport failure with a message saying what came back.
 */
import * as v from 'valibot';
import { TransportError } from './provider';

/** Largest answer text taken (characters): 1688 and Alibaba.com pages are 1–3 MB, search answers far less. */
export const MAX_PAGE_TEXT = 8_000_000;
/** Largest page data object taken, measured as JSON. */
export const MAX_PAGE_DATA = 4_000_000;

const PageAnswerSchema = v.object({
  status: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(999)),
  finalUrl: v.pipe(v.string(), v.maxLength(4096)),
  text: v.pipe(v.string(), v.maxLength(MAX_PAGE_TEXT)),
  awayRedirect: v.optional(v.boolean()),
});

export type PageAnswer = v.InferOutput<typeof PageAnswerSchema>;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `text of ${value.length} characters`;
  return typeof value;
}

/** A page-world fetch or request-library answer, checked; throws a TransportError saying what was wrong. */
export function pageAnswer(value: unknown): PageAnswer {
  const r = v.safeParse(PageAnswerSchema, value);
  if (r.success) return r.output;
  const text = (value as { text?: unknown } | null)?.text;
  if (typeof text === 'string' && text.length > MAX_PAGE_TEXT)
    throw new TransportError('unreachable', `the page's answer is too large (${text.length} characters)`);
  const where = r.issues[0] ? v.getDotPath(r.issues[0]) : null;
  throw new TransportError(
    'unreachable',
    `the page answered with ${describe(value)}${where ? ` (bad ${where})` : ''}, not a response`,
  );
}

/** The request library's answer: null when the page has none, else a checked answer. */
export function libraryAnswer(value: unknown): PageAnswer | null {
  return value === null || value === undefined ? null : pageAnswer(value);
}

/** A signing token read by page script: a short cookie value or null; anything else is refused. */
export function pageToken(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' && value.length <= 512 && /^[\x21-\x7e]*$/.test(value)) return value || null;
  throw new TransportError('unreachable', `the page gave a token that is ${describe(value)}`);
}

/** The page's data object: plain JSON data of bounded size, or null. */
export function pageData(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    return null;
  }
  return json !== undefined && json.length <= MAX_PAGE_DATA ? (JSON.parse(json) as unknown) : null;
}
