import { useCallback, useId, useState } from 'react';
import { deniedReason } from '../app/access';
import { navigate, routeHash } from '../app/router';
import type { SessionUser } from '../auth/session';
import { formatDate } from '../shared/format-date';
import { errorMessage } from '../shared/error-message';
import { usePeople } from '../shared/people';
import { Button, Dialog } from '../shared/ui';
import { AucChart, EvidenceChart } from './AdaptiveCharts';
import {
  formatLag,
  formOfConfig,
  GROUP_BY_WORDS,
  servingWords,
  shortHash,
  snapshotWords,
  type AdaptiveApi,
  type AdaptiveForm,
  type AdaptiveStatus,
  type GroupBy,
} from './adaptive-model';
import { AdaptiveModelForm } from './AdaptiveModelForm';
import type { ModelsApi, ModelSummary } from './models-api';
import { formatCount, formatMetric, formatPercent } from './report-model';
import { usePolled } from './use-polled';

const POLL_MS = 2000;
/** Snapshots listed before "Show all": the learner takes one every few seconds while outcomes flow. */
const SNAPSHOTS_SHOWN = 10;
const always = () => true;

type Control =
  | { kind: 'freeze' }
  | { kind: 'unfreeze' }
  | { kind: 'reset' }
  | { kind: 'rollback'; snapshotId: string; name: string };

/**
 * `#/models/<id>` for an adaptive model: what it has learned and how well (polled while open),
 * its guard alert, per-group figures, predictors, snapshots and staff overrides; publishers freeze,
 * reset or roll it back, analysts reconfigure it as a new version.
 */
export function AdaptiveModelPage({
  api,
  adaptiveApi,
  user,
  model,
  versionId,
}: {
  api: ModelsApi;
  adaptiveApi: AdaptiveApi;
  user: SessionUser;
  model: ModelSummary;
  versionId?: string;
}) {
  const shown = model.versions.find((v) => v.id === versionId) ?? model.versions[0];
  const version = shown?.version ?? 1;
  const load = useCallback(() => adaptiveApi.status(model.id, version), [adaptiveApi, model.id, version]);
  const { value: polled, error, reload } = usePolled(load, always, POLL_MS);
  // A control's answer is shown until the poll it asked for brings a newer status.
  const [answered, setAnswered] = useState<{ status: AdaptiveStatus; over: AdaptiveStatus | undefined }>();
  const status = answered && answered.over === polled ? answered.status : polled;
  const [control, setControl] = useState<Control>();
  const [reconfigure, setReconfigure] = useState<AdaptiveForm>();
  const [done, setDone] = useState<string>();
  const people = usePeople(status?.snapshots.map((s) => s.createdBy) ?? []);
  const controlDenied = deniedReason('controlAdaptiveModel', user.roles);
  const configureDenied = deniedReason('configureAdaptiveModel', user.roles);

  return (
    <main className="page-main models-screen adaptive-page">
      <a className="back-link" href={routeHash({ screen: 'models' })}>
        ← Models
      </a>
      <div className="page-head">
        <h1>
          {model.name} <span className="status-pill adaptive-pill">Adaptive</span>
        </h1>
        {!reconfigure && (
          <Button
            disabled={!!configureDenied || !status}
            title={configureDenied}
            onClick={() =>
              status && setReconfigure(formOfConfig(model.name, model.description, status.config))
            }
          >
            Reconfigure…
          </Button>
        )}
      </div>
      <p className="muted">
        Learns from outcomes {model.description ? `· ${model.description} ` : ''}· created{' '}
        {formatDate(model.createdAt)}
      </p>
      {model.versions.length > 1 && (
        <nav className="adaptive-versions" aria-label="Configuration versions">
          Configuration:{' '}
          {model.versions.map((v) => (
            <a
              key={v.id}
              href={routeHash({ screen: 'models', modelId: model.id, versionId: v.id })}
              aria-current={v.id === shown?.id ? 'true' : undefined}
            >
              v{v.version}
            </a>
          ))}
        </nav>
      )}
      {reconfigure && (
        <AdaptiveModelForm
          api={adaptiveApi}
          models={api}
          initial={reconfigure}
          modelId={model.id}
          onClose={() => setReconfigure(undefined)}
          onSaved={(saved) => {
            setReconfigure(undefined);
            navigate({ screen: 'models', modelId: saved.id, versionId: saved.versions[0]?.id });
          }}
        />
      )}
      {!status && !error && (
        <p className="muted" role="status">
          Loading what the model has learned…
        </p>
      )}
      {error && (
        <p className="callout callout-error" role="alert">
          {status ? `Could not refresh: ${error}` : `Could not load this model’s status: ${error}`}
        </p>
      )}
      {done && (
        <p className="callout callout-ok" role="status">
          {done}
        </p>
      )}
      {status && (
        <AdaptiveStatusView
          status={status}
          people={people}
          controlDenied={controlDenied}
          onControl={(c) => {
            setDone(undefined);
            setControl(c);
          }}
        />
      )}
      {control && status && (
        <ControlDialog
          control={control}
          modelName={model.name}
          onClose={() => setControl(undefined)}
          onConfirm={async (reason) => {
            const next =
              control.kind === 'freeze' || control.kind === 'unfreeze'
                ? await adaptiveApi.freeze(model.id, version, control.kind === 'freeze', reason)
                : control.kind === 'reset'
                  ? await adaptiveApi.reset(model.id, version, reason)
                  : await adaptiveApi.rollBack(model.id, version, control.snapshotId, reason);
            setAnswered({ status: next, over: polled });
            setControl(undefined);
            setDone(DONE_WORDS[control.kind](control));
            reload();
          }}
        />
      )}
    </main>
  );
}

// Freezing needs no word of its own: the frozen banner says it.
const DONE_WORDS: Record<Control['kind'], (c: Control) => string | undefined> = {
  freeze: () => undefined,
  unfreeze: () => 'Learning again, first from the outcomes recorded while it was frozen.',
  reset: () => 'Reset: the model starts again from its prior; earlier snapshots stay listed.',
  rollback: (c) =>
    `Rolled back: decisions use what snapshot ${c.kind === 'rollback' ? c.name : ''} had learned, and learning goes on from there.`,
};

function AdaptiveStatusView({
  status,
  people,
  controlDenied,
  onControl,
}: {
  status: AdaptiveStatus;
  people: Record<string, string>;
  controlDenied: string | undefined;
  onControl(control: Control): void;
}) {
  const c = status.config;
  const [allSnapshots, setAllSnapshots] = useState(false);
  const snapshots = allSnapshots ? status.snapshots : status.snapshots.slice(0, SNAPSHOTS_SHOWN);
  return (
    <>
      {status.alert && (
        <div className="callout callout-error adaptive-alert" role="alert">
          <strong>Guard alert ({status.alert.kind === 'auc' ? 'AUC' : 'calibration'}):</strong>{' '}
          {status.alert.message} <span className="small">Since {formatDate(status.alert.since)}.</span>
        </div>
      )}
      {status.frozen && (
        <p className="callout callout-warning" role="status">
          Learning is frozen: decisions keep using the snapshot served when it was frozen. Outcomes are
          recorded, and learned from once someone unfreezes it.
        </p>
      )}

      <section className="mdl-section adaptive-headline" aria-label="Figures">
        <dl className="adaptive-figures">
          <Figure label="State" value={servingWords(status)} wide />
          <Figure label="Evidence" value={formatCount(status.evidence)} />
          <Figure label="Positives" value={formatCount(status.positives)} />
          <Figure label="Success rate" value={formatPercent(status.successRate)} />
          <Figure label="Rolling AUC" value={formatMetric(status.rollingAuc)} />
          <Figure label="Calibration error" value={formatMetric(status.calibrationError)} />
          <Figure
            label="Maturity"
            value={`${status.mature ? 'Mature' : 'Learning'} (${formatCount(Math.min(status.evidence, c.maturity))} of ${formatCount(c.maturity)})`}
          />
          <Figure
            label="Last update"
            value={status.lastUpdatedAt ? formatDate(status.lastUpdatedAt) : 'not yet'}
          />
          <Figure label="Learner lag" value={formatLag(status.learnerLagSeconds)} />
        </dl>
        <div className="adaptive-controls" role="group" aria-label="Controls">
          <Button
            disabled={!!controlDenied}
            title={controlDenied}
            onClick={() => onControl({ kind: status.frozen ? 'unfreeze' : 'freeze' })}
          >
            {status.frozen ? 'Unfreeze…' : 'Freeze…'}
          </Button>
          <Button
            variant="danger"
            disabled={!!controlDenied}
            title={controlDenied}
            onClick={() => onControl({ kind: 'reset' })}
          >
            Reset…
          </Button>
        </div>
      </section>

      {status.evidence === 0 && (
        <p className="muted">
          {status.history.some((h) => h.evidence > 0)
            ? 'Nothing learned since the reset'
            : 'Nothing learned yet'}
          : the model learns from outcomes posted for decisions of a published strategy that scores with it.
        </p>
      )}
      {status.history.some((h) => h.evidence > 0) && (
        <div className="mdl-chart-grid">
          <EvidenceChart history={status.history} />
          <AucChart history={status.history} floor={c.aucFloor} />
        </div>
      )}

      <div className="adaptive-columns">
        <section className="mdl-section" aria-labelledby="adaptive-groups">
          <h2 id="adaptive-groups">Per {c.groupBy === 'channel' ? 'channel' : 'action'}</h2>
          {status.groups.length === 0 ? (
            <p className="muted small">No outcomes yet.</p>
          ) : (
            <table className="data-table mdl-table" aria-labelledby="adaptive-groups">
              <thead>
                <tr>
                  <th scope="col">
                    {c.groupBy === 'channel' ? 'Channel' : c.groupBy === 'none' ? 'Model' : 'Action'}
                  </th>
                  <th scope="col" className="num">
                    Evidence
                  </th>
                  <th scope="col" className="num">
                    Positives
                  </th>
                  <th scope="col" className="num">
                    Success rate
                  </th>
                  <th scope="col">Mature</th>
                </tr>
              </thead>
              <tbody>
                {status.groups.map((g) => (
                  <tr key={g.key}>
                    <th scope="row">{g.key}</th>
                    <td className="num">{formatCount(g.evidence)}</td>
                    <td className="num">{formatCount(g.positives)}</td>
                    <td className="num">{formatPercent(g.successRate)}</td>
                    <td>{g.mature ? 'yes' : 'not yet'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section className="mdl-section" aria-labelledby="adaptive-overrides">
          <h2 id="adaptive-overrides">Staff overrides</h2>
          {status.overrides.length === 0 ? (
            <p className="muted small">No recommendation of this model has been overridden.</p>
          ) : (
            <table className="data-table mdl-table" aria-labelledby="adaptive-overrides">
              <thead>
                <tr>
                  <th scope="col">Action</th>
                  <th scope="col" className="num">
                    Shown
                  </th>
                  <th scope="col" className="num">
                    Overridden
                  </th>
                  <th scope="col" className="num">
                    Rate
                  </th>
                </tr>
              </thead>
              <tbody>
                {status.overrides.map((o) => (
                  <tr key={o.actionId}>
                    <th scope="row">{o.actionName}</th>
                    <td className="num">{formatCount(o.shown)}</td>
                    <td className="num">{formatCount(o.overridden)}</td>
                    <td className="num">{formatPercent(o.rate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>

      <section className="mdl-section" aria-labelledby="adaptive-predictors">
        <h2 id="adaptive-predictors">Predictors</h2>
        <table className="data-table mdl-table" aria-labelledby="adaptive-predictors">
          <thead>
            <tr>
              <th scope="col">Predictor</th>
              <th scope="col" className="num">
                Importance
              </th>
              <th scope="col">Bins: weight ± sd (log-odds)</th>
            </tr>
          </thead>
          <tbody>
            {status.predictors.map((p) => (
              <tr key={p.name}>
                <th scope="row">
                  {p.name}
                  {p.name !== p.input && <code className="muted small"> {p.input}</code>}
                </th>
                <td className="num">{formatMetric(p.importance)}</td>
                <td>
                  <ul className="adaptive-bins">
                    {p.bins.map((b) => (
                      <li key={b.label}>
                        <span>{b.label}</span>{' '}
                        <span className={b.weight >= 0 ? 'adaptive-up' : 'adaptive-down'}>
                          {signed(b.weight)} ± {b.sd.toFixed(2)}
                        </span>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="mdl-section" aria-labelledby="adaptive-config">
        <h2 id="adaptive-config">Configuration</h2>
        <dl className="mdl-facts">
          <dt>Positive outcomes</dt>
          <dd>{c.positiveOutcomes.join(', ')}</dd>
          <dt>Negative outcomes</dt>
          <dd>{c.negativeOutcomes.join(', ') || '—'}</dd>
          <dt>Prior</dt>
          <dd>
            {c.priorModelId ? (
              <a href={routeHash({ screen: 'models', modelId: c.priorModelId })}>
                trained model v{c.priorVersion}
              </a>
            ) : (
              'none'
            )}
          </dd>
          <dt>Exploration share</dt>
          <dd>{formatPercent(c.explorationShare, 0)} of decisions</dd>
          <dt>Grouping</dt>
          <dd>{GROUP_BY_WORDS[c.groupBy as GroupBy] ?? c.groupBy}</dd>
          <dt>Guard</dt>
          <dd>
            {c.aucFloor === null && c.calibrationFloor === null
              ? 'no floors'
              : [
                  c.aucFloor !== null ? `AUC at least ${c.aucFloor}` : '',
                  c.calibrationFloor !== null ? `calibration error at most ${c.calibrationFloor}` : '',
                ]
                  .filter(Boolean)
                  .join(', ')}
          </dd>
        </dl>
      </section>

      <section className="mdl-section" aria-labelledby="adaptive-snapshots">
        <h2 id="adaptive-snapshots">Snapshots</h2>
        {status.snapshots.length === 0 ? (
          <p className="muted small">No snapshot yet.</p>
        ) : (
          <table className="data-table mdl-table" aria-labelledby="adaptive-snapshots">
            <thead>
              <tr>
                <th scope="col">Snapshot</th>
                <th scope="col" className="num">
                  Evidence
                </th>
                <th scope="col" className="num">
                  Positives
                </th>
                <th scope="col">Hash</th>
                <th scope="col">What</th>
                <th scope="col">By</th>
                <th scope="col">
                  <span className="sr-only">Roll back</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {snapshots.map((s) => (
                <tr key={s.id} className={s.id === status.servingSnapshotId ? 'mdl-row-current' : ''}>
                  <th scope="row">
                    {formatDate(s.createdAt)}
                    {s.id === status.servingSnapshotId && <span className="muted small"> serving</span>}
                  </th>
                  <td className="num">{formatCount(s.evidence)}</td>
                  <td className="num">{formatCount(s.positives)}</td>
                  <td>
                    <code title={s.hash}>{shortHash(s.hash)}</code>
                  </td>
                  <td>{snapshotWords(s)}</td>
                  <td>{s.createdBy ? (people[s.createdBy] ?? '—') : 'learner'}</td>
                  <td>
                    {s.id !== status.servingSnapshotId && (
                      <Button
                        variant="ghost"
                        disabled={!!controlDenied}
                        title={controlDenied}
                        aria-label={`Roll back to snapshot ${shortHash(s.hash)}`}
                        onClick={() =>
                          onControl({ kind: 'rollback', snapshotId: s.id, name: shortHash(s.hash) })
                        }
                      >
                        Roll back…
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {status.snapshots.length > SNAPSHOTS_SHOWN && (
          <Button variant="ghost" onClick={() => setAllSnapshots((all) => !all)}>
            {allSnapshots
              ? `Show the newest ${SNAPSHOTS_SHOWN}`
              : `Show all ${status.snapshots.length} snapshots`}
          </Button>
        )}
      </section>
    </>
  );
}

const signed = (n: number) => `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(2)}`;

function Figure({ label, value, wide }: { label: string; value: string; wide?: boolean }) {
  return (
    <div className={`adaptive-figure ${wide ? 'adaptive-figure-wide' : ''}`}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

const CONTROL_WORDS: Record<Control['kind'], { title: string; body: string; confirm: string }> = {
  freeze: {
    title: 'Freeze learning',
    body: 'Decisions keep using the snapshot served now. Outcomes are recorded, and learned from once it is unfrozen.',
    confirm: 'Freeze',
  },
  unfreeze: {
    title: 'Unfreeze learning',
    body: 'The model learns again, first from the outcomes recorded while it was frozen.',
    confirm: 'Unfreeze',
  },
  reset: {
    title: 'Reset the model',
    body: 'The model starts again from its prior (or from nothing) and learns on from new outcomes. Earlier snapshots stay listed and can be rolled back to.',
    confirm: 'Reset',
  },
  rollback: {
    title: 'Roll back',
    body: 'Decisions use what the chosen snapshot had learned, and learning goes on from there (a new snapshot).',
    confirm: 'Roll back',
  },
};

/** Asks for the reason (it goes to the audit log) and confirms; a refusal stays in the dialog. */
function ControlDialog({
  control,
  modelName,
  onClose,
  onConfirm,
}: {
  control: Control;
  modelName: string;
  onClose(): void;
  onConfirm(reason: string): Promise<void>;
}) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const words = CONTROL_WORDS[control.kind];
  const confirm = async () => {
    if (!reason.trim()) return setError('Give a reason: it is recorded in the audit log.');
    setBusy(true);
    setError(undefined);
    try {
      await onConfirm(reason.trim());
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={`${words.title}${control.kind === 'rollback' ? ` to snapshot ${control.name}` : ''}: ${modelName}`}
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant={control.kind === 'reset' ? 'danger' : 'primary'}
            disabled={busy}
            onClick={() => void confirm()}
          >
            {busy ? 'Working…' : words.confirm}
          </Button>
        </>
      }
    >
      <p>{words.body}</p>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-reason`}>
          Reason (recorded in the audit log)
        </label>
        <textarea
          id={`${id}-reason`}
          rows={3}
          value={reason}
          aria-invalid={error && !reason.trim() ? true : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      {error && (
        <p className="callout callout-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
