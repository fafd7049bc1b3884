/**
 * "Your data": the shortlist as CSV, a backup of everything, and restoring one. The page works on the database
 * itself (an extension page may): a backup file can be hundreds of megabytes, far more than a runtime message
 * carries, and the restore's one transaction keeps the background's writes out until it is done.
 *
 * Restore is three steps the person sees: pick a file → what it holds (checked in full, nothing written yet) and
 * merge or replace → progress → the result. A refused file says why in plain words, and that nothing changed.
 */
import { useRef, useState } from 'preact/hooks';
import { downloadBlob, fileDate } from '../../components/download';
import { t, uiLocale } from '../../components/i18n';
import { exportShortlistCsv } from '../../components/shortlist-export';
import { Banner, Button, ProgressLine, SegmentedControl } from '../../components/ui';
import {
  BackupError,
  type BackupErrorCode,
  type BackupSummary,
  createBackup,
  inspectBackup,
  type RestoreMode,
  type RestoreProgress,
  restoreBackup,
} from '../../storage/backup';
import { db } from '../../storage/db';

/** The sentence for each reason a file is refused (a typed table of literal calls for the locale test). */
const REFUSED: Record<BackupErrorCode, () => string> = {
  truncated: () => t('dataErrTruncated'),
  'not-text': () => t('dataErrDamaged'),
  'bad-json': () => t('dataErrDamaged'),
  'not-backup': () => t('dataErrNotBackup'),
  'unknown-format': () => t('dataErrFormat'),
  'newer-schema': () => t('dataErrNewer'),
  'older-schema': () => t('dataErrOlder'),
  'unknown-table': () => t('dataErrTable'),
  'bad-row': () => t('dataErrRow'),
  'count-mismatch': () => t('dataErrCount'),
  duplicate: () => t('dataErrDuplicate'),
  'file-too-large': () => t('dataErrSize'),
  'too-large': () => t('dataErrSize'),
  'too-many-rows': () => t('dataErrSize'),
};

type State =
  | { step: 'idle' }
  | { step: 'busy'; label: string; value: number }
  | { step: 'confirm'; file: File; summary: BackupSummary }
  | { step: 'done'; message: string }
  | { step: 'failed'; title: string; reason: string; detail: string };

/** A file size as people read it: "850 kB", "12.3 MB". */
const fileSize = (bytes: number) =>
  new Intl.NumberFormat(uiLocale(), {
    style: 'unit',
    unit: bytes < 1e6 ? 'kilobyte' : 'megabyte',
    maximumFractionDigits: 1,
  }).format(bytes < 1e6 ? Math.max(0.1, bytes / 1e3) : bytes / 1e6);

const total = (s: BackupSummary) => Object.values(s.rows).reduce((a, b) => a + b, 0);

function failure(title: string, error: unknown): State {
  if (error instanceof BackupError)
    return { step: 'failed', title, reason: REFUSED[error.code](), detail: error.detail };
  return {
    step: 'failed',
    title,
    reason: '',
    detail: error instanceof Error ? error.message : String(error),
  };
}

export function DataActions() {
  const [state, setState] = useState<State>({ step: 'idle' });
  const [mode, setMode] = useState<RestoreMode>('merge');
  const picker = useRef<HTMLInputElement>(null);
  const busy = state.step === 'busy';

  const progress = (label: string) => (value: number) => setState({ step: 'busy', label, value });
  const restoreProgress = (p: RestoreProgress) =>
    setState({
      step: 'busy',
      label: p.phase === 'checking' ? t('dataChecking') : t('dataRestoring'),
      value: p.fraction,
    });

  const onExportCsv = async () => {
    try {
      await exportShortlistCsv();
      setState({ step: 'done', message: t('dataExportCsvDone') });
    } catch (error) {
      setState(failure(t('dataExportCsvFailed'), error));
    }
  };

  const onBackup = async () => {
    progress(t('dataBackingUp'))(0);
    try {
      const blob = await createBackup(db(), progress(t('dataBackingUp')));
      downloadBlob(blob, `sourcelens-backup-${fileDate()}.json`);
      setState({ step: 'done', message: t('dataBackupDone', [fileSize(blob.size)]) });
    } catch (error) {
      setState(failure(t('dataBackupFailed'), error));
    }
  };

  const onPicked = async (file: File | undefined) => {
    if (!file) return;
    restoreProgress({ phase: 'checking', fraction: 0 });
    try {
      const summary = await inspectBackup(file, db(), restoreProgress);
      setMode('merge');
      setState({ step: 'confirm', file, summary });
    } catch (error) {
      setState(failure(t('dataRestoreRefused'), error));
    }
  };

  const onRestore = async (file: File) => {
    restoreProgress({ phase: 'checking', fraction: 0 });
    try {
      const summary = await restoreBackup(file, db(), mode, restoreProgress);
      setState({ step: 'done', message: t('dataRestoreDone', [String(total(summary))]) });
    } catch (error) {
      setState(failure(t('dataRestoreRefused'), error));
    }
  };

  return (
    <div class="ui-stack ui-stack--loose data-actions" data-testid="data-actions">
      <h3 class="ui-section-title">{t('dataExportTitle')}</h3>
      <div class="ui-row">
        <Button icon="copy" disabled={busy} data-testid="export-csv" onClick={() => void onExportCsv()}>
          {t('dataExportCsv')}
        </Button>
      </div>
      <div class="ui-stack">
        <h3 class="ui-section-title">{t('dataBackupTitle')}</h3>
        <p class="ui-muted ui-small">{t('dataBackupHelp')}</p>
        <div class="ui-row">
          <Button icon="shield" disabled={busy} data-testid="backup" onClick={() => void onBackup()}>
            {t('dataBackup')}
          </Button>
          <Button
            icon="refresh"
            disabled={busy}
            data-testid="restore"
            onClick={() => picker.current?.click()}
          >
            {t('dataRestore')}
          </Button>
          <input
            ref={picker}
            type="file"
            accept=".json,application/json"
            class="ui-visually-hidden"
            tabIndex={-1}
            aria-label={t('dataRestoreFile')}
            data-testid="restore-file"
            onChange={(e) => {
              const input = e.currentTarget;
              void onPicked(input.files?.[0]);
              input.value = ''; // the same file can be picked again
            }}
          />
        </div>
      </div>

      {state.step === 'busy' ? (
        <ProgressLine label={state.label} value={state.value} data-testid="data-progress" />
      ) : null}

      {state.step === 'confirm' ? (
        <div class="ui-stack data-actions__confirm" data-testid="restore-confirm">
          <p data-testid="restore-holds">
            {t('dataRestoreHolds', [
              new Date(state.summary.header.createdAt).toLocaleString(uiLocale()),
              String(state.summary.rows.products ?? 0),
              String(state.summary.prices),
              String(state.summary.rows.shortlist ?? 0),
              String(total(state.summary)),
            ])}
          </p>
          <SegmentedControl
            label={t('dataRestoreMode')}
            value={mode}
            options={[
              { value: 'merge', label: t('dataRestoreMerge') },
              { value: 'replace', label: t('dataRestoreReplace') },
            ]}
            onChange={setMode}
            data-testid="restore-mode"
          />
          <p class="ui-muted ui-small">
            {mode === 'merge' ? t('dataRestoreMergeHelp') : t('dataRestoreReplaceHelp')}
          </p>
          <div class="ui-row">
            <Button
              variant={mode === 'replace' ? 'danger' : 'primary'}
              data-testid="restore-go"
              onClick={() => void onRestore(state.file)}
            >
              {t('dataRestoreGo')}
            </Button>
            <Button variant="ghost" data-testid="restore-cancel" onClick={() => setState({ step: 'idle' })}>
              {t('cancel')}
            </Button>
          </div>
        </div>
      ) : null}

      {state.step === 'done' ? (
        <Banner tone="success" data-testid="data-result">
          <p>{state.message}</p>
        </Banner>
      ) : null}

      {state.step === 'failed' ? (
        <Banner tone="error" title={state.title} data-testid="data-error">
          {state.reason ? <p>{state.reason}</p> : null}
          {state.detail ? (
            <p class="ui-small ui-muted data-actions__detail" data-testid="data-error-detail">
              {state.detail}
            </p>
          ) : null}
        </Banner>
      ) : null}
    </div>
  );
}
