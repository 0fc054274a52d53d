import { useState } from 'react';
import { useServerQuery } from '../api/use-server-query';
import { routeHash } from '../app/router';
import type { SessionUser } from '../auth/session';
import { EmptyState, Select, TableHead, num, ErrorCallout } from '../shared/ui';
import { ListStates } from '../shared/list-states';
import { STATUS_WORDS, formatCount } from './results-model';
import type { SimulationsApi } from './simulations-api';
import { StartSimulationForm } from './StartSimulationForm';
import { StatusPill } from '../shared/StatusPill';
import { formatDate } from '../shared/format-date';

/** `#/simulations`: start a run, and the recent runs, filtered by strategy. */
export function SimulationList({
  user,
  versionId,
  api,
}: {
  user: SessionUser;
  versionId?: string;
  api: SimulationsApi;
}) {
  const [strategyFilter, setStrategyFilter] = useState('');
  // Runs started and datasets uploaded elsewhere (another tab, another analyst) show up when the user comes back.
  const { data: choices, error: choicesError } = useServerQuery(() => api.choices(), [api]);
  const { data: runs, error: runsError } = useServerQuery(
    () => api.list(strategyFilter || undefined),
    [api, strategyFilter],
  );

  return (
    <main className="page-main simulations">
      <h1>Simulations</h1>
      <p className="muted">
        Run a strategy version over a dataset to see what it would recommend, and how that differs from
        another version.
      </p>

      {choicesError && (
        <ErrorCallout>Could not load the strategies and datasets: {choicesError}</ErrorCallout>
      )}
      {!choices && !choicesError && <p className="muted">Loading strategies and datasets…</p>}
      {choices && (
        <StartSimulationForm
          user={user}
          api={api}
          strategies={choices.strategies}
          datasets={choices.datasets}
          versionId={versionId}
        />
      )}

      <section className="sim-section" aria-labelledby="recent-runs">
        <div className="sim-section-head">
          <h2 id="recent-runs">Recent simulations</h2>
          <label className="sim-filter">
            Strategy
            <Select
              label="Show simulations of strategy"
              value={strategyFilter}
              onChange={setStrategyFilter}
              options={[
                { value: '', label: 'All strategies' },
                ...(choices?.strategies ?? []).map((s) => ({ value: s.id, label: s.name })),
              ]}
            />
          </label>
        </div>
        <ListStates
          items={runs}
          failure={runsError && <ErrorCallout>Could not load the simulations: {runsError}</ErrorCallout>}
          loading={<p className="muted">Loading simulations…</p>}
          empty={
            <EmptyState title="No simulations yet">
              {strategyFilter
                ? 'This strategy has not been simulated yet.'
                : 'Start one above: choose a strategy version and a dataset.'}
            </EmptyState>
          }
        >
          {(runs) => (
            <table className="data-table sim-table">
              <TableHead
                columns={[
                  'Strategy',
                  'Version',
                  'Dataset',
                  'Baseline',
                  'Status',
                  num('Rows'),
                  'Created',
                  'By',
                ]}
              />
              <tbody>
                {runs.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <a href={routeHash({ screen: 'simulations', simulationId: s.id })}>
                        {s.strategy?.name ?? 'Deleted strategy'}
                      </a>
                    </td>
                    <td>{s.version ? `v${s.version.number}` : '—'}</td>
                    <td>{s.dataset?.name ?? 'deleted dataset'}</td>
                    <td>{s.baselineVersion ? `v${s.baselineVersion.number}` : 'none'}</td>
                    <td>
                      <StatusPill status={s.status} words={STATUS_WORDS} classPrefix="sim-status" />
                    </td>
                    <td className="num">{formatCount(s.rowsTotal)}</td>
                    <td>{formatDate(s.createdAt)}</td>
                    <td>{s.createdBy ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </ListStates>
      </section>
    </main>
  );
}
