import type { ModelSpec } from '@arbiter/engine';
import {
  diffEnvironments,
  environmentOf,
  pinEnvironment,
  versionHash,
  withRegistry,
  type PinnedModel,
} from './pinned-environment';
import { registryReferences } from './registry-references';

const spec = (weight: number): ModelSpec => ({
  type: 'logistic',
  intercept: -1,
  terms: [{ input: 'customer.income', weight }],
});
const model = (version: number, auc: number | null, weight = 0.5): PinnedModel => ({
  modelId: 'm1',
  name: 'Coupon acceptance',
  version,
  contentHash: `hash-${version}-${weight}`,
  auc,
  spec: spec(weight),
});
const doc = (ref: Record<string, unknown>) => ({
  schemaVersion: 1,
  nodes: [{ id: 'score', type: 'score', config: { byGroup: { cards: ref } } }],
  edges: [],
});
const live = {
  actions: [],
  schema: {
    customer: [
      { name: 'income', type: 'number' as const },
      { name: 'age', type: 'number' as const },
    ],
  },
};

describe('registry models in a version’s pinned environment', () => {
  it('finds every registry reference once, with its version when one is given', () => {
    const document = {
      nodes: [
        {
          config: {
            model: { type: 'registry', modelId: 'a' },
            byAction: {
              x: { type: 'registry', modelId: 'b', version: 3 },
              y: { type: 'registry', modelId: 'a' },
            },
          },
        },
      ],
    };
    expect(registryReferences(document)).toEqual([{ modelId: 'a' }, { modelId: 'b', version: 3 }]);
  });

  it('copies the referenced model version and pins the customer fields its inputs read', () => {
    const document = doc({ type: 'registry', modelId: 'm1', version: 1 });
    const pinned = pinEnvironment(document, { ...live, ...withRegistry({ 'm1@1': model(1, 0.79) }) });
    expect(pinned.models?.['m1@1']?.version).toBe(1);
    // The model reads customer.income, the document itself nothing: the field is pinned all the same.
    expect(pinned.schema.customer?.map((f) => f.name)).toEqual(['income']);
    expect(environmentOf(pinned).models).toEqual({ 'm1@1': spec(0.5) });
  });

  it('changes the content hash when the model version changes, and keeps it for documents without models', () => {
    const document = doc({ type: 'registry', modelId: 'm1' });
    const h1 = versionHash(
      document,
      pinEnvironment(document, { ...live, ...withRegistry({ m1: model(1, 0.79) }) }),
    );
    const h2 = versionHash(
      document,
      pinEnvironment(document, { ...live, ...withRegistry({ m1: model(2, 0.81, 0.6) }) }),
    );
    expect(h1).not.toBe(h2);
    const plain = doc({ type: 'logistic', intercept: 0, terms: [] });
    expect(pinEnvironment(plain, live)).not.toHaveProperty('models');
  });

  it('says in the review diff which model version changed and how its AUC moved', () => {
    const before = pinEnvironment(doc({ type: 'registry', modelId: 'm1', version: 3 }), {
      ...live,
      ...withRegistry({ 'm1@3': model(3, 0.79) }),
    });
    const after = pinEnvironment(doc({ type: 'registry', modelId: 'm1', version: 4 }), {
      ...live,
      ...withRegistry({ 'm1@4': model(4, 0.8123, 0.7) }),
    });
    expect(diffEnvironments(before, after)).toContain(
      "model 'Coupon acceptance': version 3 → 4, AUC 0.790 → 0.812",
    );
    const none = pinEnvironment(doc({ type: 'logistic', intercept: 0, terms: [] }), live);
    expect(diffEnvironments(none, after)).toContain("model 'Coupon acceptance' version 4 added (AUC 0.812)");
  });
});
