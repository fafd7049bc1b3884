import type { SearchReply } from '../messaging/search';
import { ExternalLink } from './ExternalLink';
import { t } from './i18n';

/**
 * What to do when a source did not give offers: pass its check on the site (never solved for the person),
 * log in, wait out a rate limit, or read the error. `onRetry` runs the search again.
 */
export function SourceState(props: {
  reply: Exclude<SearchReply, { state: 'ok' }>;
  /** The source's name as people know it ("1688", "Alibaba.com"). */
  sourceLabel: string;
  onVerified: () => void;
  onRetry: () => void;
}) {
  const r = props.reply;
  const label = props.sourceLabel;
  switch (r.state) {
    case 'needs-verification':
      return (
        <div class="banner" data-testid="state-needs-verification">
          <p>{t('needsVerification', [label])}</p>
          <ExternalLink class="button" href={r.url}>
            <span data-testid="verify-button">{t('verifyOnSource', [label])}</span>
          </ExternalLink>{' '}
          <button type="button" data-testid="verified-retry" onClick={props.onVerified}>
            {t('verifiedRetry')}
          </button>
        </div>
      );
    case 'needs-login':
      return (
        <div class="banner" data-testid="state-needs-login">
          <p>{t('needsLogin', [label])}</p>
          <ExternalLink class="button" href={r.url}>
            <span data-testid="login-button">{t('loginOnSource', [label])}</span>
          </ExternalLink>{' '}
          <button type="button" onClick={props.onVerified}>
            {t('verifiedRetry')}
          </button>
        </div>
      );
    case 'throttled':
      return (
        <div class="banner" data-testid="state-throttled">
          <p>{t('throttled', [label, new Date(r.retryAt).toLocaleTimeString()])}</p>
        </div>
      );
    case 'opened-page':
      return (
        <div class="banner" data-testid="state-opened-page">
          <p>{t('openedPage', [label])}</p>
          <p class="search__meta" data-testid="opened-page-reason">
            {r.reason}
          </p>
        </div>
      );
    case 'error':
      return (
        <div class="banner banner--error" data-testid="state-error">
          <p>{t('searchFailed', [r.message])}</p>
          <button type="button" onClick={props.onRetry}>
            {t('retry')}
          </button>
        </div>
      );
  }
}
