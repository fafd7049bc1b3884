import type { Politeness } from '../../../core/sources/politeness';
import type { WallState } from '../../../core/sources/provider';
import type { WallReply } from '../../../messaging/search';

/** A wall the source answered, as the panel shows it: where to act, or when SourceLens tries again. */
export function wallReply(wall: WallState): WallReply {
  switch (wall.state) {
    case 'needs-verification':
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
