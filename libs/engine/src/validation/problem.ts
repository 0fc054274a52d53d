/** One problem found in a strategy document, tied to where the studio should mark it. */
export interface ValidationProblem {
  code: ProblemCode;
  severity: 'error' | 'warning';
  message: string;
  /** The node the problem belongs to, if any. */
  nodeId?: string;
  /** The edge the problem belongs to, if any. */
  edgeId?: string;
  /** Dotted path of the offending setting inside the node (e.g. `config.condition.all[0].path`). */
  field?: string;
}

export type ProblemCode =
  | 'invalid_document'
  | 'unsupported_schema_version'
  | 'duplicate_node_id'
  | 'unknown_node_type'
  | 'invalid_config'
  | 'out_of_range'
  | 'unknown_edge_endpoint'
  | 'unknown_handle'
  | 'missing_edge'
  | 'extra_edge'
  | 'cycle'
  // No longer reported (a step cut off lies behind or before a missing line, which is the one
  // problem reported); kept so that API clients matching on the codes keep working.
  | 'unreachable_node'
  | 'no_path_to_output'
  | 'output_count'
  | 'invalid_condition'
  | 'unsupported_condition'
  | 'unknown_fact'
  | 'unknown_field'
  | 'unknown_value'
  | 'type_mismatch'
  | 'invalid_expression'
  | 'unknown_model'
  | 'unknown_action'
  | 'unknown_group'
  | 'field_not_set';

export function problem(
  code: ProblemCode,
  message: string,
  where: Omit<ValidationProblem, 'code' | 'message' | 'severity'> & { severity?: 'error' | 'warning' } = {},
): ValidationProblem {
  const { severity = 'error', ...rest } = where;
  return { code, severity, message, ...rest };
}

/** Joins setting paths the way problems report them: `config.rules[2].condition`. */
export function joinField(base: string | undefined, key: string | number): string {
  if (typeof key === 'number') return `${base ?? ''}[${key}]`;
  return base ? `${base}.${key}` : key;
}

export class StrategyValidationError extends Error {
  constructor(readonly problems: ValidationProblem[]) {
    const errors = problems.filter((p) => p.severity === 'error');
    super(
      `The strategy has ${errors.length} problem${errors.length === 1 ? '' : 's'}: ` +
        errors
          .slice(0, 3)
          .map((p) => (p.nodeId ? `${p.nodeId}: ${p.message}` : p.message))
          .join('; ') +
        (errors.length > 3 ? '; …' : ''),
    );
    this.name = 'StrategyValidationError';
  }
}
