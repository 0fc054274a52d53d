import { useState, type FormEvent } from 'react';
import { deniedReason } from '../app/access';
import { navigate } from '../app/router';
import type { SessionUser } from '../auth/session';
import { errorMessage } from '../shared/error-message';
import { SelectField } from '../shared/labelled-fields';
import { Button, Toggle, ErrorCallout } from '../shared/ui';
import { versionLabel } from '../strategies/version-status';
import { formatCount } from './results-model';
import type { DatasetChoice, SimulationsApi, StrategyChoice } from './simulations-api';
import {
  chooseDataset,
  chooseStrategy,
  chooseVersion,
  preselect,
  readyDatasets,
  runInput,
  startProblem,
  type StartForm,
} from './start-form';

/** Strategy → version, dataset, baseline and force; starting opens the run page. */
export function StartSimulationForm({
  user,
  api,
  strategies,
  datasets,
  versionId,
}: {
  user: SessionUser;
  api: SimulationsApi;
  strategies: StrategyChoice[];
  datasets: DatasetChoice[];
  versionId?: string;
}) {
  const [form, setForm] = useState<StartForm>(() => preselect(strategies, datasets, versionId));
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string>();
  const denied = deniedReason('runSimulation', user);
  const strategy = strategies.find((s) => s.id === form.strategyId);
  const ready = readyDatasets(datasets);
  const dataset = ready.find((d) => d.id === form.datasetId);
  const problem = startProblem(form);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (denied || problem) return;
    setStarting(true);
    setError(undefined);
    try {
      const simulationId = await api.run(runInput(form));
      navigate({ screen: 'simulations', simulationId });
    } catch (err) {
      setError(errorMessage(err));
      setStarting(false);
    }
  };

  return (
    <form className="sim-start" onSubmit={(e) => void submit(e)} aria-labelledby="start-title">
      <h2 id="start-title">Start a simulation</h2>
      <div className="sim-start-fields">
        <SelectField
          id="sim-strategy"
          label="Strategy"
          value={form.strategyId}
          onChange={(id) =>
            setForm((f) =>
              chooseStrategy(
                f,
                strategies.find((s) => s.id === id),
              ),
            )
          }
          options={strategies.map((s) => ({ value: s.id, label: s.name }))}
        />
        <SelectField
          id="sim-version"
          label="Version"
          value={form.versionId}
          onChange={(id) => setForm((f) => chooseVersion(f, strategy, id))}
          options={(strategy?.versions ?? []).map((v) => ({ value: v.id, label: versionLabel(v) }))}
        />
        <SelectField
          id="sim-dataset"
          label="Dataset"
          hint={ready.length === 0 ? 'No dataset is ready: upload one under Datasets first.' : undefined}
          value={form.datasetId}
          onChange={(id) =>
            setForm((f) =>
              chooseDataset(
                f,
                ready.find((d) => d.id === id),
              ),
            )
          }
          options={ready.map((d) => ({
            value: d.id,
            label: `${d.name} (${formatCount(d.rowCount)} rows)`,
          }))}
        />
        <SelectField
          id="sim-baseline"
          label="Compare with (baseline)"
          hint="Both versions decide the same rows; the results show the differences."
          value={form.baselineVersionId}
          onChange={(baselineVersionId) => setForm((f) => ({ ...f, baselineVersionId }))}
          options={[
            { value: '', label: 'No baseline' },
            ...(strategy?.versions ?? [])
              .filter((v) => v.id !== form.versionId)
              .map((v) => ({ value: v.id, label: versionLabel(v) })),
          ]}
        />
      </div>
      {dataset?.logged ? (
        <Toggle
          checked={form.learning}
          onChange={(learning) => setForm((f) => ({ ...f, learning }))}
          label="Learn from outcomes while replaying"
          hint="(for a strategy with adaptive models: the log is replayed in time order and the models learn from each row where the strategy chose the logged action; the results show the learning curve beside the same replay with the models frozen)"
        />
      ) : (
        <p className="muted small">
          Learning while replaying needs a dataset with logged actions and outcomes.
        </p>
      )}
      {form.learning && (
        <SelectField
          id="sim-order-by"
          label="Order in time by"
          hint="The column that says when each row happened."
          value={form.orderBy}
          onChange={(orderBy) => setForm((f) => ({ ...f, orderBy }))}
          options={[
            { value: '', label: 'Choose a column' },
            ...(dataset?.orderColumns ?? []).map((c) => ({ value: c, label: c })),
          ]}
        />
      )}
      <Toggle
        checked={form.force}
        onChange={(force) => setForm((f) => ({ ...f, force }))}
        label="Run again even if an identical run exists"
        hint="(otherwise the existing run of the same content, dataset and baseline is opened)"
      />
      {error && <ErrorCallout>{error}</ErrorCallout>}
      <div className="sim-start-actions">
        <span title={denied ?? problem}>
          <Button variant="primary" type="submit" disabled={!!denied || !!problem || starting}>
            {starting ? 'Starting…' : 'Start simulation'}
          </Button>
        </span>
        {denied && <span className="muted small">{denied}</span>}
      </div>
    </form>
  );
}
