import type { z } from 'zod';
import { actionFieldNames } from '../catalog/action';
import { migrateDocument } from '../document/migrate-document';
import { strategyDocumentSchema, type StrategyDocument } from '../document/strategy-document';
import { checkGraph, topologicalOrder, type GraphNodeInfo } from '../graph/strategy-graph';
import type { CheckContext, StrategyEnvironment } from '../nodes/node-spec';
import { NODE_TYPES, nodeSpec } from '../nodes/registry';
import { joinField, problem, type ValidationProblem } from './problem';

export interface ValidationResult {
  /** True when there is no problem of severity "error" (warnings do not block). */
  valid: boolean;
  problems: ValidationProblem[];
  /** The parsed document, when its envelope is readable. */
  document?: StrategyDocument;
  /** Each node's config with defaults applied, for the nodes whose config is valid. */
  configs: Map<string, unknown>;
}

/** Checks a strategy document against its environment and returns every problem found. */
export function validateStrategy(input: unknown, env: StrategyEnvironment = {}): ValidationResult {
  const configs = new Map<string, unknown>();
  const migrated = migrateDocument(input);
  if (!migrated.ok) {
    return {
      valid: false,
      problems: [problem('unsupported_schema_version', migrated.message, { field: 'schemaVersion' })],
      configs,
    };
  }
  const parsed = strategyDocumentSchema.safeParse(migrated.document);
  if (!parsed.success) {
    return { valid: false, problems: zodProblems(parsed.error.issues, 'invalid_document'), configs };
  }
  const document = parsed.data;
  const problems: ValidationProblem[] = [];
  const ctxBase = {
    env,
    actionIds: env.actions ? new Set(env.actions.map((a) => a.id)) : undefined,
    groups: env.actions ? new Set(env.actions.flatMap((a) => (a.group ? [a.group] : []))) : undefined,
    actionFields: env.actions ? actionFieldNames(env.actions) : undefined,
  };
  const graphNodes = new Map<string, GraphNodeInfo>();
  for (const node of document.nodes) {
    if (graphNodes.has(node.id)) {
      problems.push(
        problem('duplicate_node_id', `two steps have the id "${node.id}"; give each step its own id`, {
          nodeId: node.id,
          field: 'id',
        }),
      );
      continue;
    }
    const spec = nodeSpec(node.type);
    if (!spec) {
      problems.push(
        problem(
          'unknown_node_type',
          `unknown step type "${node.type}"; use one of ${NODE_TYPES.join(', ')}`,
          { nodeId: node.id, field: 'type' },
        ),
      );
      graphNodes.set(node.id, { id: node.id, isOutput: false });
      continue;
    }
    const config = spec.configSchema.safeParse(node.config ?? {});
    let handles: string[] | undefined;
    if (!config.success) {
      problems.push(...zodProblems(config.error.issues, 'invalid_config', node.id, 'config'));
    } else {
      configs.set(node.id, config.data);
      handles = spec.outputHandles(config.data);
      const ctx: CheckContext = { nodeId: node.id, ...ctxBase };
      problems.push(...(spec.check?.(config.data, ctx) ?? []));
    }
    graphNodes.set(node.id, { id: node.id, inputs: spec.inputs, handles, isOutput: node.type === 'output' });
  }
  problems.push(...checkGraph(document, graphNodes));
  problems.push(...checkFieldsSet(document, configs));
  return { valid: !problems.some((p) => p.severity === 'error'), problems, document, configs };
}

function zodProblems(
  issues: z.core.$ZodIssue[],
  fallback: 'invalid_document' | 'invalid_config',
  nodeId?: string,
  base?: string,
): ValidationProblem[] {
  return issues.map((issue) => {
    const field = issue.path.reduce<string | undefined>(
      (acc, key) => joinField(acc, typeof key === 'number' ? key : String(key)),
      base,
    );
    const code = issue.code === 'too_big' || issue.code === 'too_small' ? 'out_of_range' : fallback;
    const where = nodeId ?? nodeIdFromDocumentPath(issue.path);
    return problem(code, issue.message, { nodeId: where, field });
  });
}

function nodeIdFromDocumentPath(path: PropertyKey[]): string | undefined {
  return path[0] === 'nodes' && typeof path[1] === 'number' ? `#${path[1] + 1}` : undefined;
}

/** Warns when a rank or arbitrate node reads a field that no node before it sets on every path. */
function checkFieldsSet(document: StrategyDocument, configs: Map<string, unknown>): ValidationProblem[] {
  const types = new Map(document.nodes.map((n) => [n.id, n.type]));
  const outgoing = new Map(
    document.nodes.map((n) => [n.id, document.edges.filter((e) => e.source === n.id)]),
  );
  const order = topologicalOrder([...types.keys()], outgoing);
  if (order.length !== types.size) return []; // cycles are reported elsewhere
  // Only steps that actions reach: a step cut off by a missing line has that one problem already.
  const setAfter = new Map<string, Set<string>>();
  const problems: ValidationProblem[] = [];
  for (const id of order) {
    const incoming = document.edges.filter((e) => e.target === id && setAfter.has(e.source));
    if (!incoming.length && nodeSpec(types.get(id)!)?.inputs !== 'none') continue;
    const before = incoming.length
      ? incoming.map((e) => setAfter.get(e.source)!).reduce((a, b) => new Set([...a].filter((f) => b.has(f))))
      : new Set<string>();
    const type = types.get(id)!;
    const config = configs.get(id);
    const spec = nodeSpec(type);
    if (config !== undefined && incoming.length) {
      const reads =
        type === 'rank' ? [(config as { by: string }).by] : type === 'arbitrate' ? ['propensity'] : [];
      for (const field of reads) {
        if (!before.has(field) && field !== 'value') {
          problems.push(
            problem(
              'field_not_set',
              `no step before this one sets "${field}" on every path, so it is missing for some actions (arbitrate treats a missing propensity as 0; rank puts missing values last)`,
              { nodeId: id, severity: 'warning', field: type === 'rank' ? 'config.by' : undefined },
            ),
          );
        }
      }
    }
    const sets = config !== undefined ? (spec?.setsFields?.(config) ?? []) : [];
    setAfter.set(id, new Set([...before, ...sets]));
  }
  return problems;
}
