import type { z } from 'zod';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type RequiredKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T];
type FieldsFit<Input, Parsed> = {
  [K in keyof Input & keyof Parsed]-?: [Parsed[K]] extends [Input[K]] ? true : false;
}[keyof Input & keyof Parsed];

/**
 * True when a GraphQL input class and the zod schema that checks it agree: the same field names,
 * the same required ones, and every parsed value fits the class's field type (the schema may be
 * stricter than GraphQL, e.g. a JSON field or a string limited to some words, never looser).
 */
export type InputMatchesSchema<Input, Schema extends z.ZodType> =
  Same<keyof Input, keyof z.input<Schema>> extends true
    ? Same<RequiredKeys<Input>, RequiredKeys<z.input<Schema>>> extends true
      ? Same<FieldsFit<Input, z.output<Schema>>, true>
      : false
    : false;

/** `export type _X = AssertMatches<InputMatchesSchema<XInput, typeof xSchema>>`: fails to compile when they drift apart. */
export type AssertMatches<T extends true> = T;
