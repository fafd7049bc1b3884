/**
 * Broken answers any source can give, applied by the server (server.ts) to what a source's mock was about to send
 * for an API call — never to a page navigation, so the tabs SourceLens works from still load:
 * - `html`: a 200 HTML page that is neither the answer nor a wall (a CDN's or a proxy's "service unavailable");
 * - `server-error`: HTTP 500 with an HTML body;
 * - `truncated`: the real answer cut off halfway (a dropped connection, a proxy's size limit);
 * - `wrong-types`: the real JSON(P) answer with every value's type changed — strings become numbers, numbers
 *   strings, booleans strings, arrays objects, objects arrays — keeping the keys, so the parser finds every field
 *   it looks for and none of the values it expects.
 */
import type { ServerResponse } from 'node:http';

export const ANSWER_FAULTS = ['html', 'server-error', 'truncated', 'wrong-types'] as const;
export type AnswerFault = (typeof ANSWER_FAULTS)[number];

export function isAnswerFault(v: unknown): v is AnswerFault {
  return typeof v === 'string' && (ANSWER_FAULTS as readonly string[]).includes(v);
}

const UNAVAILABLE =
  '<!DOCTYPE html><html><head><title>503 Service Temporarily Unavailable</title></head>' +
  '<body><center><h1>503 Service Temporarily Unavailable</h1></center><hr><center>nginx</center></body></html>';

/** Every value of `v` with its type changed, keys kept (see the file comment). */
export function wrongTypes(v: unknown): unknown {
  if (typeof v === 'string') return v.length;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (Array.isArray(v)) return Object.fromEntries(v.map((x, i) => [String(i), wrongTypes(x)]));
  if (v && typeof v === 'object') return Object.values(v as Record<string, unknown>).map(wrongTypes);
  return v;
}

/** The JSON in an answer (plain, or a JSONP call's argument), with the text around it; null when there is none. */
function jsonIn(body: string): { before: string; value: unknown; after: string } | null {
  const start = body.search(/[[{]/);
  const end = Math.max(body.lastIndexOf('}'), body.lastIndexOf(']'));
  if (start < 0 || end < start) return null;
  try {
    return {
      before: body.slice(0, start),
      value: JSON.parse(body.slice(start, end + 1)),
      after: body.slice(end + 1),
    };
  } catch {
    return null;
  }
}

/**
 * Makes `res` give the broken form of whatever the source's mock sends through it. Returns a function telling
 * whether the fault was applied (`wrong-types` leaves an answer without JSON — a page — as it was).
 */
export function breakAnswer(res: ServerResponse, fault: AnswerFault): () => boolean {
  let applied = false;
  const end = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
  (res as { end: unknown }).end = (chunk?: unknown) => {
    const body = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : '';
    if (res.statusCode >= 300 && res.statusCode < 400) return end(chunk); // a redirect is not an answer
    applied = true;
    switch (fault) {
      case 'html':
        res.statusCode = 200;
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        return end(UNAVAILABLE);
      case 'server-error':
        res.statusCode = 500;
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        return end(
          UNAVAILABLE.replaceAll('503 Service Temporarily Unavailable', '500 Internal Server Error'),
        );
      case 'truncated':
        return end(body.slice(0, Math.floor(body.length / 2)));
      case 'wrong-types': {
        const found = jsonIn(body);
        if (!found) {
          applied = false;
          return end(chunk);
        }
        return end(`${found.before}${JSON.stringify(wrongTypes(found.value))}${found.after}`);
      }
    }
  };
  return () => applied;
}
