import type { FieldDefinition } from '../catalog/fields';
import { FACT_NAMES, type ConditionFacts, type FactName } from '../conditions/types';
import { joinField, problem, type ValidationProblem } from '../validation/problem';
import type { ModelCheckContext } from './model-kind';

/** A model input written as `customer.age`, `context.channel`, `action.value` or `fields.propensity`. */
export const REFERENCE_PATTERN = /^(customer|context|action|fields)(\.[A-Za-z_][A-Za-z0-9_]*)+$/;
const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

export function parseReference(reference: string): { root: FactName; keys: string[] } | undefined {
  if (!REFERENCE_PATTERN.test(reference)) return undefined;
  const [root, ...keys] = reference.split('.');
  if (keys.some((k) => FORBIDDEN.has(k))) return undefined;
  return { root: root as FactName, keys };
}

/**
 * Inputs every decision has whatever the schema declares: the customer's id (required by the
 * decision API), the decision's time and its id (the API sets `context.decisionId` on every
 * decision, which seeds an adaptive model's Thompson draws).
 */
const ALWAYS_PRESENT: Record<'customer' | 'context', ReadonlySet<string>> = {
  customer: new Set(['id']),
  context: new Set(['now', 'decisionId']),
};

/** Own-property getter for a reference; missing anywhere gives undefined. */
export function referenceGetter(reference: string): (facts: ConditionFacts) => unknown {
  const parsed = parseReference(reference);
  if (!parsed) throw new Error(`not a model input: ${reference}`);
  const { root, keys } = parsed;
  if (keys.length === 1) {
    // The common case (`customer.age`), without the loop: models call this per term and candidate.
    const key = keys[0]!;
    return (facts) => {
      const value: unknown = facts[root];
      return value !== null && typeof value === 'object' && Object.hasOwn(value, key)
        ? (value as Record<string, unknown>)[key]
        : undefined;
    };
  }
  return (facts) => {
    let value: unknown = facts[root];
    for (const key of keys) {
      if (value !== null && typeof value === 'object' && Object.hasOwn(value, key)) {
        value = (value as Record<string, unknown>)[key];
      } else return undefined;
    }
    return value;
  };
}

export function checkReference(
  reference: string,
  ctx: ModelCheckContext,
  field: string,
): ValidationProblem[] {
  const parsed = parseReference(reference);
  if (!parsed) {
    return [
      problem(
        'invalid_config',
        `"${reference}" is not an input; write ${FACT_NAMES.map((f) => `${f}.name`).join(', ')}`,
        { nodeId: ctx.nodeId, field },
      ),
    ];
  }
  const name = parsed.keys[0]!;
  if (parsed.root === 'customer' || parsed.root === 'context') {
    const declared = ctx.env.schema?.[parsed.root];
    if (declared && !ALWAYS_PRESENT[parsed.root].has(name) && !declared.some((f) => f.name === name)) {
      return [
        problem(
          'unknown_field',
          `${parsed.root} field "${name}" is not in the declared ${parsed.root} schema`,
          { nodeId: ctx.nodeId, field },
        ),
      ];
    }
  }
  if (parsed.root === 'action' && ctx.actionFields && !ctx.actionFields.has(name)) {
    return [
      problem('unknown_field', `no action in the catalog has a property "${name}"`, {
        nodeId: ctx.nodeId,
        field,
      }),
    ];
  }
  return [];
}

/** The declared customer or context field a reference reads (`customer.age`), if the schema declares it. */
export function referencedField(reference: string, ctx: ModelCheckContext): FieldDefinition | undefined {
  const parsed = parseReference(reference);
  if (!parsed || parsed.keys.length !== 1 || (parsed.root !== 'customer' && parsed.root !== 'context'))
    return undefined;
  return ctx.env.schema?.[parsed.root]?.find((f) => f.name === parsed.keys[0]);
}

export function checkReferences(references: string[], ctx: ModelCheckContext, field: string, key: string) {
  return references.flatMap((r, i) => checkReference(r, ctx, joinField(joinField(field, i), key)));
}

/** Declared names per fact, for checks of expressions; a fact with nothing declared is not checked. */
export function knownFieldsFor(ctx: ModelCheckContext): Partial<Record<FactName, ReadonlySet<string>>> {
  const known: Partial<Record<FactName, ReadonlySet<string>>> = {};
  if (ctx.env.schema?.customer) known.customer = new Set(ctx.env.schema.customer.map((f) => f.name));
  if (ctx.env.schema?.context) known.context = new Set(ctx.env.schema.context.map((f) => f.name));
  if (ctx.actionFields) known.action = ctx.actionFields;
  return known;
}

export function referenceRoots(references: string[]): FactName[] {
  return [...new Set(references.flatMap((r) => parseReference(r)?.root ?? []))];
}
