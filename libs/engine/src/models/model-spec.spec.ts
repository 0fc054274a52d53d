import { CATALOG, linearStrategy } from '../test-support/build-strategy';
import { compileStrategy } from '../runtime/compile-strategy';
import { StrategyValidationError } from '../validation/problem';
import { expectOnlyProblem } from '../test-support/engine.test-helpers';
import { modelProblems } from '../test-support/models.test-helpers';
import { registryKey, summarizeModel, type ModelSpec } from './model-spec';

const CHURN: ModelSpec = {
  type: 'logistic',
  intercept: 0,
  terms: [{ input: 'customer.churnRisk', weight: 2 }],
};

describe('registry models', () => {
  it('reports a model id the registry does not have as unknown_model, on the modelId', () => {
    const problems = modelProblems(
      { type: 'registry', modelId: 'churn-v4' },
      { actions: CATALOG, models: { 'churn-v3': CHURN } },
    );
    expectOnlyProblem(problems, {
      code: 'unknown_model',
      nodeId: 'n2',
      field: 'config.model.modelId',
      message: expect.stringContaining('"churn-v4" does not exist in the model registry'),
    });
  });

  it('reports a registry model when no registry is given', () => {
    expect(modelProblems({ type: 'registry', modelId: 'churn-v3' }).map((p) => p.code)).toEqual([
      'unknown_model',
    ]);
  });

  it('accepts a model the registry has', () => {
    expect(
      modelProblems(
        { type: 'registry', modelId: 'churn-v3' },
        { actions: CATALOG, models: { 'churn-v3': CHURN } },
      ),
    ).toEqual([]);
  });

  it('checks the registry model against the schema like an inline one, instead of failing at compile time', () => {
    const broken: ModelSpec = { type: 'logistic', intercept: 0, terms: [{ input: 'churn', weight: 1 }] };
    const env = { actions: CATALOG, models: { broken } };
    const doc = linearStrategy([
      ['actions', {}],
      ['score', { model: { type: 'registry', modelId: 'broken' } }],
      ['output', {}],
    ]);
    expectOnlyProblem(modelProblems({ type: 'registry', modelId: 'broken' }, env), {
      code: 'invalid_config',
      nodeId: 'n2',
      field: 'config.model.modelId',
      message: expect.stringMatching(/^registry model "broken": "churn" is not an input/),
    });
    expect(() => compileStrategy(doc, env)).toThrow(StrategyValidationError);
  });

  it('applies the defaults of a registry model, as for an inline one', () => {
    // baseScore, missingPoints and otherPoints are left to their defaults (0)
    const card = {
      type: 'scorecard',
      characteristics: [{ input: 'customer.age', bins: [{ min: 18, points: 2 }] }],
    } as unknown as ModelSpec;
    const doc = linearStrategy([
      ['actions', { actionIds: ['data-addon'] }],
      ['score', { model: { type: 'registry', modelId: 'card' } }],
      ['output', {}],
    ]);
    const compiled = compileStrategy(doc, { actions: CATALOG, models: { card } });
    expect(
      compiled.decide({ customer: { age: 30 }, context: { now: '2026-03-01T00:00:00Z' } }).recommendations[0]!
        .propensity,
    ).toBe(2);
    expect(
      compiled.decide({ customer: {}, context: { now: '2026-03-01T00:00:00Z' } }).recommendations[0]!
        .propensity,
    ).toBe(0);
  });

  it('reports a registry entry that is not a valid model', () => {
    const env = {
      actions: CATALOG,
      models: { odd: { type: 'logistic', terms: [] } as unknown as ModelSpec },
    };
    expectOnlyProblem(modelProblems({ type: 'registry', modelId: 'odd' }, env), {
      code: 'invalid_config',
      field: 'config.model.modelId',
      message: expect.stringMatching(/^registry model "odd": .* \(at intercept\)$/),
    });
  });

  describe('versions', () => {
    const env = { actions: CATALOG, models: { churn: CHURN, 'churn@2': { ...CHURN, intercept: 1 } } };
    const doc = (model: unknown) =>
      linearStrategy([
        ['actions', { actionIds: ['data-addon'] }],
        ['score', { model }],
        ['output', {}],
      ]);
    const propensity = (model: unknown) =>
      compileStrategy(doc(model), env).decide({
        customer: { churnRisk: 0 },
        context: { now: '2026-03-01T00:00:00Z' },
      }).recommendations[0]!.propensity;

    it('keys a reference by modelId@version, or modelId without a version', () => {
      expect(registryKey({ modelId: 'churn', version: 2 })).toBe('churn@2');
      expect(registryKey({ modelId: 'churn' })).toBe('churn');
    });

    it('runs the version the reference names', () => {
      expect(propensity({ type: 'registry', modelId: 'churn', version: 2 })).toBeCloseTo(
        1 / (1 + Math.exp(-1)),
        12,
      );
      expect(propensity({ type: 'registry', modelId: 'churn' })).toBe(0.5);
    });

    it('reports a version the registry does not have, naming it', () => {
      expectOnlyProblem(modelProblems({ type: 'registry', modelId: 'churn', version: 3 }, env), {
        code: 'unknown_model',
        field: 'config.model.modelId',
        message: 'model "churn" version 3 does not exist in the model registry; choose a registered model',
      });
    });

    it('refuses a version that is not a positive whole number', () => {
      expectOnlyProblem(modelProblems({ type: 'registry', modelId: 'churn', version: 1.5 }, env), {
        code: 'invalid_config',
        field: 'config.model.version',
      });
      expectOnlyProblem(modelProblems({ type: 'registry', modelId: 'churn', version: 0 }, env), {
        code: 'out_of_range',
        field: 'config.model.version',
      });
    });

    it('says the version in the summary', () => {
      expect(summarizeModel({ type: 'registry', modelId: 'churn', version: 2 })).toBe('model churn v2');
      expect(summarizeModel({ type: 'registry', modelId: 'churn' })).toBe('model churn');
    });

    it('checks a versioned registry model like an inline one, naming the version', () => {
      const broken = { type: 'logistic' as const, intercept: 0, terms: [{ input: 'churn', weight: 1 }] };
      expectOnlyProblem(
        modelProblems(
          { type: 'registry', modelId: 'm', version: 4 },
          { actions: CATALOG, models: { 'm@4': broken } },
        ),
        {
          code: 'invalid_config',
          message: expect.stringMatching(/^registry model "m" version 4: "churn" is not an input/),
        },
      );
    });
  });
});
