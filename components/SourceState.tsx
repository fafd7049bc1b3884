import { useState } from 'preact/hooks';
import type { SearchReply, UnrecognisedReply } from '../messaging/search';
import { copyText, diagnosticsText } from './diagnostics';
import { ExternalLink } from './ExternalLink';
import { t } from './i18n';

/**
 * A source answered in a shape SourceLens does not recognise: say so plainly, give the way forward (the search
 * on the source itself) and the diagnostics to copy for a report.
 */
function Unrecognised(props: { reply: UnrecognisedReply; label: string }) {
  const r = props.reply;
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const onCopy = () =>
    void copyText(diagnosticsText({ ...r, at: Date.now() })).then(
      () => setCopied('yes'),
      () => setCopied('no'),
    );
  return (
    <div class="banner" data-testid="state-unrecognised" data-call={r.call}>
      <p>{t('unrecognised', [props.label])}</p>
      <ExternalLink class="button" href={r.url}>
        <span data-testid="unrecognised-open">{t('openOnSource', [props.label])}</span>
      </ExternalLink>{' '}
      <button type="button" data-testid="copy-diagnostics" onClick={onCopy}>
        {t('copyDiagnostics')}
      </button>
      {copied === 'yes' ? (
        <span class="search__meta" role="status" data-testid="diagnostics-copied">
          {' '}
          {t('diagnosticsCopied')}
        </span>
      ) : null}
      {copied === 'no' ? <pre class="diagnostics">{diagnosticsText({ ...r, at: Date.now() })}</pre> : null}
    </div>
  );
}

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
      // Refused outright: there is no check to pass, so no button sends the person round in a loop.
      if (r.denied)
        return (
          <div class="banner" data-testid="state-access-denied">
            <p>{t('accessDenied', [label])}</p>
          </div>
        );
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
    case 'unrecognised':
      return <Unrecognised reply={r} label={label} />;
    case 'timed-out':
      return (
        <div class="banner" data-testid="state-timed-out">
          <p>{t('timedOut', [label, String(r.seconds)])}</p>
          <button type="button" data-testid="timed-out-retry" onClick={props.onRetry}>
            {t('retry')}
          </button>
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
