import { z } from 'zod';
import { toActionFact, type ActionDefinition, type ActionFact } from '../../catalog/action';
import type { Candidate, DecisionState } from '../../runtime/types';
import { joinField, problem } from '../../validation/problem';
import { defineNode } from '../node-spec';
import { DAY_MS, plural } from '../shared';

const configSchema = z.object({
  /** Keep only actions in these groups / on these channels / with any of these tags / with these ids. */
  groups: z.array(z.string()).optional(),
  channels: z.array(z.string()).optional(),
  tags: z.array(z.string()).optional(),
  actionIds: z.array(z.string()).optional(),
  /** Keep only actions for the channel of the request (`context.channel`); actions without a channel fit all. */
  matchContextChannel: z.boolean().optional(),
});
export type ActionsConfig = z.infer<typeof configSchema>;

export const actionsNode = defineNode<ActionsConfig>({
  type: 'actions',
  title: 'Actions',
  description:
    'Starts the flow with actions from the catalog that are valid today: all, or by group, channel or tag.',
  inputs: 'none',
  configSchema,
  defaultConfig: () => ({}),
  outputHandles: () => ['out'],
  check(config, ctx) {
    const problems = (config.actionIds ?? []).flatMap((id, i) =>
      ctx.actionIds && !ctx.actionIds.has(id)
        ? [
            problem(
              'unknown_action',
              `there is no action "${id}" in the catalog; remove it or choose an action from the catalog`,
              { nodeId: ctx.nodeId, field: joinField('config.actionIds', i) },
            ),
          ]
        : [],
    );
    (config.groups ?? []).forEach((group, i) => {
      if (ctx.groups && !ctx.groups.has(group)) {
        problems.push(
          problem('unknown_group', `no action in the catalog is in group "${group}"; check the group name`, {
            nodeId: ctx.nodeId,
            field: joinField('config.groups', i),
            severity: 'warning',
          }),
        );
      }
    });
    return problems;
  },
  compile(config, ctx) {
    const selected = ctx.actions.filter((a) => selects(config, a));
    const windows = new Map(selected.map((a) => [a.id, validityWindow(a)]));
    const candidates: Candidate[] = selected.map((action) => ({ action, fields: {} }));
    const matchChannel = config.matchContextChannel === true;
    const fits = (c: Candidate, state: DecisionState) => {
      const w = windows.get(c.action.id)!;
      if (state.now < w.from || state.now > w.to) return false;
      return !matchChannel || c.action.channel === undefined || c.action.channel === state.context.channel;
    };
    const alwaysFit =
      !matchChannel && [...windows.values()].every((w) => w.from === -Infinity && w.to === Infinity);
    return {
      selected: candidates,
      run: (_inputs, state) => ({
        handle: 'out',
        candidates: alwaysFit ? candidates : candidates.filter((c) => fits(c, state)),
      }),
      explainDrop(c, state) {
        const w = windows.get(c.action.id)!;
        if (state.now < w.from) return `not valid before ${c.action.validFrom}`;
        if (state.now > w.to) return `expired on ${c.action.validTo}`;
        const channel = state.context.channel;
        if (channel === undefined || channel === null)
          return `for channel ${JSON.stringify(c.action.channel)}, but the request names no channel`;
        return `for channel ${JSON.stringify(c.action.channel)}, not ${JSON.stringify(channel)}`;
      },
      dropCategory(c, state) {
        const w = windows.get(c.action.id)!;
        if (state.now < w.from) return 'not valid yet';
        if (state.now > w.to) return 'expired';
        const channel = state.context.channel;
        return channel === undefined || channel === null
          ? 'for one channel, but the request names no channel'
          : `not for channel ${JSON.stringify(channel)}`;
      },
    };
  },
  summarize(config) {
    const parts: string[] = [];
    if (config.actionIds?.length) parts.push(plural(config.actionIds.length, 'chosen action'));
    if (config.groups?.length) parts.push(`groups ${config.groups.join(', ')}`);
    if (config.channels?.length) parts.push(`channels ${config.channels.join(', ')}`);
    if (config.tags?.length) parts.push(`tagged ${config.tags.join(' or ')}`);
    const base = parts.length ? parts.join('; ') : 'all actions';
    return config.matchContextChannel ? `${base}, for the calling channel` : base;
  },
});

/**
 * The catalog entries a document's actions steps can start with, whatever the day: what a strategy
 * version reads from the catalog. A step whose settings are unreadable reads the whole catalog.
 */
export function actionsSelected(document: unknown, actions: readonly ActionDefinition[]): ActionDefinition[] {
  const nodes = (document as { nodes?: unknown } | null)?.nodes;
  if (!Array.isArray(nodes)) return [];
  const configs = nodes
    .filter((n): n is { config?: unknown } => (n as { type?: unknown } | null)?.type === 'actions')
    .map((n) => configSchema.safeParse(n.config ?? {}).data ?? {});
  return actions.filter((a) => configs.some((config) => selects(config, toActionFact(a))));
}

function selects(config: ActionsConfig, action: ActionFact): boolean {
  if (config.actionIds?.length && !config.actionIds.includes(action.id)) return false;
  if (config.groups?.length && !config.groups.includes(action.group ?? '')) return false;
  if (config.channels?.length && !config.channels.includes(action.channel ?? '')) return false;
  if (config.tags?.length && !config.tags.some((t) => action.tags?.includes(t))) return false;
  return true;
}

/** A date-only `validTo` (2026-12-31) includes that whole day (UTC). */
function validityWindow(action: ActionFact): { from: number; to: number } {
  const from = typeof action.validFrom === 'string' ? Date.parse(action.validFrom) : -Infinity;
  let to = typeof action.validTo === 'string' ? Date.parse(action.validTo) : Infinity;
  if (typeof action.validTo === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(action.validTo)) to += DAY_MS - 1;
  return { from, to };
}
