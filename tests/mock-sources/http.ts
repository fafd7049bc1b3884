/** Writing answers in the mocks: a body with its type and no caching, or a redirect. */
import type { ServerResponse } from 'node:http';

export function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.setHeader('Cache-Control', 'no-store');
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.end(body);
}

export const sendHtml = (res: ServerResponse, body: string, status = 200): void =>
  send(res, status, 'text/html; charset=utf-8', body);

export const sendJson = (res: ServerResponse, body: unknown, status = 200): void =>
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));

export function redirect(res: ServerResponse, location: string): void {
  res.statusCode = 302;
  res.setHeader('Location', location);
  res.end();
}
