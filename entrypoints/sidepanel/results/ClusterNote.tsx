import { t } from '../../../components/i18n';
import { Button, Icon } from '../../../components/ui';
import type { ClusterInfo } from '../../../core/match/result-view';

/** The evidence core/match/cluster.ts gives for a probable source, in the reader's language. */
function reasonText(reason: string): string {
  if (reason === 'factory') return t('factory');
  if (reason === 'lowest price') return t('clusterLowestPrice');
  if (reason === 'most sold') return t('clusterMostSold');
  const years = /^(\d+) yrs$/.exec(reason);
  return years ? t('years', [years[1] ?? '']) : reason;
}

/**
 * Over the card heading a same-photo cluster: how many sellers show this photo, who probably took it first and
 * why, and the button that unfolds the others under it.
 */
export function ClusterNote(props: {
  info: ClusterInfo;
  /** Offers of the cluster shown (after the filters). */
  shown: number;
  /** The probable source's name. */
  sourceName: string;
  expanded: boolean;
  onToggle: () => void;
}) {
  return (
    <div
      class="cluster"
      data-testid="photo-cluster"
      data-size={props.shown}
      data-source={props.info.sourceKey}
    >
      <Icon name="image" size={14} />
      <span class="cluster__text">
        {t('clusterLine', [
          String(props.shown),
          props.sourceName,
          props.info.reasons.map(reasonText).join(', '),
        ])}
      </span>
      <Button
        variant="ghost"
        size="sm"
        aria-expanded={props.expanded}
        data-testid="cluster-toggle"
        onClick={props.onToggle}
      >
        {props.expanded ? t('clusterFold') : t('clusterUnfold', [String(props.shown - 1)])}
      </Button>
    </div>
  );
}
