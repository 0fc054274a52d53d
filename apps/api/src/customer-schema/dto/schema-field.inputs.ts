import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { FIELD_AGES, fieldDefinitionSchema } from '@arbiter/engine';
import { z } from 'zod';
import { JSONScalar } from '../../common/graphql/json.scalar';
import { FieldType, SchemaField, SchemaScope } from '../schema-field.entity';
import type { AssertMatches, InputMatchesSchema } from '../../common/graphql/input-schema';

@InputType({ description: 'Declares (or redefines) a customer or context field.' })
export class DefineSchemaFieldInput {
  @Field(() => SchemaScope)
  scope: SchemaScope;

  @Field({
    description:
      'Letters, digits and _, starting with a letter; conditions read it as customer.<name> or context.<name>.',
  })
  name: string;

  @Field(() => FieldType)
  type: FieldType;

  @Field(() => String, { nullable: true })
  label?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => JSONScalar, {
    nullable: true,
    description: 'List of the values the field may take, e.g. ["gold","silver"].',
  })
  allowedValues?: unknown;

  @Field(() => Boolean, { nullable: true, description: 'Personal data (default false).' })
  personal?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'A protected attribute for the fairness check; left out: as it was (new fields: false).',
  })
  protected?: boolean | null;
}

export const fieldNameSchema = fieldDefinitionSchema.shape.name;

export const defineSchemaFieldSchema = z
  .object({
    scope: z.enum(SchemaScope),
    name: fieldNameSchema.max(64, 'must be at most 64 characters'),
    type: z.enum(FieldType),
    label: z.string().trim().max(200).nullish(),
    description: z.string().trim().max(2000).nullish(),
    allowedValues: z
      .array(z.union([z.string().max(200), z.number().finite(), z.boolean()]))
      .min(1, 'must list at least one value')
      .max(500)
      .nullish(),
    personal: z.boolean().nullish(),
    protected: z.boolean().nullish(),
  })
  .superRefine((f, ctx) => {
    if (f.protected && f.scope !== SchemaScope.customer)
      ctx.addIssue({
        code: 'custom',
        path: ['protected'],
        message: 'only customer fields can be protected: context fields describe the request, not a person',
      });
    if (f.scope === SchemaScope.customer && f.name === FIELD_AGES)
      ctx.addIssue({
        code: 'custom',
        path: ['name'],
        message: `"${FIELD_AGES}" is reserved: conditions read field ages as customer.${FIELD_AGES}.<field>`,
      });
    if (!f.allowedValues) return;
    const expected =
      f.type === 'number'
        ? 'number'
        : f.type === 'boolean'
          ? 'boolean'
          : f.type === 'string' || f.type === 'list'
            ? 'string'
            : undefined;
    if (!expected)
      ctx.addIssue({
        code: 'custom',
        path: ['allowedValues'],
        message: `a ${f.type} field cannot restrict its values`,
      });
    else if (f.allowedValues.some((v) => typeof v !== expected))
      ctx.addIssue({
        code: 'custom',
        path: ['allowedValues'],
        message: `every value must be a ${expected} for a ${f.type} field`,
      });
    if (new Set(f.allowedValues).size !== f.allowedValues.length)
      ctx.addIssue({ code: 'custom', path: ['allowedValues'], message: 'lists a value twice' });
  });
export type DefineSchemaField = z.infer<typeof defineSchemaFieldSchema>;

@ObjectType('DataSchema', {
  description: 'The declared fields that strategy conditions are validated against.',
})
export class DataSchemaType {
  @Field(() => [SchemaField])
  customer: SchemaField[];

  @Field(() => [SchemaField])
  context: SchemaField[];
}

// The GraphQL input class and its schema must not drift apart (fails to compile when they do).
export type _DefineSchemaFieldInputMatchesSchema = AssertMatches<
  InputMatchesSchema<DefineSchemaFieldInput, typeof defineSchemaFieldSchema>
>;
