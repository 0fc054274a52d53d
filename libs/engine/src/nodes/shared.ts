import { z } from 'zod';
import { fieldDefinitionSchema } from '../catalog/fields';
import { checkCondition } from '../conditions/check-condition';
import type { FactName, RootCondition } from '../conditions/types';
import { joinField, problem, type ValidationProblem } from '../validation/problem';
import type { CheckContext } from './node-spec';

/** Conditions are checked in detail by checkCondition; the schema only requires an object. */
export const conditionSchema = z.custom<RootCondition>(
  (value) => value !== null && typeof value === 'object' && !Array.isArray(value),
  'must be a condition object with "all", "any" or "not"',
);

export const fieldNameSchema = fieldDefinitionSchema.shape.name;

/** How many candidates a node keeps at most (output's limit, rank's top N); unset keeps all. */
export const limitSchema = z.number().int().min(1).max(1000).optional();

export const DAY_MS = 86_400_000;

export function checkConditionAt(
  condition: unknown,
  ctx: CheckContext,
  field: string,
  facts: readonly FactName[],
): ValidationProblem[] {
  return checkCondition(
    condition,
    { facts, schema: ctx.env.schema, actionFields: ctx.actionFields },
    { nodeId: ctx.nodeId, field },
  );
}

/** A config part with rules, models or levers for specific groups and actions. */
type Scoped = { byAction?: Record<string, unknown>; byGroup?: Record<string, unknown> };

/** How many groups and actions have an entry of their own. */
export function scopedCount(scoped: Scoped): number {
  return Object.keys(scoped.byGroup ?? {}).length + Object.keys(scoped.byAction ?? {}).length;
}

/** byAction / byGroup keys must name actions and groups of the catalog (when the catalog is known). */
export function checkScopeKeys(scoped: Scoped, ctx: CheckContext, field = 'config'): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  for (const id of Object.keys(scoped.byAction ?? {})) {
    if (ctx.actionIds && !ctx.actionIds.has(id)) {
      problems.push(
        problem(
          'unknown_action',
          `there is no action "${id}" in the catalog; remove it or choose an action from the catalog`,
          { nodeId: ctx.nodeId, field: joinField(joinField(field, 'byAction'), id) },
        ),
      );
    }
  }
  for (const group of Object.keys(scoped.byGroup ?? {})) {
    if (ctx.groups && !ctx.groups.has(group)) {
      problems.push(
        problem('unknown_group', `no action in the catalog is in group "${group}"; check the group name`, {
          nodeId: ctx.nodeId,
          field: joinField(joinField(field, 'byGroup'), group),
          severity: 'warning',
        }),
      );
    }
  }
  return problems;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
