import { t } from '../../../components/i18n';
import { Button } from '../../../components/ui';
import { MAX_COMPARE } from '../../../core/match/result-view';

/**
 * The offers ticked for comparing, as a bar at the bottom of the panel: how many, Compare (from two), Clear.
 */
export function CompareTray(props: { count: number; onOpen: () => void; onClear: () => void }) {
  if (props.count === 0) return null;
  return (
    <div class="compare-tray" data-testid="compare-tray" data-count={props.count}>
      <span class="compare-tray__count">{t('compareCount', [String(props.count), String(MAX_COMPARE)])}</span>
      <span class="ui-spacer" />
      <Button variant="ghost" size="sm" data-testid="compare-clear" onClick={props.onClear}>
        {t('compareClear')}
      </Button>
      <Button
        variant="primary"
        size="sm"
        disabled={props.count < 2}
        title={props.count < 2 ? t('compareNeedTwo') : undefined}
        data-testid="compare-open"
        onClick={props.onOpen}
      >
        {t('compareOpen')}
      </Button>
    </div>
  );
}
