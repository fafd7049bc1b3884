import { useState } from 'preact/hooks';
import { copyText, diagnosticsText } from '../../components/diagnostics';
import { t, uiLocale } from '../../components/i18n';
import { sourceLabelById } from '../../components/source-text';
import { Button } from '../../components/ui';
import { useStorageItem } from '../../components/useStorageItem';
import { type DriftEntry, driftLog } from '../../storage/drift-log';

function DriftRow(props: { entry: DriftEntry }) {
  const e = props.entry;
  const [copied, setCopied] = useState(false);
  return (
    <li
      class="drift-log__entry ui-stack ui-stack--tight"
      data-testid="drift-entry"
      data-source={e.source}
      data-call={e.call}
    >
      <div class="ui-row">
        <span class="drift-log__what">
          {t('driftRow', [
            sourceLabelById(e.source),
            e.call,
            String(e.count),
            new Date(e.lastAt).toLocaleString(uiLocale()),
          ])}
        </span>{' '}
        <Button
          size="sm"
          variant="ghost"
          icon={copied ? 'check' : 'copy'}
          onClick={() =>
            void copyText(diagnosticsText({ ...e, at: e.lastAt })).then(
              () => setCopied(true),
              () => {},
            )
          }
        >
          {copied ? t('diagnosticsCopied') : t('copyDiagnostics')}
        </Button>
      </div>
      <pre class="diagnostics">{`${e.reason}\n${e.shape}`}</pre>
    </li>
  );
}

/**
 * The local log of source answers SourceLens did not recognise (storage/drift-log.ts): which source and call,
 * how often and since when, and the answer's shape to report.
 */
export function DriftLog() {
  const entries = useStorageItem(driftLog);
  if (!entries) return null;
  return (
    <section class="ui-stack" aria-labelledby="drift-log-title" data-testid="drift-log">
      <h2 id="drift-log-title">{t('driftSection')}</h2>
      <p class="ui-muted">{t('driftHelp')}</p>
      {entries.length === 0 ? (
        <p class="ui-muted" data-testid="drift-empty">
          {t('driftEmpty')}
        </p>
      ) : (
        <>
          <ul class="drift-log">
            {entries.map((e) => (
              <DriftRow key={`${e.source}|${e.call}|${e.shape}`} entry={e} />
            ))}
          </ul>
          <div>
            <Button size="sm" icon="close" onClick={() => void driftLog.setValue([])}>
              {t('driftClear')}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
