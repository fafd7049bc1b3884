/**
 * The local stand-in for every wholesale source: one HTTP handler that routes each request by its Host header
 * (or `X-Mock-Host`) to the mock of the source owning that host (index.ts), keeps one request log, and puts up
 * the walls a test asks for. A browser started with `--host-resolver-rules="MAP h5api.m.1688.com 127.0.0.1:PORT,
 * …"` for every host in MOCK_HOSTS (or a TLS front that forwards here) sees one site per host.
 *
 * Walls: `setWall(kind)` for every host, or per request with header `X-Mock-Wall: kind` / query `__wall=kind`.
 * `stall` is answered here for every source: a request that is not a page navigation gets no answer until the
 * wall is lifted, the mock is reset or the server closes (then its connection is dropped).
 *
 * Start: `tsx tests/mock-sources/server.ts --port 8688 [--host 127.0.0.1] [--wall punish]`, or
 * `await startMockSources({ port: 0 })`. Mount: `createMockSources().handle` in any http/https server, or
 * `mock.hostHandlers()` as a fixture server's extra hosts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { DEFAULT_SOURCE, sourceById } from '../../core/sources/index';
import { type AnswerFault, breakAnswer } from './answer-faults';
import { send } from './http';
import { MOCK_HOSTS, type MockedSourceId, SOURCE_MOCKS, type SourceMocks } from './index';
import { isWall, type RequestLogEntry, type SourceMock, type WallKind } from './types';

export type { MockOffer } from './1688/pages';
export type { RequestLogEntry, WallKind } from './types';
export { WALL_KINDS } from './types';

export interface MockSourcesOptions {
  /** Host assumed when the Host header names no mocked host (127.0.0.1, localhost): the default source's. */
  defaultHost?: string;
  /** Scheme used in redirect Locations over plain HTTP. Default https (what the real sites send). */
  redirectScheme?: 'http' | 'https';
  now?: () => number;
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface MockSources {
  /** Node request handler: mount it in any http/https server. */
  handle: RequestHandler;
  /** Each source's own mock, by source id (catalogues, tokens, uploads). */
  readonly sources: SourceMocks;
  /** Every request seen, oldest first (live array). */
  readonly requests: RequestLogEntry[];
  /** Requests whose path (or host+path) equals `key`; all requests without a key. */
  count(key?: string): number;
  /** Request counts keyed by `host + path`. */
  counts(): Record<string, number>;
  setWall(kind: WallKind | null): void;
  /** Break every API answer of every source in one way (answer-faults.ts); null lifts it. */
  setAnswerFault(kind: AnswerFault | null): void;
  /** Forget requests and walls, and reset every source's mock. */
  reset(): void;
  /** Every mocked host → this handler, for a fixture server that serves several hosts on one port. */
  hostHandlers(): Record<string, RequestHandler>;
}

export function createMockSources(opts: MockSourcesOptions = {}): MockSources {
  const now = opts.now ?? Date.now;
  const defaultHost = opts.defaultHost ?? sourceById(DEFAULT_SOURCE)?.hosts.search ?? MOCK_HOSTS[0] ?? '';
  const requests: RequestLogEntry[] = [];
  let wall: WallKind | null = null;
  let answerFault: AnswerFault | null = null;
  /** Requests held by the `stall` fault. */
  const stalled = new Set<ServerResponse>();
  const releaseStalled = () => {
    for (const res of stalled) res.destroy();
    stalled.clear();
  };
  const ids = Object.keys(SOURCE_MOCKS) as MockedSourceId[];
  const sources = Object.fromEntries(ids.map((id) => [id, SOURCE_MOCKS[id].create({ now })])) as SourceMocks;
  const mocks: SourceMock[] = ids.map((id) => sources[id]);

  const ownerOf = (host: string) => mocks.find((m) => m.owns(host));

  function hostOf(req: IncomingMessage): string {
    const override = req.headers['x-mock-host'];
    const raw = (Array.isArray(override) ? override[0] : override) ?? req.headers.host ?? '';
    const host = raw.replace(/:\d+$/, '').toLowerCase();
    return ownerOf(host) ? host : defaultHost;
  }

  function scheme(req: IncomingMessage): string {
    const forwarded = req.headers['x-forwarded-proto'];
    if ((req.socket as { encrypted?: boolean }).encrypted || forwarded === 'https') return 'https';
    return opts.redirectScheme ?? 'https';
  }

  function wallFor(req: IncomingMessage, url: URL): WallKind | null {
    const header = req.headers['x-mock-wall'];
    const requested = (Array.isArray(header) ? header[0] : header) ?? url.searchParams.get('__wall');
    return isWall(requested) ? requested : wall;
  }

  const mock: MockSources = {
    handle(req, res) {
      const host = hostOf(req);
      const url = new URL(req.url ?? '/', `http://${host}`);
      const entry: RequestLogEntry = {
        time: now(),
        method: req.method ?? 'GET',
        host,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        wall: null,
        status: 0,
        referer: typeof req.headers.referer === 'string' ? req.headers.referer : null,
        fetchSite: typeof req.headers['sec-fetch-site'] === 'string' ? req.headers['sec-fetch-site'] : null,
      };
      requests.push(entry);
      res.on('finish', () => {
        entry.status = res.statusCode;
      });
      const owner = ownerOf(host);
      const asked = wallFor(req, url);
      if (asked === 'stall' && req.headers['sec-fetch-mode'] !== 'navigate') {
        // No answer: the caller's deadline has to end it.
        entry.wall = 'stall';
        stalled.add(res);
        res.on('close', () => stalled.delete(res));
        return;
      }
      if (answerFault && req.headers['sec-fetch-mode'] !== 'navigate') {
        const fault = answerFault;
        const applied = breakAnswer(res, fault);
        res.on('finish', () => {
          if (applied()) entry.broken = fault;
        });
      }
      const answered = owner
        ? owner.route({ req, res, url, entry, wall: asked === 'stall' ? null : asked, scheme: scheme(req) })
        : Promise.resolve(send(res, 404, 'text/plain; charset=utf-8', `no mock for ${host}`));
      answered.catch((err: unknown) => {
        if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `mock error: ${String(err)}`);
        else res.end();
      });
    },
    sources,
    requests,
    count(key) {
      if (key === undefined) return requests.length;
      return requests.filter((r) => r.path === key || r.host + r.path === key).length;
    },
    counts() {
      const out: Record<string, number> = {};
      for (const r of requests) out[r.host + r.path] = (out[r.host + r.path] ?? 0) + 1;
      return out;
    },
    setAnswerFault(kind) {
      answerFault = kind;
    },
    setWall(kind) {
      wall = kind;
      if (kind !== 'stall') releaseStalled();
    },
    reset() {
      releaseStalled();
      requests.length = 0;
      wall = null;
      answerFault = null;
      for (const m of mocks) m.reset();
    },
    hostHandlers() {
      return Object.fromEntries(MOCK_HOSTS.map((h) => [h, mock.handle]));
    },
  };
  return mock;
}

/** A handler listening on a local port. */
export interface Listening {
  port: number;
  host: string;
  /** `http://host:port`. */
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Serve `handler` on its own http server (port 0 = any free port). */
export async function listen(
  handler: RequestHandler,
  opts: { port?: number; host?: string } = {},
): Promise<Listening> {
  const server = createServer(handler);
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    host,
    url: `http://${host}:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type RunningMockSources = MockSources & Listening;

/** Start the mock on its own http server (port 0 = any free port). */
export async function startMockSources(
  opts: MockSourcesOptions & { port?: number; host?: string } = {},
): Promise<RunningMockSources> {
  const mock = createMockSources(opts);
  return Object.assign(mock, await listen(mock.handle, opts));
}

function argValue(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  const port = Number(argValue(argv, '--port') ?? 8688);
  const host = argValue(argv, '--host') ?? '127.0.0.1';
  const wallArg = argValue(argv, '--wall');
  startMockSources({ port, host }).then((m) => {
    if (isWall(wallArg)) m.setWall(wallArg);
    process.stdout.write(`mock sources listening on ${m.url}: ${MOCK_HOSTS.join(', ')}\n`);
    const stop = () => {
      m.close().then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
