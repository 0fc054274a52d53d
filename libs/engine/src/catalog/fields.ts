import { z } from 'zod';

/** What a field name looks like: an identifier, so that expressions can read `customer.<name>`. */
export const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A declared customer or context field: what conditions, models and datasets may refer to. */
export const fieldDefinitionSchema = z.object({
  name: z.string().regex(FIELD_NAME, 'a field name uses letters, digits and _ and starts with a letter'),
  type: z.enum(['number', 'string', 'boolean', 'date', 'list']),
  label: z.string().optional(),
  description: z.string().optional(),
  allowedValues: z.array(z.union([z.string(), z.number(), z.boolean()])).optional(),
  personal: z.boolean().optional(),
});
export type FieldDefinition = z.infer<typeof fieldDefinitionSchema>;

/** Which fields the customer and the decision context are declared to have. */
export interface DataSchema {
  customer?: FieldDefinition[];
  context?: FieldDefinition[];
}
