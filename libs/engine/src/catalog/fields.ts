import { z } from 'zod';
import { FIELD_NAME } from './field-name';

export { FIELD_NAME };

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
