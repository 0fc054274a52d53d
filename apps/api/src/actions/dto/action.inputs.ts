import {
  ACTION_CORE_FIELDS,
  ACTION_ID,
  ACTION_LIMITS,
  ATTRIBUTE_NAME,
  isCoreField,
  TAG_SEPARATORS,
} from '@arbiter/engine';
import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { z } from 'zod';
import { JSONScalar } from '../../common/graphql/json.scalar';
import { storableDate } from '../../common/storable-date';
import type { AssertMatches, InputMatchesSchema } from '../../common/graphql/input-schema';

export const actionIdSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(ACTION_LIMITS.id, `must be at most ${ACTION_LIMITS.id} characters`)
  .regex(ACTION_ID, 'use letters, digits, "-" and "_" only');

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const amount = z.number().finite().min(-ACTION_LIMITS.amount).max(ACTION_LIMITS.amount);

const fields = {
  name: text(ACTION_LIMITS.name),
  group: text(ACTION_LIMITS.label).nullish(),
  channel: text(ACTION_LIMITS.label).nullish(),
  value: amount.nullish(),
  cost: amount.nullish(),
  validFrom: storableDate().nullish(),
  validTo: storableDate().nullish(),
  tags: z
    .array(
      text(ACTION_LIMITS.label).refine(
        (t) => !TAG_SEPARATORS.test(t),
        'must not contain , ; or | (they separate tags in the studio and in CSV files)',
      ),
    )
    .max(ACTION_LIMITS.tags, `at most ${ACTION_LIMITS.tags} tags`)
    .refine((t) => new Set(t).size === t.length, 'lists a tag twice')
    .nullish(),
  attributes: z
    .record(z.string().regex(ATTRIBUTE_NAME, 'attribute names use letters, digits and _'), z.json())
    .refine(
      (a) => !Object.keys(a).some(isCoreField),
      `must not use the names ${ACTION_CORE_FIELDS.join(', ')}`,
    )
    .refine(
      (a) => JSON.stringify(a).length <= ACTION_LIMITS.attributesJson,
      `must be at most ${ACTION_LIMITS.attributesJson} characters as JSON`,
    )
    .nullish(),
};

const validity = (a: { validFrom?: Date | null; validTo?: Date | null }) =>
  !a.validFrom || !a.validTo || a.validFrom <= a.validTo;
/** The dates' order, checked as soon as both are dates, even when another field is wrong: every problem in one answer. */
const validityCheck = {
  message: 'must not be before validFrom',
  path: ['validTo'],
  when: ({ value }: { value: unknown }) => {
    const v = value as { validFrom?: unknown; validTo?: unknown } | null;
    return v?.validFrom instanceof Date && v.validTo instanceof Date;
  },
};

export const createActionSchema = z.object({ id: actionIdSchema, ...fields }).refine(validity, validityCheck);
export type CreateAction = z.infer<typeof createActionSchema>;

const updateFields = { ...fields, name: fields.name.optional(), expectedRevision: z.number().int().min(1) };
export const updateActionSchema = z.object(updateFields).refine(validity, validityCheck);
export type UpdateAction = z.infer<typeof updateActionSchema>;

/** The optional fields of an action that create and update share (attributes: each its own description). */
@InputType({ isAbstract: true })
abstract class ActionFieldsInput {
  @Field(() => String, { nullable: true })
  group?: string | null;

  @Field(() => String, { nullable: true })
  channel?: string | null;

  @Field(() => Float, { nullable: true })
  value?: number | null;

  @Field(() => Float, { nullable: true })
  cost?: number | null;

  @Field(() => Date, { nullable: true })
  validFrom?: Date | null;

  @Field(() => Date, { nullable: true })
  validTo?: Date | null;

  @Field(() => [String], { nullable: true })
  tags?: string[] | null;
}

@InputType()
export class CreateActionInput extends ActionFieldsInput {
  @Field({ description: 'Stable id strategies refer to: letters, digits, "-" and "_".' })
  id: string;

  @Field()
  name: string;

  @Field(() => JSONScalar, {
    nullable: true,
    description: 'Object of free attributes, e.g. { "segment": "gold" }.',
  })
  attributes?: Record<string, unknown> | null;
}

@InputType({ description: 'Fields left out stay as they are; null clears an optional field.' })
export class UpdateActionInput extends ActionFieldsInput {
  @Field(() => Int, { description: 'The revision the change is based on; a newer one ⇒ CONFLICT.' })
  expectedRevision: number;

  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => JSONScalar, { nullable: true })
  attributes?: Record<string, unknown> | null;
}

@InputType({ description: 'An update in an import: the action’s id and the fields that change.' })
export class ImportActionUpdateInput extends UpdateActionInput {
  @Field()
  id: string;
}

@InputType({ description: 'New actions and updates of existing ones, written together or not at all.' })
export class ImportActionsInput {
  @Field(() => [CreateActionInput])
  create: CreateActionInput[];

  @Field(() => [ImportActionUpdateInput])
  update: ImportActionUpdateInput[];
}

/** One import writes at most this many actions (a larger file is imported in parts). */
export const MAX_IMPORT = 10_000;

export const importActionsSchema = z
  .object({
    create: z.array(createActionSchema),
    update: z.array(z.object({ id: actionIdSchema, ...updateFields }).refine(validity, validityCheck)),
  })
  .refine((i) => i.create.length + i.update.length <= MAX_IMPORT, {
    message: `at most ${MAX_IMPORT} actions in one import`,
    path: ['create'],
  });
export type ImportActions = z.infer<typeof importActionsSchema>;

@InputType()
export class ActionFilterInput {
  @Field(() => String, { nullable: true })
  group?: string | null;

  @Field(() => String, { nullable: true })
  channel?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the name or id, case-insensitive.' })
  search?: string | null;
}

export const actionFilterSchema = z.object({
  group: z.string().max(100).nullish(),
  channel: z.string().max(100).nullish(),
  search: z.string().max(200).nullish(),
});
export type ActionFilter = z.infer<typeof actionFilterSchema>;

// The GraphQL input class and its schema must not drift apart (fails to compile when they do).
export type _CreateActionInputMatchesSchema = AssertMatches<
  InputMatchesSchema<CreateActionInput, typeof createActionSchema>
>;
export type _UpdateActionInputMatchesSchema = AssertMatches<
  InputMatchesSchema<UpdateActionInput, typeof updateActionSchema>
>;
export type _ImportActionsInputMatchesSchema = AssertMatches<
  InputMatchesSchema<ImportActionsInput, typeof importActionsSchema>
>;
export type _ActionFilterInputMatchesSchema = AssertMatches<
  InputMatchesSchema<ActionFilterInput, typeof actionFilterSchema>
>;
