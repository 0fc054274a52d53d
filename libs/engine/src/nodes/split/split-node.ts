import { z } from 'zod';
import { compileCondition, holds } from '../../conditions/compile-condition';
import { describeCondition } from '../../conditions/describe-condition';
import { joinField, problem, type ValidationProblem } from '../../validation/problem';
import { defineNode } from '../node-spec';
import { checkConditionAt, conditionSchema } from '../shared';
import { bucketOf } from './bucket';

const branchId = z
  .string()
  .regex(/^[A-Za-z0-9_-]+$/, 'use letters, digits, "-" and "_" only')
  .refine((id) => id !== 'out', '"out" is reserved');

const byCondition = z.object({
  mode: z.literal('condition'),
  /** First case whose condition holds wins; otherwise the list goes to the "default" branch. */
  cases: z
    .array(
      z.object({
        id: branchId.refine((id) => id !== 'default', '"default" is reserved'),
        label: z.string().optional(),
        when: conditionSchema,
      }),
    )
    .min(1),
});

const byPercentage = z.object({
  mode: z.literal('percentage'),
  /** Changing the salt reshuffles customers between branches. */
  salt: z.string().min(1),
  /** The customer field that identifies the customer. */
  idField: z.string().default('id'),
  branches: z
    .array(z.object({ id: branchId, label: z.string().optional(), percent: z.number().min(0).max(100) }))
    .min(2),
});

const configSchema = z.discriminatedUnion('mode', [byCondition, byPercentage]);
export type SplitConfig = z.infer<typeof configSchema>;

/** Routes the whole list to one branch: by condition on customer/context, or by a stable percentage split. */
export const splitNode = defineNode<SplitConfig>({
  type: 'split',
  title: 'Split',
  description:
    'Sends customers down one of several branches: by condition (segments) or by a stable percentage (champion / challenger).',
  inputs: 'one',
  configSchema,
  defaultConfig: () => ({
    mode: 'percentage',
    salt: 'split-1',
    idField: 'id',
    branches: [
      { id: 'champion', percent: 90 },
      { id: 'challenger', percent: 10 },
    ],
  }),
  outputHandles: (config) =>
    config.mode === 'condition'
      ? [...config.cases.map((c) => c.id), 'default']
      : config.branches.map((b) => b.id),
  check(config, ctx) {
    const problems: ValidationProblem[] = [];
    const ids =
      config.mode === 'condition' ? config.cases.map((c) => c.id) : config.branches.map((b) => b.id);
    const listKey = config.mode === 'condition' ? 'cases' : 'branches';
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i)
        problems.push(
          problem('invalid_config', `branch id "${id}" is used twice`, {
            nodeId: ctx.nodeId,
            field: `config.${listKey}[${i}].id`,
          }),
        );
    });
    if (config.mode === 'condition') {
      config.cases.forEach((c, i) =>
        problems.push(
          ...checkConditionAt(c.when, ctx, joinField(`config.cases[${i}]`, 'when'), ['customer', 'context']),
        ),
      );
    } else {
      const total = config.branches.reduce((sum, b) => sum + b.percent, 0);
      if (Math.abs(total - 100) > 1e-9) {
        problems.push(
          problem('out_of_range', `the branch percentages add up to ${total}, not 100`, {
            nodeId: ctx.nodeId,
            field: 'config.branches',
          }),
        );
      }
    }
    return problems;
  },
  compile(config, ctx) {
    if (config.mode === 'condition') {
      const cases = config.cases.map((c) => ({
        id: c.id,
        label: c.label ?? c.id,
        condition: compileCondition(c.when, ctx.labels, ctx.slots),
      }));
      return {
        run([input = []], state) {
          const f = state.facts;
          f.action = {};
          f.fields = {};
          for (const c of cases) {
            if (holds(c.condition.test, f))
              return {
                handle: c.id,
                candidates: input.slice(),
                notes: [`${c.label}: ${c.condition.explain(f).reason}`],
              };
          }
          return { handle: 'default', candidates: input.slice(), notes: ['no case matched; default branch'] };
        },
      };
    }
    const { salt, idField } = config;
    // Cumulative upper bounds in basis points, so 33.33% splits stay exact.
    let acc = 0;
    const bounds = config.branches.map((b) => ({ id: b.id, upTo: (acc += Math.round(b.percent * 100)) }));
    return {
      run([input = []], state) {
        const raw = state.customer[idField];
        const id = raw === undefined || raw === null ? '' : String(raw);
        const bucket = bucketOf(id, salt);
        const branch = bounds.find((b) => bucket < b.upTo) ?? bounds[bounds.length - 1]!;
        const note =
          id === ''
            ? `customer has no ${idField}; everyone without one lands in ${branch.id}`
            : `bucket ${bucket / 100}% → ${branch.id}`;
        return { handle: branch.id, candidates: input.slice(), notes: [note] };
      },
    };
  },
  summarize(config, labels) {
    if (config.mode === 'percentage')
      return config.branches.map((b) => `${b.label ?? b.id} ${b.percent}%`).join(' / ');
    return (
      config.cases.map((c) => `${c.label ?? c.id}: ${describeCondition(c.when, labels)}`).join('; ') +
      '; else default'
    );
  },
});
