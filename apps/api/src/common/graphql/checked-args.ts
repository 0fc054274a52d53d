import { Args, ID, type ArgsOptions } from '@nestjs/graphql';
import { z } from 'zod';
import { ZodPipe } from '../validation';

/** `@Args(name, options)` checked against `schema` before the resolver runs (VALIDATION_FAILED under `name`). */
export const CheckedArg = (name: string, schema: z.ZodType, options?: ArgsOptions) =>
  options ? Args(name, options, new ZodPipe(schema, name)) : Args(name, new ZodPipe(schema, name));

/** An `ID` argument that must be a UUID; required unless `nullable`. */
export const UuidArg = (name: string, { nullable = false, message = 'must be an id (UUID)' } = {}) =>
  nullable
    ? CheckedArg(name, z.uuid(message).nullish(), { type: () => ID, nullable: true })
    : CheckedArg(name, z.uuid(message), { type: () => ID });

/** An optional Boolean switch (`remove`, `includeArchived`): false when left out. */
export const SwitchArg = (name: string) =>
  CheckedArg(name, z.boolean(), { type: () => Boolean, defaultValue: false });

/** The optional `filter` argument of a list query, checked against `schema`; left out, the empty filter (everything). */
export const FilterArg = (schema: z.ZodObject, type: ArgsOptions['type']) =>
  CheckedArg(
    'filter',
    schema.optional().transform((filter) => filter ?? {}),
    { type, nullable: true },
  );
