import { z } from 'zod';
import type { ActionFact } from '../../catalog/action';
import {
  OUTCOMES,
  type Candidate,
  type DecisionState,
  type Outcome,
  type ParsedInteraction,
} from '../../runtime/types';
import { defineNode } from '../node-spec';
import { DAY_MS, plural } from '../shared';

const scope = z.enum(['action', 'group', 'channel', 'all']);
const outcome = z.enum(OUTCOMES);
const days = z.number().finite().positive('must be more than 0 days').max(3650, 'must be at most 3650 days');

const configSchema = z.object({
  /** "At most `max` contacts of the same `scope` within `windowDays`", counting interactions with these outcomes. */
  limits: z
    .array(
      z.object({
        scope,
        max: z.number().int().min(0).max(1000),
        windowDays: days,
        count: z.array(outcome).min(1).default(['shown']),
      }),
    )
    .default([]),
  /** "None of the same `scope` within `days` after one of these outcomes", e.g. 30 days after a decline. */
  cooldowns: z
    .array(
      z.object({
        scope: scope.default('action'),
        after: z.array(outcome).min(1).default(['declined']),
        days,
      }),
    )
    .default([]),
});
export type ContactPolicyConfig = z.infer<typeof configSchema>;

type Scope = z.infer<typeof scope>;

/** Drops candidates this customer was contacted about too often, or too soon after a decline. */
export const contactPolicyNode = defineNode<ContactPolicyConfig>({
  type: 'contactPolicy',
  title: 'Contact policy',
  description:
    'Suppresses actions shown too often or too soon after a decline: no aggressive or repetitive offers.',
  inputs: 'one',
  configSchema,
  defaultConfig: () => ({
    limits: [{ scope: 'group', max: 2, windowDays: 7, count: ['shown'] }],
    cooldowns: [{ scope: 'action', after: ['declined'], days: 30 }],
  }),
  outputHandles: () => ['out'],
  compile(config, ctx) {
    const historyOf = (state: DecisionState): readonly ParsedInteraction[] => {
      if (!state.parsedHistory) {
        state.parsedHistory = state.history.flatMap((i) => {
          const at = Date.parse(i.at);
          if (Number.isNaN(at) || at > state.now) return [];
          const action = ctx.actionsById.get(i.actionId);
          return [
            {
              actionId: i.actionId,
              outcome: i.outcome,
              at,
              group: i.group ?? action?.group,
              channel: i.channel ?? action?.channel,
            },
          ];
        });
      }
      return state.parsedHistory;
    };
    // A limit of 0 forbids the contact outright, with or without history.
    const alwaysLimited = config.limits.some((l) => l.max === 0);
    /**
     * The first rule the candidate breaks; with `all`, every one of them is collected there (for the
     * trace), in words about this customer's history or, with `asRule`, in the rule's own words.
     */
    const violation = (
      c: Candidate,
      state: DecisionState,
      all?: string[],
      asRule = false,
    ): string | undefined => {
      const history = historyOf(state);
      if (history.length === 0 && !alwaysLimited) return undefined;
      for (const limit of config.limits) {
        const since = state.now - limit.windowDays * DAY_MS;
        const n = history.filter(
          (i) => i.at > since && limit.count.includes(i.outcome) && sameScope(limit.scope, i, c.action),
        ).length;
        if (n >= limit.max) {
          const reason =
            limit.max === 0
              ? `at most 0 ${limit.count.join('/')} in ${plural(limit.windowDays, 'day')} for ${scopeWords(limit.scope, c.action)}, so never offered`
              : asRule
                ? `at most ${limit.max} ${limit.count.join('/')} in ${plural(limit.windowDays, 'day')} for ${scopeWords(limit.scope, c.action)}`
                : `${limit.count.join('/')} ${plural(n, 'time')} in the last ${plural(limit.windowDays, 'day')} for ${scopeWords(limit.scope, c.action)} (at most ${limit.max})`;
          if (!all) return reason;
          all.push(reason);
        }
      }
      for (const cooldown of config.cooldowns) {
        const since = state.now - cooldown.days * DAY_MS;
        // The most recent such contact, whatever the order of the history: it says when the rest ends.
        let last: ParsedInteraction | undefined;
        for (const i of history) {
          if (
            i.at > since &&
            cooldown.after.includes(i.outcome) &&
            sameScope(cooldown.scope, i, c.action) &&
            (!last || i.at > last.at)
          )
            last = i;
        }
        if (last) {
          const ago = Math.floor((state.now - last.at) / DAY_MS);
          const rest = `${plural(cooldown.days, 'day')} rest after ${cooldown.after.join('/')}`;
          const reason = asRule
            ? `${rest} for ${scopeWords(cooldown.scope, c.action)}`
            : `${last.outcome} ${ago === 0 ? 'today' : `${plural(ago, 'day')} ago`} for ${scopeWords(cooldown.scope, c.action)} (${rest})`;
          if (!all) return reason;
          all.push(reason);
        }
      }
      return all?.[0];
    };
    return {
      run([input = []], state) {
        if (state.history.length === 0 && !alwaysLimited) return { handle: 'out', candidates: input.slice() };
        return { handle: 'out', candidates: input.filter((c) => violation(c, state) === undefined) };
      },
      explainDrop(c, state) {
        const broken: string[] = [];
        violation(c, state, broken);
        return broken.length ? broken.join('; ') : 'suppressed by the contact policy';
      },
      dropReason(c, state) {
        const broken: string[] = [];
        violation(c, state, broken, true);
        return broken.length ? broken.join('; ') : 'suppressed by the contact policy';
      },
    };
  },
  summarize(config) {
    const parts = config.limits.map(
      (l) => `≤ ${l.max} per ${l.scope === 'all' ? 'customer' : l.scope} in ${plural(l.windowDays, 'day')}`,
    );
    for (const c of config.cooldowns) parts.push(`${plural(c.days, 'day')} rest after ${c.after.join('/')}`);
    return parts.join(', ') || 'no limits';
  },
});

function sameScope(scope: Scope, i: ParsedInteraction, action: ActionFact): boolean {
  switch (scope) {
    case 'action':
      return i.actionId === action.id;
    case 'group':
      return action.group !== undefined && i.group === action.group;
    case 'channel':
      return action.channel !== undefined && i.channel === action.channel;
    case 'all':
      return true;
  }
}

function scopeWords(scope: Scope, action: ActionFact): string {
  if (scope === 'action') return `this action`;
  if (scope === 'group') return `group ${JSON.stringify(action.group)}`;
  if (scope === 'channel') return `channel ${JSON.stringify(action.channel)}`;
  return 'any action';
}

export type { Outcome };
