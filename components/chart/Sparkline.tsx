import { sparkPath } from './spark-path';
import './chart.css';

/**
 * A tiny price line (no axes, no labels): `label` says in words what it shows (lowest, highest, trend), for
 * screen readers and as the tooltip. The colour follows the move from first to last point (down is good news
 * for a buyer, up is not).
 */
export function Sparkline(props: {
  points: readonly { at: number; minor: number }[];
  label: string;
  width?: number;
  height?: number;
  /** No good/bad colour (a retail price: its move is neither). */
  neutral?: boolean;
  'data-testid'?: string;
}) {
  const width = props.width ?? 72;
  const height = props.height ?? 22;
  const first = props.points[0]?.minor;
  const last = props.points[props.points.length - 1]?.minor;
  const move =
    first === undefined || last === undefined || first === last ? 'flat' : last < first ? 'down' : 'up';
  const trend = props.neutral ? 'flat' : move;
  return (
    <svg
      class={`sparkline sparkline--${trend}`}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={props.label}
      data-testid={props['data-testid'] ?? 'sparkline'}
      data-points={props.points.length}
      data-trend={move}
    >
      <title>{props.label}</title>
      <path d={sparkPath(props.points, width, height)} fill="none" stroke="currentColor" stroke-width="1.5" />
    </svg>
  );
}
