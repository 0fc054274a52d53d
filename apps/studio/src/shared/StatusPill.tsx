/**
 * A status as a coloured pill: the word for it from `words`, the colour from the CSS class
 * `<classPrefix>-<status in lower case>` (e.g. `sim-status-running`).
 */
export function StatusPill<S extends string>({
  status,
  words,
  classPrefix,
}: {
  status: S;
  words: Record<S, string>;
  classPrefix: string;
}) {
  return <span className={`status-pill ${classPrefix}-${status.toLowerCase()}`}>{words[status]}</span>;
}
