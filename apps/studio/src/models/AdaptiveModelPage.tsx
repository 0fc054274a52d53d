import { useState } from 'react';
import { useServerQuery } from '../api/use-server-query';
import { deniedReason } from '../app/access';
import { navigate, routeHash } from '../app/router';
import type { SessionUser } from '../auth/session';
import { formatDate } from '../shared/format-date';
import { usePeople } from '../shared/people';
import { Button, ErrorCallout } from '../shared/ui';
import { ControlDialog, DONE_WORDS, type Control } from './AdaptiveControlDialog';
import { formOfConfig, type AdaptiveApi, type AdaptiveForm, type AdaptiveStatus } from './adaptive-model';
import { AdaptiveModelForm } from './AdaptiveModelForm';
import { AdaptiveStatusView } from './AdaptiveStatusView';
import type { ModelsApi, ModelSummary } from './models-api';

const POLL_MS = 2000;

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
  const {
    data: polled,
    error,
    reload,
  } = useServerQuery(() => adaptiveApi.status(model.id, version), [adaptiveApi, model.id, version], {
    poll: POLL_MS,
  });
  // A control's answer is shown until the poll it asked for brings a newer status.
  const [answered, setAnswered] = useState<{ status: AdaptiveStatus; over: AdaptiveStatus | undefined }>();
  const status = answered && answered.over === polled ? answered.status : polled;
  const [control, setControl] = useState<Control>();
  const [reconfigure, setReconfigure] = useState<AdaptiveForm>();
  const [done, setDone] = useState<string>();
  const people = usePeople(status?.snapshots.map((s) => s.createdBy) ?? []);
  const controlDenied = deniedReason('controlAdaptiveModel', user);
  const configureDenied = deniedReason('configureAdaptiveModel', user);

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
        <ErrorCallout>
          {status ? `Could not refresh: ${error}` : `Could not load this model’s status: ${error}`}
        </ErrorCallout>
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
