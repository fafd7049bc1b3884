import { useId } from 'preact/hooks';
import { SHORTLIST_STATUSES, type ShortlistEntry, type ShortlistStatus } from '../../storage/types';
import { t } from '../i18n';
import { STATUS_TEXT } from '../status-text';
import { Button } from '../ui';
import { formatWhen } from './format';

/**
 * Where the buyer is with a kept offer: the steps in their usual order (considering → contacted → sample ordered
 * → ordered) and "rejected" apart, the current one pressed; below, every change with its date, newest first.
 */
export function StatusSteps(props: {
  entry: ShortlistEntry;
  busy: boolean;
  onStatus: (status: ShortlistStatus) => void;
}) {
  const headingId = useId();
  const history = [...props.entry.statusHistory].reverse();
  return (
    <section class="sl-detail__section" aria-labelledby={headingId} data-testid="status-steps">
      <h3 id={headingId} class="ui-section-title">
        {t('shortlistStatusTitle')}
      </h3>
      <fieldset class="sl-steps">
        <legend class="ui-visually-hidden">{t('shortlistStatusTitle')}</legend>
        {SHORTLIST_STATUSES.map((s) => (
          <Button
            key={s}
            size="sm"
            variant={props.entry.status === s ? 'primary' : 'secondary'}
            aria-pressed={props.entry.status === s}
            disabled={props.busy}
            data-testid={`status-${s}`}
            onClick={() => props.entry.status !== s && props.onStatus(s)}
          >
            {STATUS_TEXT[s]()}
          </Button>
        ))}
      </fieldset>
      <ol class="sl-history ui-small" data-testid="status-history">
        {history.map((h) => (
          <li key={`${h.status}-${h.at}`} data-status={h.status} data-at={h.at}>
            <span>{STATUS_TEXT[h.status]()}</span>
            <time class="ui-muted" dateTime={new Date(h.at).toISOString()}>
              {formatWhen(h.at)}
            </time>
          </li>
        ))}
      </ol>
    </section>
  );
}
