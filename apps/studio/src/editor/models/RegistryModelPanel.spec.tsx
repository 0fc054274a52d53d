/** @jest-environment jsdom */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { validateStrategy, type ModelSpec, type StrategyDocument } from '@arbiter/engine';
import { EXAMPLES } from '@arbiter/engine/examples';
import { memoryApi, model, versionSummary } from '../../models/test-fixtures';
import { setNodeConfig } from '../document-edits';
import { EditorContext, type EditorContextValue, type EditorEnvironment } from '../editor-context';
import { NODE_KINDS } from '../nodes/registry';
import { ProblemLookup } from '../problems';
import { adaptiveModel, adaptiveStatus, memoryAdaptiveApi } from '../../models/adaptive-fixtures';
import {
  AdaptiveStatusContext,
  latestRegistryReference,
  RegistryApiContext,
  type RegistryApi,
} from './registry-reference';
import { formatDay } from '../../shared/format-date';

const example = EXAMPLES[0]!;
const NODE = 'net-value';

/** A one-tree model on tenure, as the trainer registers it. */
const tree = (leaf: number): ModelSpec => ({
  type: 'treeEnsemble',
  baseScore: 0,
  trees: [
    {
      nodes: [
        { input: 'customer.tenureMonths', threshold: 12, missingLeft: true, left: 1, right: 2 },
        { leaf: -leaf },
        { leaf },
      ],
    },
  ],
});

/** The editor environment's registry as loadRegistrySpecs builds it: latest first, then every version. */
const registry: Record<string, ModelSpec> = {
  m1: tree(0.5),
  'm1@2': tree(0.5),
  'm1@1': tree(0.2),
  m2: tree(0.9),
  'm2@1': tree(0.9),
};

const models = [
  model(),
  model({
    id: 'm2',
    name: 'Dinner coupons',
    versions: [
      versionSummary({ id: 'mv-9', modelId: 'm2', version: 1, algorithm: 'NAIVE_BAYES', auc: 0.7011 }),
    ],
  }),
];

function Harness({
  api,
  env,
  onDoc,
  adaptive = memoryAdaptiveApi().api,
}: {
  api: RegistryApi;
  env: EditorEnvironment;
  onDoc(doc: StrategyDocument): void;
  adaptive?: Parameters<typeof AdaptiveStatusContext.Provider>[0]['value'];
}) {
  const [doc, setDoc] = useState(example.document);
  const context: EditorContextValue = { doc, env, labels: { schema: example.schema } };
  const node = doc.nodes.find((n) => n.id === NODE)!;
  const Settings = NODE_KINDS.score.Settings;
  return (
    <RegistryApiContext.Provider value={api}>
      <AdaptiveStatusContext.Provider value={adaptive}>
        <EditorContext.Provider value={context}>
          <Settings
            node={node}
            onChange={(config) =>
              setDoc((d) => {
                const next = setNodeConfig(d, NODE, config);
                onDoc(next);
                return next;
              })
            }
            problems={ProblemLookup.none}
            context={context}
          />
        </EditorContext.Provider>
      </AdaptiveStatusContext.Provider>
    </RegistryApiContext.Provider>
  );
}

const env: EditorEnvironment = { actions: example.actions, schema: example.schema, models: registry };
const scoreModel = (doc: StrategyDocument | undefined) =>
  (doc?.nodes.find((n) => n.id === NODE)?.config as { model?: unknown } | undefined)?.model;

describe('the score step with a trained model from the registry', () => {
  it('writes the most recently trained model at its latest version, pinned, and the engine resolves it', async () => {
    let doc: StrategyDocument | undefined;
    const { api } = memoryApi(models);
    render(<Harness api={api} env={env} onDoc={(d) => (doc = d)} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Model type' }), { target: { value: 'registry' } });
    expect(scoreModel(doc)).toEqual({ type: 'registry', modelId: 'm1', version: 2 });
    const problems = validateStrategy(doc, env).problems.filter((p) => p.nodeId === NODE);
    expect(problems).toEqual([]);

    // The registered models with algorithm and AUC; the chosen version's card.
    const list = await screen.findByRole('radiogroup', { name: 'Registry model' });
    expect(within(list).getByText('Gradient-boosted trees · AUC 0.812')).toBeTruthy();
    expect(within(list).getByText('Naive Bayes · AUC 0.701')).toBeTruthy();
    const card = await screen.findByRole('region', { name: 'Coupon acceptance v2' });
    expect(within(card).getByText('Y is "1"')).toBeTruthy();
    expect(within(card).getByText('Coupons 2026, 10,000 rows')).toBeTruthy();
    expect(within(card).getByText('0.812 (95% CI 0.79–0.83)')).toBeTruthy();
    expect(within(card).getByText('0.487 · 0.161')).toBeTruthy();
    expect(within(card).getByText(formatDay('2026-03-03T14:05:00.000Z'), { exact: false })).toBeTruthy();
    expect(within(card).getByText(/1 warning in its report/)).toBeTruthy();
    expect(within(card).getByRole('link', { name: 'Open the report' }).getAttribute('href')).toBe(
      '#/models/m1?version=mv-2',
    );
  });

  it('pins another version, or another model at its latest version', async () => {
    let doc: StrategyDocument | undefined;
    const { api } = memoryApi(models);
    render(<Harness api={api} env={env} onDoc={(d) => (doc = d)} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Model type' }), { target: { value: 'registry' } });
    const version = await screen.findByRole('combobox', { name: 'Model version' });
    expect(within(version).getByRole('option', { name: /^v2 \(latest\) · AUC 0\.812/ })).toBeTruthy();
    fireEvent.change(version, { target: { value: '1' } });
    expect(scoreModel(doc)).toEqual({ type: 'registry', modelId: 'm1', version: 1 });
    expect(await screen.findByRole('region', { name: 'Coupon acceptance v1' })).toBeTruthy();

    fireEvent.click(screen.getByRole('radio', { name: /Dinner coupons/ }));
    expect(scoreModel(doc)).toEqual({ type: 'registry', modelId: 'm2', version: 1 });
    expect(validateStrategy(doc, env).problems.filter((p) => p.nodeId === NODE)).toEqual([]);
    expect(await screen.findByRole('region', { name: /^Dinner coupons v/ })).toBeTruthy();
  });

  it('keeps the model and says where trained models come from when there is none, or no server', () => {
    let doc: StrategyDocument | undefined;
    const { api } = memoryApi([]);
    const { unmount } = render(<Harness api={api} env={{ ...env, models: {} }} onDoc={(d) => (doc = d)} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Model type' }), { target: { value: 'registry' } });
    expect(screen.getByText(/No trained model yet/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Models' }).getAttribute('href')).toBe('#/models');
    expect(doc).toBeUndefined();
    expect((screen.getByRole('combobox', { name: 'Model type' }) as HTMLSelectElement).value).toBe(
      'expression',
    );
    unmount();

    render(<Harness api={api} env={{ actions: env.actions, schema: env.schema }} onDoc={(d) => (doc = d)} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Model type' }), { target: { value: 'registry' } });
    expect(screen.getByText(/Trained models live on the Arbiter server/)).toBeTruthy();
    expect(doc).toBeUndefined();
  });

  it('flags a version trained after the editor opened', async () => {
    const { api } = memoryApi([
      model({ versions: [versionSummary({ id: 'mv-3', version: 3 }), ...model().versions] }),
    ]);
    render(<Harness api={api} env={env} onDoc={() => undefined} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Model type' }), { target: { value: 'registry' } });
    fireEvent.change(await screen.findByRole('combobox', { name: 'Model version' }), {
      target: { value: '3' },
    });
    expect(await screen.findByText(/trained after the editor opened/)).toBeTruthy();
  });
});

describe('the default registry reference', () => {
  it('is the first model at its highest version, or an empty reference without models', () => {
    expect(latestRegistryReference(registry)).toEqual({ type: 'registry', modelId: 'm1', version: 2 });
    expect(latestRegistryReference(undefined)).toEqual({ type: 'registry', modelId: '' });
  });
});

describe('the score step with an adaptive model from the registry', () => {
  it('pins its configuration version and says it learns from outcomes, how much it explores and its maturity', async () => {
    let doc: StrategyDocument | undefined;
    const { api } = memoryApi([adaptiveModel(), ...models]);
    const adaptive = memoryAdaptiveApi(adaptiveStatus({ evidence: 120, mature: false }));
    render(
      <Harness
        api={api}
        adaptive={adaptive.api}
        env={{ ...env, models: { ...registry, am1: tree(0.1), 'am1@1': tree(0.1) } }}
        onDoc={(d) => (doc = d)}
      />,
    );
    fireEvent.change(screen.getByRole('combobox', { name: 'Model type' }), { target: { value: 'registry' } });
    const list = await screen.findByRole('radiogroup', { name: 'Registry model' });
    expect(within(list).getByText('Adaptive · learns from outcomes')).toBeTruthy();
    fireEvent.click(within(list).getByRole('radio', { name: /Card offers \(adaptive\)/ }));
    expect(scoreModel(doc)).toEqual({ type: 'registry', modelId: 'am1', version: 1 });

    const version = await screen.findByRole('combobox', { name: 'Model version' });
    expect(within(version).getByRole('option', { name: /^v1 \(latest\) · configuration/ })).toBeTruthy();
    const card = await screen.findByRole('region', { name: 'Card offers (adaptive) v1' });
    expect(within(card).getByText(/Learns from outcomes \(accepted count as success\)/)).toBeTruthy();
    expect(within(card).getByText('10% of decisions draw from its uncertainty')).toBeTruthy();
    expect(within(card).getByText('still learning: 120 of 200 outcomes')).toBeTruthy();
    expect(within(card).getByText('customer.age, customer.segment')).toBeTruthy();
    expect(within(card).getByRole('link', { name: 'Open the model' }).getAttribute('href')).toBe(
      '#/models/am1?version=amv-1',
    );
  });
});
