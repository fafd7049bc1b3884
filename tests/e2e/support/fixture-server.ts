import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fixtureCertificate } from './cert';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface FixtureServer {
  port: number;
  /** Host names served, for Chromium's --host-resolver-rules. */
  hosts: string[];
  /** Requests seen, in order: host + path. */
  log: { host: string; path: string; method: string }[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
};

/**
 * Serves saved shop pages under their real host names: `tests/fixtures/sites/<host>/<path>` (with `.html`
 * `.html.gz` or `/index.html` tried after the exact path). HTTP and HTTPS share one port: the first byte of a
 * connection tells TLS (0x16, a handshake record) from plain HTTP, so Chromium can map both :80 and :443 of
 * every fixture host onto it with --host-resolver-rules. Other hosts (the mock 1688) plug in by name.
 */
export async function startFixtureServer(opts: {
  root: string;
  sitesDir: string;
  extraHosts?: Record<string, RequestHandler>;
}): Promise<FixtureServer> {
  const log: FixtureServer['log'] = [];
  const siteHosts = existsSync(opts.sitesDir)
    ? readdirSync(opts.sitesDir).filter((name) => statSync(join(opts.sitesDir, name)).isDirectory())
    : [];

  const handler: RequestHandler = (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const url = new URL(req.url ?? '/', `http://${host || 'localhost'}`);
    log.push({ host, path: url.pathname + url.search, method: req.method ?? 'GET' });
    const extra = opts.extraHosts?.[host];
    if (extra) return extra(req, res);
    if (!siteHosts.includes(host)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`no fixture host ${host}`);
      return;
    }
    const base = join(opts.sitesDir, host);
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    for (const candidate of [rel, `${rel}.html`, `${rel}.html.gz`, join(rel, 'index.html')]) {
      const file = join(base, candidate);
      if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) continue;
      // Saved pages stay byte-identical to their source as .html.gz and go out gzip-encoded.
      const gz = file.endsWith('.html.gz');
      res.writeHead(200, {
        'content-type': gz
          ? 'text/html; charset=utf-8'
          : (TYPES[extname(file)] ?? 'text/html; charset=utf-8'),
        ...(gz ? { 'content-encoding': 'gzip' } : {}),
        // Image CDNs (alicdn, Shopify, Amazon) answer pictures with an open CORS header; so do the fixtures.
        ...(/\.(jpe?g|png|webp)$/.test(file) ? { 'access-control-allow-origin': '*' } : {}),
      });
      res.end(readFileSync(file));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  };

  const plain = http.createServer(handler);
  const secure = https.createServer(fixtureCertificate(opts.root), handler);
  const front = net.createServer((socket) => {
    socket.once('data', (first) => {
      socket.pause();
      socket.unshift(first);
      (first[0] === 0x16 ? secure : plain).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
    socket.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  const address = front.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    hosts: [...siteHosts, ...Object.keys(opts.extraHosts ?? {})],
    log,
    close: () =>
      new Promise((resolve) => {
        plain.closeAllConnections();
        secure.closeAllConnections();
        front.close(() => resolve());
      }),
  };
}
