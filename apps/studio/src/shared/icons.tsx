/** Line icons (24×24, stroke = currentColor), drawn for the node types and the toolbar. */
const PATHS = {
  actions: 'M4 6h16M4 12h16M4 18h10',
  filter: 'M4 5h16l-6 8v6l-4-2v-4z',
  score: 'M4 19V9M10 19V5M16 19v-7M22 19H2',
  arbitrate: 'M12 4v16M5 8h14M5 8l-3 6h6zM19 8l-3 6h6z',
  contactPolicy: 'M12 3l8 4v5c0 5-3.5 8-8 9-4.5-1-8-4-8-9V7z M9 12l2 2 4-4',
  rank: 'M4 6h10M4 12h7M4 18h4M17 4v16M14 17l3 3 3-3',
  split: 'M4 12h6l8-6M10 12l8 6M15 6h3v3M15 18h3v-3',
  merge: 'M4 6l8 6-8 6M12 12h8',
  output: 'M5 12h12M13 7l5 5-5 5M20 4v16',
  undo: 'M9 14L4 9l5-5M4 9h11a5 5 0 010 10h-3',
  redo: 'M15 14l5-5-5-5M20 9H9a5 5 0 000 10h3',
  layout: 'M3 4h6v6H3zM15 4h6v6h-6zM9 14h6v6H9zM6 10v2h12v-2M12 12v2',
  fit: 'M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5',
  play: 'M7 4l13 8-13 8z',
  alert: 'M12 3l10 18H2zM12 10v5M12 18v.5',
  check: 'M4 12l5 5L20 6',
  close: 'M6 6l12 12M18 6L6 18',
  back: 'M15 5l-7 7 7 7',
  forward: 'M9 5l7 7-7 7',
  plus: 'M12 5v14M5 12h14',
  trash: 'M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3',
  copy: 'M8 8h11v11H8zM5 16V5h11',
  save: 'M5 4h11l3 3v13H5zM8 4v5h7V4M8 20v-6h8v6',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 18, title }: { name: IconName; size?: number; title?: string }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden={title ? undefined : true}
      role={title ? 'img' : undefined}
    >
      {title && <title>{title}</title>}
      <path d={PATHS[name]} />
    </svg>
  );
}
