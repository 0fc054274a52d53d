/** Strategy documents for tests; no imports, so the end-to-end tests in test/ use them too. */

/** Valid with any catalog: every action straight to the output. */
export const VALID_DOC = {
  schemaVersion: 1,
  nodes: [
    { id: 'candidates', type: 'actions', config: {} },
    { id: 'output', type: 'output', config: {} },
  ],
  edges: [{ source: 'candidates', target: 'output' }],
};

/** A step of a strategy document: a node (config `{}` unless given). */
export interface DocStep {
  id: string;
  type: string;
  label?: string;
  config?: Record<string, unknown>;
}

/** A strategy document whose steps run one after the other, each linked to the next. */
export function pipelineDoc(...steps: DocStep[]) {
  return {
    schemaVersion: 1,
    nodes: steps.map(({ id, type, label, config = {} }) => ({ id, type, ...(label && { label }), config })),
    edges: steps.slice(1).map(({ id }, i) => ({ source: steps[i]!.id, target: id })),
  };
}

/** `customer.<field> >= min`, as a filter condition. */
export const atLeast = (field: string, min: number) => ({
  all: [{ fact: 'customer', path: `$.${field}`, operator: 'greaterThanInclusive', value: min }],
});

/** Valid too, with a different content hash: keeps the top 1. */
export const VALID_DOC_TOP1 = pipelineDoc(
  { id: 'candidates', type: 'actions' },
  { id: 'top', type: 'rank', config: { by: 'priority', limit: 1 } },
  { id: 'output', type: 'output' },
);

/** A split step sending each branch (by id) its percent of the customers; `salt` varies who goes where. */
export function percentageSplit(id: string, salt: string, percents: Record<string, number>, label?: string) {
  return {
    id,
    type: 'split',
    ...(label && { label }),
    config: {
      mode: 'percentage',
      salt,
      branches: Object.entries(percents).map(([branch, percent]) => ({ id: branch, percent })),
    },
  };
}

/** Conditions in a strategy document (json-rules-engine's shape). */
type Condition = Record<string, unknown>;

/** Every action, each kept only for customers meeting its own condition (actions without one: everyone). */
export function eligibilityDoc(byAction: Record<string, Condition>) {
  return pipelineDoc(
    { id: 'all', type: 'actions' },
    { id: 'eligible', type: 'filter', config: { condition: { all: [] }, byAction } },
    { id: 'output', type: 'output' },
  );
}

/** Only the actions of the group 'adult', for customers aged 18 or more. */
export const ADULTS_DOC = pipelineDoc(
  { id: 'candidates', type: 'actions', config: { groups: ['adult'] } },
  { id: 'adults', type: 'filter', config: { condition: atLeast('age', 18) } },
  { id: 'output', type: 'output' },
);

/**
 * Every action through a contact policy (`policy`: its limits or cooldowns), then by value; the best
 * `limit` of them when given.
 */
export function contactPolicyDoc(policy: Record<string, unknown>, limit?: number) {
  return pipelineDoc(
    { id: 'all', type: 'actions' },
    { id: 'policy', type: 'contactPolicy', config: policy },
    { id: 'arbitrate', type: 'arbitrate', config: { propensityWeight: 0, valueWeight: 1 } },
    ...(limit === undefined ? [] : [{ id: 'top', type: 'rank', config: { limit } }]),
    { id: 'output', type: 'output' },
  );
}

/** Readable but wrong: a filter that is not connected and reads an unknown field, and no output. */
export const INVALID_DOC = pipelineDoc(
  { id: 'candidates', type: 'actions' },
  { id: 'adults', type: 'filter', config: { condition: atLeast('agee', 18) } },
);
