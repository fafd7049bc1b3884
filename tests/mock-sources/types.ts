/**
 * What every source's mock shares: the walls a test can ask for, the request log, and the small interface the
 * server (server.ts) routes requests to, by host.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AnswerFault } from './answer-faults';

/**
 * The walls every mock can put up (each source answers them in its own site's way), and two faults: `changed` —
 * a well-formed answer in a shape the source never used (its mock renames what the parser looks for), and
 * `stall` — no answer at all to a request that is not a page navigation (the server holds it; server.ts).
 */
export const WALL_KINDS = [
  'punish',
  'slider',
  'rgv587',
  'user-validate',
  'login',
  'throttled',
  'empty',
  'changed',
  'stall',
] as const;
export type WallKind = (typeof WALL_KINDS)[number];

export function isWall(v: unknown): v is WallKind {
  return typeof v === 'string' && (WALL_KINDS as readonly string[]).includes(v);
}

export interface RequestLogEntry {
  time: number;
  method: string;
  host: string;
  path: string;
  query: Record<string, string>;
  /** The wall answered, if any. */
  wall: WallKind | null;
  status: number;
  /** The Referer header: a page's address for requests from a page, none from an extension's service worker. */
  referer: string | null;
  /** Sec-Fetch-Site: `same-origin` from the site's own page, otherwise who sent it (`none`, `cross-site`). */
  fetchSite: string | null;
  /** The broken form the server gave this answer (server.ts `setAnswerFault`), when it did. */
  broken?: AnswerFault;
  /** 1688's gateway only: the first ret code answered. */
  ret?: string;
  /** 1688's gateway only: the method inside params (getOfferList, uploadBase64WithRequest…). */
  apiMethod?: string;
}

/** One request, as the server hands it to the mock of the source whose host it names. */
export interface MockRequest {
  req: IncomingMessage;
  res: ServerResponse;
  /** The request's URL, on the host it was sent to. */
  url: URL;
  /** Its log entry (`entry.host` is the host); the mock notes the wall it answered and gateway facts here. */
  entry: RequestLogEntry;
  /** The wall asked for (header `X-Mock-Wall`, query `__wall`, or `setWall`), or null. */
  wall: WallKind | null;
  /** The scheme of redirect Locations: what the request came over, or what the server was told to use. */
  scheme: string;
}

/** The mock of one source: answers for the hosts of its site. */
export interface SourceMock {
  /** Whether a request to `host` is this source's (its mapped hosts, and those it only redirects to). */
  owns(host: string): boolean;
  route(request: MockRequest): Promise<void>;
  /** Forget what earlier requests left behind (tokens, uploads, catalogues). */
  reset(): void;
}

/** What every source's mock is created with. */
export interface SourceMockOptions {
  now: () => number;
}
