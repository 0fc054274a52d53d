/** The longest contact-policy window of a strategy document, in days: its limits' `windowDays` and cooldowns' `days`. */
export function longestContactWindowDays(document: unknown): number {
  const nodes = (document as { nodes?: unknown } | null)?.nodes;
  if (!Array.isArray(nodes)) return 0;
  let longest = 0;
  for (const node of nodes as { type?: unknown; config?: unknown }[]) {
    if (node?.type !== 'contactPolicy') continue;
    const config = (node.config ?? {}) as { limits?: unknown; cooldowns?: unknown };
    const days = [
      ...(Array.isArray(config.limits)
        ? config.limits.map((l: { windowDays?: unknown }) => l?.windowDays)
        : []),
      ...(Array.isArray(config.cooldowns) ? config.cooldowns.map((c: { days?: unknown }) => c?.days) : []),
    ];
    for (const d of days) if (typeof d === 'number' && Number.isFinite(d)) longest = Math.max(longest, d);
  }
  return Math.ceil(longest);
}
