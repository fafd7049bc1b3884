import { useState } from 'preact/hooks';
import { copyText, diagnosticsText } from '../../components/diagnostics';
import { t } from '../../components/i18n';
import { sourceLabelById } from '../../components/source-text';
import { useStorageItem } from '../../components/useStorageItem';
import { type DriftEntry, driftLog } from '../../storage/drift-log';

function DriftRow(props: { entry: DriftEntry }) {
  const e = props.entry;
  const [copied, setCopied] = useState(false);
  return (
    <li data-testid="drift-entry" data-source={e.source} data-call={e.call}>
      {t('driftRow', [
        sourceLabelById(e.source),
        e.call,
        String(e.count),
        new Date(e.lastAt).toLocaleString(),
      ])}{' '}
      <button
        type="button"
        onClick={() =>
          void copyText(diagnosticsText({ ...e, at: e.lastAt })).then(
            () => setCopied(true),
            () => {},
          )
        }
      >
        {copied ? t('diagnosticsCopied') : t('copyDiagnostics')}
      </button>
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
    <section data-testid="drift-log">
      <h2>{t('driftSection')}</h2>
      <p class="search__meta">{t('driftHelp')}</p>
      {entries.length === 0 ? (
        <p class="empty">{t('driftEmpty')}</p>
      ) : (
        <>
          <ul class="drift-log">
            {entries.map((e) => (
              <DriftRow key={`${e.source}|${e.call}|${e.shape}`} entry={e} />
            ))}
          </ul>
          <button type="button" onClick={() => void driftLog.setValue([])}>
            {t('driftClear')}
          </button>
        </>
      )}
    </section>
  );
}
