import type { Recommendation } from '@arbiter/engine';

/** What the decision log keeps of each recommended action. */
export interface LoggedAction {
  actionId: string;
  rank: number;
  priority?: number;
  propensity?: number;
  value?: number;
  channel?: string;
  group?: string;
}

/** A recommendation as the decision log keeps it. */
export function loggedAction(r: Recommendation): LoggedAction {
  return {
    actionId: r.actionId,
    rank: r.rank,
    priority: r.priority,
    propensity: r.propensity,
    value: r.value,
    channel: r.channel,
    group: r.group,
  };
}
