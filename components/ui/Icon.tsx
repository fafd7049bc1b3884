/**
 * The few line icons the UI uses, drawn as SVG paths in JSX (no icon font, no markup strings). 16 × 16 by
 * default, stroked in the current text colour, and hidden from assistive technology: the control around an
 * icon carries the accessible name.
 */
const PATHS = {
  search: ['M11 11l3.5 3.5', 'M7 12.5a5.5 5.5 0 1 0 0-11 5.5 5.5 0 0 0 0 11z'],
  close: ['M4 4l8 8', 'M12 4l-8 8'],
  refresh: ['M13.5 8a5.5 5.5 0 1 1-1.6-3.9', 'M13.5 2.5v3h-3'],
  external: [
    'M9 2.5h4.5V7',
    'M13.5 2.5L7.5 8.5',
    'M12 9.5v3a1 1 0 0 1-1 1H3.5a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h3',
  ],
  image: [
    'M2.5 3.5h11v9h-11z',
    'M2.5 11l3.5-3.5 3 3 2-2 2.5 2.5',
    'M10.5 6.25a.75.75 0 1 0 0-1.5.75.75 0 0 0 0 1.5z',
  ],
  text: ['M3 4h10', 'M3 8h10', 'M3 12h6'],
  check: ['M3 8.5l3 3 7-7'],
  info: ['M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13z', 'M8 7.5v4', 'M8 5v.01'],
  warn: ['M8 2l6.5 11.5h-13z', 'M8 6.5v3.5', 'M8 12v.01'],
  error: ['M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13z', 'M5.75 5.75l4.5 4.5', 'M10.25 5.75l-4.5 4.5'],
  copy: ['M5.5 5.5h8v8h-8z', 'M10.5 5.5v-3h-8v8h3'],
  offline: [
    'M2 2l12 12',
    'M1.5 6a10 10 0 0 1 4-2.3',
    'M14.5 6A10 10 0 0 0 8 3.5',
    'M4 9a6 6 0 0 1 3-1.4',
    'M8 12.5v.01',
  ],
  clock: ['M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13z', 'M8 4.5V8l2.5 1.5'],
  lock: ['M4 7.5h8v6H4z', 'M5.5 7.5V5a2.5 2.5 0 0 1 5 0v2.5'],
  shield: ['M8 1.5l5.5 2v4c0 3.5-2.5 6-5.5 7-3-1-5.5-3.5-5.5-7v-4z', 'M5.75 8l1.75 1.75 3-3'],
  store: ['M2.5 6.5l1-4h9l1 4', 'M2.5 6.5h11', 'M3.5 6.5v7h9v-7', 'M6.5 13.5v-4h3v4'],
  spark: ['M8 1.5v3', 'M8 11.5v3', 'M1.5 8h3', 'M11.5 8h3', 'M3.5 3.5l2 2', 'M10.5 10.5l2 2'],
  settings: [
    'M8 10.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z',
    'M8 1.5v2',
    'M8 12.5v2',
    'M1.5 8h2',
    'M12.5 8h2',
    'M3.4 3.4l1.4 1.4',
    'M11.2 11.2l1.4 1.4',
    'M3.4 12.6l1.4-1.4',
    'M11.2 4.8l1.4-1.4',
  ],
  panel: ['M2.5 3h11v10h-11z', 'M9.5 3v10'],
  cursor: ['M3.5 2.5l9 4-4 1.5-1.5 4z'],
} as const;

export type IconName = keyof typeof PATHS;

export function Icon(props: { name: IconName; size?: number; class?: string }) {
  const size = props.size ?? 16;
  return (
    <svg
      class={`ui-icon${props.class ? ` ${props.class}` : ''}`}
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      stroke-width="1.5"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[props.name].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
