import { useState } from 'preact/hooks';
import type { SearchReply, UnrecognisedReply } from '../messaging/search';
import { copyText, diagnosticsText } from './diagnostics';
import { t, uiLocale } from './i18n';
import { Banner, Button, LinkButton } from './ui';
import { clock, useCountdown } from './useCountdown';

/** A state a source answered instead of offers, or the panel's own "offline" (nothing was sent). */
export type SourceStateReply = Exclude<SearchReply, { state: 'ok' }> | { state: 'offline' };

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
    <Banner
      tone="warn"
      title={t('stateChangedTitle', [props.label])}
      data-testid="state-unrecognised"
      dataAttrs={{ 'data-call': r.call }}
      actions={
        <>
          <LinkButton href={r.url} icon="external" textTestId="unrecognised-open">
            {t('openOnSource', [props.label])}
          </LinkButton>
          <Button icon="copy" data-testid="copy-diagnostics" onClick={onCopy}>
            {t('copyDiagnostics')}
          </Button>
        </>
      }
    >
      <p>{t('unrecognised', [props.label])}</p>
      {copied === 'yes' ? (
        <p class="ui-small" role="status" data-testid="diagnostics-copied">
          {t('diagnosticsCopied')}
        </p>
      ) : null}
      {copied === 'no' ? <pre class="diagnostics">{diagnosticsText({ ...r, at: Date.now() })}</pre> : null}
    </Banner>
  );
}

/**
 * The source asked to slow down: when SourceLens will ask again, counting down, and it does so by itself when
 * the time comes (the politeness back-off has lifted by then).
 */
function Throttled(props: { retryAt: number; label: string; onRetry: () => void }) {
  const left = useCountdown(props.retryAt, props.onRetry);
  const at = new Date(props.retryAt).toLocaleTimeString(uiLocale(), { hour: '2-digit', minute: '2-digit' });
  return (
    <Banner
      tone="warn"
      icon="clock"
      title={t('stateThrottledTitle', [props.label])}
      data-testid="state-throttled"
      dataAttrs={{ 'data-retry-at': String(props.retryAt) }}
    >
      <p>
        {t('throttled', [props.label, at])}{' '}
        <span class="ui-muted" data-testid="throttled-countdown">
          {t('throttledIn', [clock(left)])}
        </span>
      </p>
    </Banner>
  );
}

/**
 * What to do when a source did not give offers, each state designed: what happened in a line, what to do next,
 * and the button for it — pass the source's check on its site (never solved for the person) and retry, log in and
 * retry, wait out a rate limit (counted down, retried by itself), open the search on the source when it changed,
 * retry after a timeout, an error, a cancel or being offline. `onRetry` runs the search again; `onVerified` tells
 * the background the person passed the check, then runs it again.
 */
export function SourceState(props: {
  reply: SourceStateReply;
  /** The source's name as people know it ("1688", "Alibaba.com"). */
  sourceLabel: string;
  onVerified: () => void;
  onRetry: () => void;
}) {
  const r = props.reply;
  const label = props.sourceLabel;
  const retry = (testId: string) => (
    <Button icon="refresh" data-testid={testId} onClick={props.onRetry}>
      {t('retry')}
    </Button>
  );
  switch (r.state) {
    case 'needs-verification':
      // Refused outright: there is no check to pass, so no button sends the person round in a loop.
      if (r.denied)
        return (
          <Banner
            tone="warn"
            icon="lock"
            title={t('stateDeniedTitle', [label])}
            data-testid="state-access-denied"
            actions={retry('denied-retry')}
          >
            <p>{t('accessDenied', [label])}</p>
          </Banner>
        );
      return (
        <Banner
          tone="warn"
          icon="shield"
          title={t('stateVerifyTitle', [label])}
          data-testid="state-needs-verification"
          actions={
            <>
              <LinkButton href={r.url} icon="external" textTestId="verify-button">
                {t('verifyOnSource', [label])}
              </LinkButton>
              <Button icon="check" data-testid="verified-retry" onClick={props.onVerified}>
                {t('verifiedRetry')}
              </Button>
            </>
          }
        >
          <p>{t('needsVerification', [label])}</p>
        </Banner>
      );
    case 'needs-login':
      return (
        <Banner
          tone="warn"
          icon="lock"
          title={t('stateLoginTitle', [label])}
          data-testid="state-needs-login"
          actions={
            <>
              <LinkButton href={r.url} icon="external" textTestId="login-button">
                {t('loginOnSource', [label])}
              </LinkButton>
              <Button icon="check" data-testid="login-retry" onClick={props.onVerified}>
                {t('loggedInRetry')}
              </Button>
            </>
          }
        >
          <p>{t('needsLogin', [label])}</p>
        </Banner>
      );
    case 'throttled':
      return <Throttled retryAt={r.retryAt} label={label} onRetry={props.onRetry} />;
    case 'unrecognised':
      return <Unrecognised reply={r} label={label} />;
    case 'timed-out':
      return (
        <Banner
          tone="warn"
          icon="clock"
          title={t('stateTimedOutTitle', [label])}
          data-testid="state-timed-out"
          actions={retry('timed-out-retry')}
        >
          <p>{t('timedOut', [label, String(r.seconds)])}</p>
        </Banner>
      );
    case 'opened-page':
      return (
        <Banner
          tone="info"
          icon="external"
          title={t('stateOpenedTitle', [label])}
          data-testid="state-opened-page"
        >
          <p>{t('openedPage', [label])}</p>
          <p class="ui-small" data-testid="opened-page-reason">
            {r.reason}
          </p>
        </Banner>
      );
    case 'cancelled':
      return (
        <Banner
          tone="info"
          icon="close"
          title={t('stateCancelledTitle')}
          data-testid="state-cancelled"
          actions={
            <Button icon="search" data-testid="cancelled-retry" onClick={props.onRetry}>
              {t('searchAgain')}
            </Button>
          }
        >
          <p>{t('cancelledBody', [label])}</p>
        </Banner>
      );
    case 'offline':
      return (
        <Banner
          tone="warn"
          icon="offline"
          title={t('stateOfflineTitle')}
          data-testid="state-offline"
          actions={retry('offline-retry')}
        >
          <p>{t('offlineBody')}</p>
        </Banner>
      );
    case 'error':
      return (
        <Banner
          tone="error"
          title={t('stateErrorTitle')}
          data-testid="state-error"
          actions={retry('error-retry')}
        >
          <p>{t('searchFailed', [r.message])}</p>
        </Banner>
      );
  }
}
