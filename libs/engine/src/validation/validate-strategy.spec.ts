import type { DataSchema } from '../catalog/fields';
import type { StrategyDocument } from '../document/strategy-document';
import type { StrategyEnvironment } from '../nodes/node-spec';
import { compileStrategy } from '../runtime/compile-strategy';
import { CATALOG, linearStrategy } from '../test-support/build-strategy';
import {
  all,
  caseBranchGraph,
  cmp,
  expectOnlyProblem,
  graph,
  splitGraph,
  twoSourcesGraph,
} from '../test-support/engine.test-helpers';
import { StrategyValidationError, type ProblemCode, type ValidationProblem } from './problem';
import { validateStrategy } from './validate-strategy';
import { MAX_CONDITION_DEPTH } from '../conditions/check-condition';

const SCHEMA: DataSchema = {
  customer: [
    { name: 'age', type: 'number' },
    { name: 'segment', type: 'string', allowedValues: ['gold', 'silver', 'bronze'] },
    { name: 'products', type: 'list' },
  ],
  context: [{ name: 'channel', type: 'string' }],
};
const ENV: StrategyEnvironment = {
  actions: CATALOG,
  schema: SCHEMA,
  models: {
    'churn-v3': { type: 'logistic', intercept: 0, terms: [{ input: 'customer.age', weight: 0.01 }] },
  },
};

/** A sound strategy: every test below breaks one thing in it. */
const VALID_STEPS: [string, unknown][] = [
  ['actions', {}],
  ['filter', { condition: all(cmp('customer', 'age', 'greaterThanInclusive', 18)) }],
  ['score', { model: { type: 'registry', modelId: 'churn-v3' } }],
  ['arbitrate', { propensityWeight: 1, valueWeight: 0.5 }],
  ['rank', { limit: 3 }],
  ['output', {}],
];

/** VALID_STEPS with step `n` (1-based, so node id `n<n>`) replaced. */
function withStep(n: number, type: string, config: unknown): StrategyDocument {
  return linearStrategy(VALID_STEPS.map((step, i) => (i === n - 1 ? [type, config] : step)));
}

const problemsOf = (document: unknown, env: StrategyEnvironment = ENV) =>
  validateStrategy(document, env).problems;

/** The document has exactly one problem, with these properties. */
function expectOneProblem(document: unknown, expected: Partial<ValidationProblem>) {
  expectOnlyProblem(problemsOf(document), expected);
}

function onlyProblem(document: unknown, code: ProblemCode, env?: StrategyEnvironment): ValidationProblem {
  const found = problemsOf(document, env).filter((p) => p.code === code);
  expect(found).toHaveLength(1);
  return found[0]!;
}

/** Messages say what to do about the problem, not only what is wrong. */
const TELLS_WHAT_TO_DO =
  /\b(use|compare|add|connect|remove|choose|give|keep|upgrade|check|join|put|write|must|needs?|declare)\b/;

describe('validateStrategy', () => {
  it('accepts a sound strategy without any problem', () => {
    expect(validateStrategy(linearStrategy(VALID_STEPS), ENV)).toMatchObject({ valid: true, problems: [] });
  });

  describe('the document', () => {
    it('invalid_document: a document that is not a strategy, pointing at the field', () => {
      const problems = problemsOf({ schemaVersion: 1, nodes: 'all of them', edges: [] });
      expectOnlyProblem(problems, { code: 'invalid_document', severity: 'error', field: 'nodes' });
    });

    it('invalid_document: a node id the studio cannot use names the node by its position', () => {
      const doc = {
        schemaVersion: 1,
        nodes: [
          { id: 'start', type: 'actions', config: {} },
          { id: 'the end', type: 'output', config: {} },
        ],
        edges: [],
      };
      expectOneProblem(doc, {
        code: 'invalid_document',
        nodeId: '#2',
        field: 'nodes[1].id',
        message: 'use letters, digits, "-" and "_" only',
      });
    });

    it('accepts a node without config, as for the output node', () => {
      const doc = {
        schemaVersion: 1,
        nodes: [
          { id: 'start', type: 'actions' },
          { id: 'end', type: 'output' },
        ],
        edges: [{ source: 'start', target: 'end' }],
      };
      expect(problemsOf(doc)).toEqual([]);
    });

    it('unsupported_schema_version: a newer document asks to upgrade', () => {
      const problem = onlyProblem({ schemaVersion: 2, nodes: [], edges: [] }, 'unsupported_schema_version');
      expect(problem).toMatchObject({
        field: 'schemaVersion',
        message: 'schemaVersion 2 is newer than this engine (1); upgrade Arbiter',
      });
    });

    it('unsupported_schema_version: a document without a version says which one is expected', () => {
      expect(onlyProblem({ nodes: [], edges: [] }, 'unsupported_schema_version').message).toMatch(
        /^schemaVersion must be 1/,
      );
    });

    it('duplicate_node_id', () => {
      const doc = graph(
        [
          ['start', 'actions', {}],
          ['step', 'filter', { condition: all() }],
          ['step', 'rank', {}],
          ['end', 'output', {}],
        ],
        [
          ['start', 'step'],
          ['step', 'end'],
        ],
      );
      const problem = onlyProblem(doc, 'duplicate_node_id');
      expect(problem).toMatchObject({
        severity: 'error',
        nodeId: 'step',
        field: 'id',
        message: 'two steps have the id "step"; give each step its own id',
      });
    });

    it('unknown_node_type lists the types there are', () => {
      const problem = onlyProblem(withStep(4, 'optimize', {}), 'unknown_node_type');
      expect(problem).toMatchObject({ nodeId: 'n4', field: 'type' });
      expect(problem.message).toBe(
        'unknown step type "optimize"; use one of actions, filter, score, arbitrate, contactPolicy, rank, split, merge, output',
      );
    });
  });

  describe('node settings', () => {
    it('invalid_config: a setting of the wrong kind, on its field', () => {
      const problem = onlyProblem(withStep(5, 'rank', { order: 'down' }), 'invalid_config');
      expect(problem).toMatchObject({ nodeId: 'n5', field: 'config.order' });
      expect(problem.message).toContain('"desc"|"asc"');
    });

    it('invalid_config: a filter without any condition', () => {
      expect(onlyProblem(withStep(2, 'filter', {}), 'invalid_config')).toMatchObject({
        nodeId: 'n2',
        field: 'config.condition',
        message: 'add a condition (for all candidates, a group or an action)',
      });
    });

    it('invalid_config: a score node without a model', () => {
      expect(onlyProblem(withStep(3, 'score', {}), 'invalid_config')).toMatchObject({
        nodeId: 'n3',
        field: 'config.model',
        message: 'choose a model',
      });
    });

    it('out_of_range: an arbitration weight beyond its slider', () => {
      expect(onlyProblem(withStep(4, 'arbitrate', { propensityWeight: 9 }), 'out_of_range')).toMatchObject({
        nodeId: 'n4',
        field: 'config.propensityWeight',
        message: 'must be between 0 and 5',
      });
    });

    it('out_of_range: split percentages that do not add up to 100', () => {
      const split = {
        mode: 'percentage',
        salt: 's',
        branches: [
          { id: 'a', percent: 50 },
          { id: 'b', percent: 40 },
        ],
      };
      const doc = splitGraph('ab', split, ['a', 'b']);
      expectOneProblem(doc, {
        code: 'out_of_range',
        nodeId: 'ab',
        field: 'config.branches',
        message: 'the branch percentages add up to 90, not 100',
      });
    });
  });

  describe('edges', () => {
    it('unknown_edge_endpoint names the missing node and the edge', () => {
      const doc = linearStrategy(VALID_STEPS);
      doc.edges.push({ source: 'n5', target: 'ghost' });
      const problem = onlyProblem(doc, 'unknown_edge_endpoint');
      expect(problem).toMatchObject({ edgeId: 'n5:out->ghost' });
      expect(problem.message).toBe(
        'the line connects to a step that does not exist ("ghost"); remove the line or connect it to an existing step',
      );
    });

    it('unknown_handle lists the outputs the node has', () => {
      const split = {
        mode: 'condition',
        cases: [{ id: 'young', when: all(cmp('customer', 'age', 'lessThan', 25)) }],
      };
      const doc = splitGraph('seg', split, ['young', 'default', 'old']);
      expectOneProblem(doc, {
        code: 'unknown_handle',
        nodeId: 'seg',
        edgeId: 'seg:old->join',
        message: 'the split step has no exit "old"; it has "young", "default"',
      });
    });

    it('missing_edge: one deleted line is one problem, on the step after it', () => {
      const doc = linearStrategy(VALID_STEPS);
      doc.edges = doc.edges.filter((e) => !(e.source === 'n2' && e.target === 'n3'));
      expectOneProblem(doc, {
        code: 'missing_edge',
        nodeId: 'n3',
        message: 'no line goes into this step; connect the filter step to it',
      });
    });

    it('missing_edge: a step without a name is named by its kind, and by its id when two share the kind', () => {
      const twoFilters = VALID_STEPS.flatMap((step) => (step[0] === 'filter' ? [step, step] : [step]));
      const doc = linearStrategy(twoFilters);
      doc.edges = doc.edges.filter((e) => !(e.source === 'n3' && e.target === 'n4'));
      expectOneProblem(doc, {
        nodeId: 'n4',
        message: 'no line goes into this step; connect the filter step "n3" to it',
      });
    });

    it('missing_edge: a split branch leading nowhere and a step without a line in are one gap', () => {
      const split = {
        mode: 'condition',
        cases: [{ id: 'young', when: all(cmp('customer', 'age', 'lessThan', 25)) }],
      };
      const doc = graph(
        [
          ['start', 'actions', {}],
          ['seg', 'split', split],
          ['lonely', 'rank', {}],
          ['end', 'output', {}],
        ],
        [
          ['start', 'seg'],
          ['seg', 'end', 'young'],
          ['lonely', 'end'],
        ],
      );
      doc.nodes[1]!.label = 'Age split';
      expectOnlyProblem(
        problemsOf(doc).filter((p) => p.code === 'missing_edge'),
        {
          nodeId: 'lonely',
          message: 'no line goes into this step; connect the step "Age split" (branch "default") to it',
        },
      );
    });

    it('missing_edge: an unconnected step is one problem', () => {
      const doc = linearStrategy(VALID_STEPS);
      doc.nodes.push({ id: 'extra', type: 'rank', config: {} });
      expectOneProblem(doc, {
        code: 'missing_edge',
        nodeId: 'extra',
        message:
          'this step is not connected; connect a line into it from the step before and one out of it towards the output',
      });
    });

    it('missing_edge: with two gaps, each end is reported, and nothing else', () => {
      const doc = linearStrategy(VALID_STEPS);
      doc.edges = doc.edges.filter((e) => e.source !== 'n2' && e.source !== 'n4');
      const leadsNowhere = 'this step leads nowhere; connect a line from it towards the output';
      const noLineIn = 'no line goes into this step; connect the step before it';
      expect(problemsOf(doc).map((p) => [p.nodeId, p.message])).toEqual([
        ['n3', noLineIn],
        ['n5', noLineIn],
        ['n2', leadsNowhere],
        ['n4', leadsNowhere],
      ]);
    });

    it('extra_edge: two inputs into a node that takes one, and an edge out of the output', () => {
      const doc = graph(
        [
          ['a', 'actions', { groups: ['retention'] }],
          ['b', 'actions', { groups: ['upsell'] }],
          ['top', 'rank', {}],
          ['end', 'output', {}],
        ],
        [
          ['a', 'top'],
          ['b', 'top'],
          ['top', 'end'],
          ['end', 'top'],
        ],
      );
      const extra = problemsOf(doc).filter((p) => p.code === 'extra_edge');
      expect(extra).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            nodeId: 'end',
            edgeId: 'end:out->top',
            message: 'no line can leave the output step; remove this line',
          }),
          expect.objectContaining({
            nodeId: 'top',
            message: 'this step takes one line in but has 2; join the branches with a merge step first',
          }),
        ]),
      );
    });

    it('extra_edge: the same connection twice, and an edge into an actions node', () => {
      const doc = twoSourcesGraph([
        ['a', 'join'],
        ['a', 'join'],
        ['b', 'join'],
        ['join', 'end'],
        ['a', 'b'],
      ]);
      expect(problemsOf(doc).filter((p) => p.code === 'extra_edge')).toEqual([
        expect.objectContaining({
          nodeId: 'join',
          message: 'the same line is drawn twice; remove one of them',
        }),
        expect.objectContaining({
          nodeId: 'b',
          message: 'this step starts the strategy and takes no line in; remove the line going into it',
        }),
      ]);
    });

    it('cycle: marks every node on the loop', () => {
      const doc = graph(
        [
          ['start', 'actions', {}],
          ['join', 'merge', {}],
          ['adults', 'filter', { condition: all(cmp('customer', 'age', 'greaterThan', 17)) }],
          ['end', 'output', {}],
        ],
        [
          ['start', 'join'],
          ['join', 'adults'],
          ['adults', 'join'],
          ['adults', 'end'],
        ],
      );
      const cycles = problemsOf(doc).filter((p) => p.code === 'cycle');
      expect(cycles.map((p) => p.nodeId)).toEqual(['join', 'adults']);
      expect(cycles[0]!.message).toBe(
        'this step is part of a loop; remove a line of the loop: a strategy flows one way, to the output',
      );
    });

    it('a step no actions reach is reported once, where its line in is missing', () => {
      const doc = linearStrategy(VALID_STEPS);
      doc.nodes.push({
        id: 'orphan',
        type: 'filter',
        config: { condition: all(cmp('customer', 'age', 'lessThan', 99)) },
      });
      doc.nodes.push({ id: 'join', type: 'merge', config: {} });
      doc.edges = doc.edges.filter((e) => e.target !== 'n6');
      doc.edges.push(
        { source: 'n5', target: 'join' },
        { source: 'orphan', target: 'join' },
        { source: 'join', target: 'n6' },
      );
      expectOneProblem(doc, {
        code: 'missing_edge',
        nodeId: 'orphan',
        message: 'no line goes into this step; connect the step before it',
      });
    });

    it('a branch that ends before the output is reported once, where it ends', () => {
      const doc = linearStrategy(VALID_STEPS);
      doc.nodes.push(
        { id: 'more', type: 'actions', config: {} },
        { id: 'dead-end', type: 'rank', config: { by: 'value' } },
      );
      doc.edges.push({ source: 'more', target: 'dead-end' });
      expectOneProblem(doc, {
        code: 'missing_edge',
        nodeId: 'dead-end',
        message: 'this step leads nowhere; connect a line from it towards the output',
      });
    });

    it('output_count: none', () => {
      const doc = linearStrategy([
        ['actions', {}],
        ['rank', {}],
      ]);
      expect(onlyProblem(doc, 'output_count').message).toBe('add an output step: a strategy has exactly one');
    });

    it('output_count: two, marking the second', () => {
      const doc = graph(
        [
          ['start', 'actions', {}],
          ['end', 'output', {}],
          ['end2', 'output', {}],
        ],
        [
          ['start', 'end'],
          ['start', 'end2'],
        ],
      );
      expect(onlyProblem(doc, 'output_count')).toMatchObject({
        nodeId: 'end2',
        message:
          'a strategy has exactly one output step, this one has 2; keep one and join the branches with a merge step',
      });
    });
  });

  describe('conditions', () => {
    const filter = (condition: unknown) => withStep(2, 'filter', { condition });

    it('invalid_condition: an unknown operator, listing the operators', () => {
      const problem = onlyProblem(filter(all(cmp('customer', 'age', 'biggerThan', 18))), 'invalid_condition');
      expect(problem).toMatchObject({ nodeId: 'n2', field: 'config.condition.all[0].operator' });
      expect(problem.message).toMatch(/^unknown operator "biggerThan"; use one of equal, notEqual/);
    });

    it('invalid_condition: a condition that does not start with all / any / not', () => {
      expect(
        onlyProblem(filter(cmp('customer', 'age', 'greaterThan', 18)), 'invalid_condition'),
      ).toMatchObject({
        field: 'config.condition',
        message: 'the condition must start with "all", "any" or "not"',
      });
    });

    it('unsupported_condition: a shared condition reference', () => {
      expect(onlyProblem(filter({ all: [{ condition: 'isAdult' }] }), 'unsupported_condition')).toMatchObject(
        {
          nodeId: 'n2',
          field: 'config.condition.all[0]',
          message:
            'shared condition references ("condition") are not supported: put the condition itself here',
        },
      );
    });

    it('unsupported_condition: a JSONPath the engine does not evaluate', () => {
      const problem = onlyProblem(
        filter({ all: [{ fact: 'customer', path: '$..age', operator: 'greaterThan', value: 18 }] }),
        'unsupported_condition',
      );
      expect(problem).toMatchObject({ field: 'config.condition.all[0].path' });
      expect(problem.message).toContain('recursive descent (..) is not supported; name each step');
    });

    it('unknown_fact: a fact strategies do not have', () => {
      expect(
        onlyProblem(filter(all(cmp('weather', 'temperature', 'greaterThan', 20))), 'unknown_fact'),
      ).toMatchObject({
        field: 'config.condition.all[0].fact',
        message: 'unknown fact "weather"; use one of customer, context, action, fields',
      });
    });

    it('unknown_fact: a split condition may not read the candidate', () => {
      const split = {
        mode: 'condition',
        cases: [{ id: 'retention', when: all(cmp('action', 'group', 'equal', 'retention')) }],
      };
      const doc = splitGraph('seg', split, ['retention', 'default']);
      expect(onlyProblem(doc, 'unknown_fact')).toMatchObject({
        nodeId: 'seg',
        field: 'config.cases[0].when.all[0].fact',
        message: '"action" cannot be used here; this condition may read customer, context',
      });
    });

    it('unknown_field: a customer field the schema does not declare', () => {
      const problem = onlyProblem(
        filter(all(cmp('customer', 'income', 'greaterThan', 1000))),
        'unknown_field',
      );
      expect(problem).toMatchObject({ nodeId: 'n2', field: 'config.condition.all[0].path' });
      expect(problem.message).toMatch(/^customer field "income" is not in the declared customer schema/);
    });

    it('unknown_field: an action property no action of the catalog has', () => {
      const problem = onlyProblem(filter(all(cmp('action', 'colour', 'equal', 'red'))), 'unknown_field');
      expect(problem).toMatchObject({ nodeId: 'n2', field: 'config.condition.all[0].path' });
      expect(problem.message).toMatch(/^no action in the catalog has a property "colour"/);
    });

    it('unknown_field: a model input the schema does not declare', () => {
      const model = { type: 'logistic', intercept: 0, terms: [{ input: 'customer.incme', weight: 1 }] };
      expect(onlyProblem(withStep(3, 'score', { model }), 'unknown_field')).toMatchObject({
        nodeId: 'n3',
        field: 'config.model.terms[0].input',
      });
    });

    it('unknown_value: a value outside the declared allowed values is an error, listing them', () => {
      const problem = onlyProblem(
        filter(all(cmp('customer', 'segment', 'equal', 'platinum'))),
        'unknown_value',
      );
      expect(problem).toMatchObject({
        severity: 'error',
        nodeId: 'n2',
        field: 'config.condition.all[0].value',
      });
      expect(problem.message).toBe(
        '"platinum" is not an allowed value of segment ("gold", "silver", "bronze"); use one of them or add it to the field\'s allowed values',
      );
      expect(validateStrategy(filter(all(cmp('customer', 'segment', 'equal', 'platinum'))), ENV).valid).toBe(
        false,
      );
    });

    it('type_mismatch: a number field compared with text is an error saying which number to use', () => {
      const problem = onlyProblem(filter(all(cmp('customer', 'age', 'greaterThan', '18'))), 'type_mismatch');
      expect(problem).toMatchObject({
        severity: 'error',
        nodeId: 'n2',
        field: 'config.condition.all[0].value',
      });
      expect(problem.message).toBe('age is a number: compare with 18, not "18"');
    });

    it('type_mismatch (warning): "equal" against a list, suggesting "in"', () => {
      const problem = onlyProblem(
        filter(all(cmp('customer', 'segment', 'equal', ['gold']))),
        'type_mismatch',
      );
      expect(problem.message).toContain('use "in" or "contains"');
    });
  });

  describe('references', () => {
    it('invalid_expression: on the expression, with the position', () => {
      const problem = onlyProblem(
        withStep(3, 'score', { model: { type: 'expression', expression: 'customer.age +' } }),
        'invalid_expression',
      );
      expect(problem).toMatchObject({ nodeId: 'n3', field: 'config.model.expression' });
      expect(problem.message).toMatch(/\(at character \d+\)$/);
    });

    it('unknown_model: a registry model that does not exist', () => {
      expect(
        onlyProblem(
          withStep(3, 'score', { model: { type: 'registry', modelId: 'churn-v9' } }),
          'unknown_model',
        ),
      ).toMatchObject({
        nodeId: 'n3',
        field: 'config.model.modelId',
        message: 'model "churn-v9" does not exist in the model registry; choose a registered model',
      });
    });

    it('unknown_action: in an actions selection, a filter rule and a lever', () => {
      const doc = linearStrategy([
        ['actions', { actionIds: ['data-addon', 'free-phone'] }],
        ['filter', { byAction: { 'free-tablet': all(cmp('customer', 'age', 'greaterThan', 18)) } }],
        ['score', { model: { type: 'registry', modelId: 'churn-v3' } }],
        ['arbitrate', { levers: { byAction: { 'free-watch': 2 } } }],
        ['output', {}],
      ]);
      expect(problemsOf(doc).filter((p) => p.code === 'unknown_action')).toEqual([
        expect.objectContaining({
          nodeId: 'n1',
          field: 'config.actionIds[1]',
          message:
            'there is no action "free-phone" in the catalog; remove it or choose an action from the catalog',
        }),
        expect.objectContaining({ nodeId: 'n2', field: 'config.byAction.free-tablet' }),
        expect.objectContaining({ nodeId: 'n4', field: 'config.levers.byAction.free-watch' }),
      ]);
    });

    it('unknown_group (warning): a group no action of the catalog is in', () => {
      const problem = onlyProblem(
        withStep(1, 'actions', { groups: ['retention', 'winback'] }),
        'unknown_group',
      );
      expect(problem).toMatchObject({
        severity: 'warning',
        nodeId: 'n1',
        field: 'config.groups[1]',
        message: 'no action in the catalog is in group "winback"; check the group name',
      });
    });

    it('field_not_set (warning): ranking by a field no node before sets', () => {
      const problem = onlyProblem(withStep(5, 'rank', { by: 'margin' }), 'field_not_set');
      expect(problem).toMatchObject({ severity: 'warning', nodeId: 'n5', field: 'config.by' });
      expect(problem.message).toMatch(/^no step before this one sets "margin" on every path/);
    });

    it('field_not_set (warning): a field set on one branch only', () => {
      const doc = caseBranchGraph(
        'young',
        all(cmp('customer', 'age', 'lessThan', 25)),
        [['score-young', 'score', { model: { type: 'registry', modelId: 'churn-v3' } }]],
        [['arb', 'arbitrate', {}]],
      );
      expect(onlyProblem(doc, 'field_not_set')).toMatchObject({
        nodeId: 'arb',
        message: expect.stringContaining('"propensity"'),
      });
    });

    it('is quiet when the catalog, schema and registry are unknown', () => {
      const doc = withStep(2, 'filter', {
        condition: all(cmp('customer', 'anything', 'equal', 1)),
        byAction: { whatever: all(cmp('action', 'colour', 'equal', 'red')) },
      });
      expect(problemsOf(doc, { models: ENV.models })).toEqual([]);
    });
  });

  it('invalid_condition: "all" blocks nested past MAX_CONDITION_DEPTH, found without overflowing the stack', () => {
    const nested = (levels: number) => {
      let condition: unknown = all(cmp('customer', 'age', 'greaterThan', 1));
      for (let i = 1; i < levels; i++) condition = { all: [condition] };
      return withStep(2, 'filter', { condition });
    };
    const problem = onlyProblem(nested(10_000), 'invalid_condition');
    expect(problem).toMatchObject({
      nodeId: 'n2',
      field: `config.condition${'.all[0]'.repeat(MAX_CONDITION_DEPTH)}`,
    });
    expect(problem.message).toContain(`more than ${MAX_CONDITION_DEPTH}`);
    expect(problem.message).toMatch(TELLS_WHAT_TO_DO);
    expect(validateStrategy(nested(MAX_CONDITION_DEPTH), ENV).valid).toBe(true);
  });

  describe('type mistakes against the schema, wherever a step compares or weighs a field', () => {
    const TYPED: StrategyEnvironment = {
      actions: CATALOG,
      schema: {
        customer: [
          { name: 'age', type: 'number' },
          { name: 'housing', type: 'boolean' },
          { name: 'segment', type: 'string', allowedValues: ['gold', 'silver', 'bronze'] },
          { name: 'products', type: 'list' },
        ],
        context: [{ name: 'channel', type: 'string' }],
      },
      models: {
        ...ENV.models,
        'housing-v1': { type: 'logistic', intercept: 0, terms: [{ input: 'customer.housing', weight: 0.8 }] },
      },
    };
    const housingYes = all(cmp('customer', 'housing', 'equal', 'yes'));
    const HOUSING_YES = 'housing is true/false: compare with true, not "yes"';
    const errorsOf = (document: unknown) =>
      validateStrategy(document, TYPED).problems.filter((p) => p.severity === 'error');
    const score = (model: unknown) => withStep(3, 'score', { model });

    it.each([
      [
        'filter condition',
        withStep(2, 'filter', { condition: housingYes }),
        'n2',
        'config.condition.all[0].value',
      ],
      [
        'filter rule per group',
        withStep(2, 'filter', { byGroup: { retention: housingYes } }),
        'n2',
        'config.byGroup.retention.all[0].value',
      ],
      [
        'filter rule per action',
        withStep(2, 'filter', { byAction: { 'data-addon': housingYes } }),
        'n2',
        'config.byAction.data-addon.all[0].value',
      ],
      [
        'split case',
        graph(
          [
            ['a', 'actions', {}],
            ['s', 'split', { mode: 'condition', cases: [{ id: 'owners', when: housingYes }] }],
            ['m', 'merge', {}],
            ['o', 'output', {}],
          ],
          [
            ['a', 's'],
            ['s', 'm', 'owners'],
            ['s', 'm', 'default'],
            ['m', 'o'],
          ],
        ),
        's',
        'config.cases[0].when.all[0].value',
      ],
      [
        'arbitration context weight',
        withStep(4, 'arbitrate', { contextWeights: [{ when: housingYes, weight: 2 }] }),
        'n4',
        'config.contextWeights[0].when.all[0].value',
      ],
      [
        'decision table cell',
        score({
          type: 'decisionTable',
          hitPolicy: 'first',
          inputs: ['customer.age', 'customer.housing'],
          rules: [{ when: [null, { operator: 'equal', value: 'yes' }], output: 0.3 }],
        }),
        'n3',
        'config.model.rules[0].when[1].value',
      ],
    ])('%s: an error on the step and the value', (_where, document, nodeId, field) => {
      expect(errorsOf(document)).toEqual([
        { code: 'type_mismatch', severity: 'error', nodeId, field, message: HOUSING_YES },
      ]);
    });

    it("the catalog's action properties and the computed fields have types too", () => {
      const condition = all(
        cmp('action', 'value', 'greaterThan', '30'),
        cmp('action', 'tags', 'equal', 'fibre'),
        cmp('fields', 'propensity', 'equal', '0.5'),
        cmp('action', 'group', 'in', ['retention']),
      );
      expect(errorsOf(withStep(2, 'filter', { condition })).map((p) => `${p.field}: ${p.message}`)).toEqual([
        'config.condition.all[0].value: action value is a number: compare with 30, not "30"',
        'config.condition.all[1].operator: action tags is a list: "equal" compares the whole list; use "contains" to look for an item',
        'config.condition.all[2].value: propensity is a number: compare with 0.5, not "0.5"',
      ]);
    });

    it('a numeric weight on a true/false field (which would add 0) is an error suggesting categories', () => {
      const model = { type: 'logistic', intercept: 0, terms: [{ input: 'customer.housing', weight: 0.8 }] };
      expect(errorsOf(score(model))).toEqual([
        {
          code: 'type_mismatch',
          severity: 'error',
          nodeId: 'n3',
          field: 'config.model.terms[0].weight',
          message:
            'housing is true/false: a weight multiplies a number, so this term would always add 0; weigh each value instead: "categories": { "true": 0.8, "false": 0 }',
        },
      ]);
      // A weight on a text field adds 0 as well.
      expectOnlyProblem(errorsOf(score({ ...model, terms: [{ input: 'customer.segment', weight: 1 }] })), {
        field: 'config.model.terms[0].weight',
        message: expect.stringMatching(/^segment is text: a weight multiplies a number/),
      });
      // The same model from the registry is reported on the reference.
      expectOnlyProblem(errorsOf(score({ type: 'registry', modelId: 'housing-v1' })), {
        code: 'type_mismatch',
        field: 'config.model.modelId',
        message: expect.stringMatching(
          /^registry model "housing-v1": housing is true\/false: a weight multiplies a number/,
        ),
      });
    });

    it('expression models: a field that is not a number in arithmetic, or compared with another type', () => {
      const expression = (text: string) => errorsOf(score({ type: 'expression', expression: text }));
      expect(expression('0.1 + 0.5 * customer.age / 100')).toEqual([]);
      expect(expression('customer.housing == true ? 0.4 : 0.1')).toEqual([]);
      expect(expression('0.1 + 0.3 * customer.housing')).toEqual([
        {
          code: 'type_mismatch',
          severity: 'error',
          nodeId: 'n3',
          field: 'config.model.expression',
          message:
            'housing is true/false: arithmetic needs a number, so this would always be missing; test it instead, e.g. (customer.housing ? 1 : 0) (at character 13)',
        },
      ]);
      expect(
        expression('customer.housing == "yes" ? 0.4 : min(customer.segment, 1)').map((p) => p.message),
      ).toEqual([
        'housing is true/false: compare with true, not "yes" (at character 21)',
        'segment is text: arithmetic needs a number, so this would always be missing; compare it instead, e.g. (customer.segment == "gold" ? 1 : 0) (at character 39)',
      ]);
    });

    it('categories must be values of the field: "true"/"false", numbers, or allowed values', () => {
      const categorical = (input: string, categories: Record<string, number>) =>
        score({ type: 'logistic', intercept: 0, terms: [{ input, categories }] });
      expect(errorsOf(categorical('customer.housing', { true: 0.5, false: 0 }))).toEqual([]);
      expect(errorsOf(categorical('customer.segment', { gold: 0.5, silver: 0.2 }))).toEqual([]);
      expectOnlyProblem(errorsOf(categorical('customer.housing', { yes: 0.5 })), {
        code: 'type_mismatch',
        field: 'config.model.terms[0].categories.yes',
        message: 'housing is true/false: use "true" and "false" as the categories, not "yes"',
      });
      expectOnlyProblem(errorsOf(categorical('customer.age', { young: 0.5 })), {
        code: 'type_mismatch',
        field: 'config.model.terms[0].categories.young',
      });
      expectOnlyProblem(errorsOf(categorical('customer.segment', { platinum: 0.5 })), {
        code: 'unknown_value',
        field: 'config.model.terms[0].categories.platinum',
      });
      expectOnlyProblem(errorsOf(categorical('customer.products', { tv: 0.5 })), {
        code: 'type_mismatch',
        field: 'config.model.terms[0].categories',
      });
    });

    it('scorecard bins: a range needs a number field, listed values must fit the field', () => {
      const scorecard = (input: string, bins: unknown[]) =>
        score({ type: 'scorecard', characteristics: [{ input, bins }] });
      expect(errorsOf(scorecard('customer.age', [{ min: 18, max: 30, points: 5 }]))).toEqual([]);
      expect(errorsOf(scorecard('customer.housing', [{ values: [true], points: 5 }]))).toEqual([]);
      expectOnlyProblem(errorsOf(scorecard('customer.segment', [{ min: 1, points: 5 }])), {
        code: 'type_mismatch',
        field: 'config.model.characteristics[0].bins[0]',
        message: expect.stringMatching(/^segment is text: a range \(min\/max\) needs a number/),
      });
      expectOnlyProblem(errorsOf(scorecard('customer.housing', [{ values: ['yes'], points: 5 }])), {
        code: 'type_mismatch',
        field: 'config.model.characteristics[0].bins[0].values[0]',
        message: 'housing is true/false: use true, not "yes"',
      });
      expectOnlyProblem(
        errorsOf(scorecard('customer.segment', [{ values: ['gold', 'platinum'], points: 5 }])),
        {
          code: 'unknown_value',
          field: 'config.model.characteristics[0].bins[0].values[1]',
        },
      );
    });

    it('every type message says what to use instead', () => {
      const documents = [
        withStep(2, 'filter', {
          condition: {
            all: [
              cmp('customer', 'housing', 'greaterThan', 0),
              cmp('customer', 'age', 'in', '18,21'),
              cmp('customer', 'products', 'equal', 'tv'),
              cmp('customer', 'segment', 'contains', 'g'),
              cmp('customer', 'age', 'someFact:equal', 3),
              {
                fact: 'customer',
                path: '$.age',
                operator: 'equal',
                value: { fact: 'context', path: '$.channel' },
              },
            ],
          },
        }),
        score({ type: 'logistic', intercept: 0, terms: [{ input: 'customer.products', weight: 1 }] }),
        score({ type: 'logistic', intercept: 0, terms: [{ input: 'customer.age', categories: { x: 1 } }] }),
        score({
          type: 'scorecard',
          characteristics: [{ input: 'customer.products', bins: [{ values: ['tv'], points: 1 }] }],
        }),
      ];
      const messages = documents.flatMap((d) => errorsOf(d).map((p) => p.message));
      expect(messages.length).toBeGreaterThanOrEqual(9);
      for (const message of messages) expect(message).toMatch(TELLS_WHAT_TO_DO);
    });
  });

  it('every error and warning message tells the user what to do', () => {
    const docs: unknown[] = [
      { schemaVersion: 2, nodes: [], edges: [] },
      graph(
        [
          ['s', 'actions', { actionIds: ['nope'], groups: ['nope'] }],
          ['s', 'output', {}],
          ['f', 'filter', {}],
          ['x', 'magic', {}],
        ],
        [
          ['s', 'ghost'],
          ['f', 'f'],
          ['s', 'f'],
          ['s', 'f'],
        ],
      ),
      graph(
        [
          ['a', 'actions', {}],
          ['b', 'rank', { by: 'margin' }],
          ['c', 'output', {}],
          ['d', 'output', {}],
          ['e', 'score', { model: { type: 'registry', modelId: 'nope' } }],
        ],
        [
          ['a', 'b'],
          ['b', 'c'],
          ['c', 'a'],
          ['a', 'd'],
        ],
      ),
    ];
    const messages = docs.flatMap((d) => problemsOf(d).map((p) => `${p.code}: ${p.message}`));
    expect(messages.length).toBeGreaterThan(10);
    for (const message of messages) expect(message).toMatch(TELLS_WHAT_TO_DO);
  });

  describe('a document with several problems', () => {
    const doc = graph(
      [
        ['start', 'actions', { actionIds: ['free-phone'] }],
        ['adults', 'filter', { condition: all(cmp('customer', 'income', 'greaterThan', 1000)) }],
        ['magic', 'crystalBall', {}],
        ['arb', 'arbitrate', { valueWeight: 7 }],
        ['top', 'rank', { by: 'margin' }],
        ['stray', 'filter', { condition: all(cmp('customer', 'age', 'greaterThan', 18)) }],
        ['end', 'output', {}],
      ],
      [
        ['start', 'adults'],
        ['adults', 'arb'],
        ['arb', 'top'],
        ['top', 'end'],
        ['magic', 'end'],
      ],
    );

    it('reports all of them, each on its node', () => {
      const problems = problemsOf(doc);
      expect(problems.map((p) => [p.code, p.nodeId]).sort()).toEqual(
        [
          ['unknown_action', 'start'],
          ['unknown_field', 'adults'],
          ['unknown_node_type', 'magic'],
          ['out_of_range', 'arb'],
          ['field_not_set', 'top'],
          ['missing_edge', 'stray'],
          ['extra_edge', 'end'],
        ].sort(),
      );
    });

    it('makes compileStrategy throw a StrategyValidationError that carries every problem', () => {
      let error: unknown;
      try {
        compileStrategy(doc, ENV);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(StrategyValidationError);
      const validation = error as StrategyValidationError;
      expect(validation.problems).toEqual(problemsOf(doc));
      expect(validation.message).toMatch(
        /^The strategy has 6 problems: start: there is no action "free-phone" in the catalog/,
      );
      expect(validation.message).toMatch(/; …$/);
    });

    it('does not block compiling for warnings only', () => {
      expect(() => compileStrategy(withStep(5, 'rank', { by: 'margin' }), ENV)).not.toThrow();
    });
  });
});
