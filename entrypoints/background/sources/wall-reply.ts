import type { Politeness } from '../../../core/sources/politeness';
import type { Unrecognised, WallState } from '../../../core/sources/provider';
import type { UnrecognisedReply, WallReply } from '../../../messaging/search';
import { recordDrift } from '../../../storage/drift-log';

/** A wall the source answered, as the panel shows it: where to act, or when SourceLens tries again. */
export function wallReply(wall: WallState): WallReply {
  switch (wall.state) {
    case 'needs-verification':
      return wall.reason === 'deny'
        ? { state: 'needs-verification', url: wall.url, denied: true }
        : { state: 'needs-verification', url: wall.url };
    case 'needs-login':
      return { state: wall.state, url: wall.url };
    case 'throttled':
      return { state: 'throttled', retryAt: Date.now() + wall.retryAfterMs };
  }
}

/**
 * While a host is backing off after a wall, the same state again, without touching the source: `verifyUrl`
 * and `loginUrl` are where the person acts.
 */
export function backoffReply(
  p: Politeness,
  host: string,
  urls: { verifyUrl: string; loginUrl: string },
): WallReply | null {
  const blocked = p.blocked(host);
  if (!blocked) return null;
  if (blocked.reason === 'needs-verification') return { state: 'needs-verification', url: urls.verifyUrl };
  if (blocked.reason === 'needs-login') return { state: 'needs-login', url: urls.loginUrl };
  return { state: 'throttled', retryAt: blocked.until };
}

/**
 * An answer the source gave in a shape SourceLens does not recognise: logged (storage/drift-log.ts) and shown
 * with what to copy for a report and `url`, where the person can go on by hand.
 */
export async function unrecognisedReply(
  source: string,
  u: Unrecognised,
  url: string,
): Promise<UnrecognisedReply> {
  await recordDrift(source, u, Date.now()).catch(() => {});
  return { state: 'unrecognised', source, call: u.call, shape: u.shape, reason: u.reason, url };
}
