import { z } from 'zod';

/** The document format version this engine reads and writes. See migrateDocument for older ones. */
export const SCHEMA_VERSION = 1;

const idSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'use letters, digits, "-" and "_" only');

export const strategyNodeSchema = z.object({
  id: idSchema,
  type: z.string().min(1),
  label: z.string().max(200).optional(),
  /** Canvas position; layout only, not part of the content hash. */
  position: z.object({ x: z.number().finite(), y: z.number().finite() }).optional(),
  /** Node settings; may be left out for a node whose settings all have defaults (e.g. the output). */
  config: z.unknown().optional(),
});

export const strategyEdgeSchema = z.object({
  id: z.string().min(1).optional(),
  source: z.string().min(1),
  /** Output handle of the source: "out", or a split's branch id. Defaults to "out". */
  sourceHandle: z.string().min(1).optional(),
  target: z.string().min(1),
});

export const strategyDocumentSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  name: z.string().max(200).optional(),
  description: z.string().max(5000).optional(),
  nodes: z.array(strategyNodeSchema),
  edges: z.array(strategyEdgeSchema),
});

export type StrategyNode = z.infer<typeof strategyNodeSchema>;
export type StrategyEdge = z.infer<typeof strategyEdgeSchema>;
export type StrategyDocument = z.infer<typeof strategyDocumentSchema>;

export const DEFAULT_HANDLE = 'out';

export function edgeId(edge: StrategyEdge): string {
  return edge.id ?? `${edge.source}:${edge.sourceHandle ?? DEFAULT_HANDLE}->${edge.target}`;
}
