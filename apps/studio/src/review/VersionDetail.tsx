import { useState } from 'react';
import { useServerQuery } from '../api/use-server-query';
import { routeHash } from '../app/router';
import { Button } from '../shared/ui';
import { StatusPill } from '../shared/StatusPill';
import { VERSION_STATUS_WORDS } from '../strategies/version-status';
import { errorMessage } from '../shared/error-message';
import { usePeople } from '../shared/people';
import { type ReviewApi, type ReviewData, type ReviewVersionData } from './review-api';
import {
  awaitsEvidence,
  fairnessFindings,
  hasCompletedEvidence,
  shortHash,
  simulationProgressWords,
  versionActions,
  type VersionAction,
  type VersionActionKind,
} from './review-rules';
import { FairnessCheckView } from './FairnessCheckView';
import { personName, when } from './review-words';
import { DecisionDialog, type ConfirmKind } from './DecisionDialog';
import { CommentsPanel, type StepChoice } from './CommentsPanel';

const DONE: Record<VersionActionKind, string> = {
  submit: 'Submitted for review.',
  approve: 'Approved.',
  reject: 'Rejected: it is a draft again, with your reason as a comment.',
  publish: 'Published: this version now answers decisions.',
  rollback: 'Rolled back: this version answers decisions again.',
  clone: 'A new draft was created.',
};

export function VersionDetail({
  api,
  version,
  me,
  strategyId,
  publishedNumber,
  onDone,
  onError,
  onCloned,
}: {
  api: ReviewApi;
  version: ReviewVersionData;
  me: ReviewData['me'];
  strategyId: string;
  publishedNumber?: number;
  onDone(text: string): void;
  onError(text: string): void;
  onCloned(): void;
}) {
  const [dialog, setDialog] = useState<ConfirmKind>();
  const [busy, setBusy] = useState(false);
  const actions = versionActions(version, me, publishedNumber).filter((a) => a.visible);
  const people = usePeople([
    version.createdBy,
    version.submittedBy,
    version.approvedBy,
    version.publishedBy,
    ...version.editors,
  ]);
  // A version's document does not change. Without it only the suggestions for "About step" are
  // missing; a step id can still be typed.
  const steps = useServerQuery(
    async () =>
      (await api.document(version.id)).nodes.map((n): StepChoice => ({
        id: n.id,
        label: n.label ?? undefined,
      })),
    [api, version.id],
    { onReturn: false },
  ).data;

  const run = async (kind: VersionActionKind, comment?: string, justification?: string) => {
    setBusy(true);
    try {
      if (kind === 'submit') await api.submit(version.id, version.revision);
      if (kind === 'approve') await api.approve(version.id, comment, justification);
      if (kind === 'reject') await api.reject(version.id, comment ?? '');
      if (kind === 'publish') await api.publish(version.id);
      if (kind === 'rollback') await api.rollback(strategyId, version.id, comment ?? '');
      if (kind === 'clone') {
        await api.clone(version.id);
        onCloned();
        return;
      }
      setDialog(undefined);
      onDone(DONE[kind]);
    } catch (err) {
      setDialog(undefined);
      onError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const click = (a: VersionAction) => {
    if (a.kind === 'submit' || a.kind === 'clone') void run(a.kind);
    else setDialog(a.kind);
  };

  const completed = version.evidence.filter((s) => s.status === 'COMPLETED');
  const progress = simulationProgressWords(version.evidence);
  return (
    <div className="version-detail">
      <h2>
        Version {version.number}{' '}
        <StatusPill status={version.status} words={VERSION_STATUS_WORDS} classPrefix="status" />
      </h2>
      <dl className="version-facts">
        <dt>Author</dt>
        <dd>{personName(version.createdBy, me, people)}</dd>
        {version.editors.length > 0 && (
          <>
            <dt>Edited by</dt>
            <dd>{version.editors.map((e) => personName(e, me, people)).join(', ')}</dd>
          </>
        )}
        <dt>Created</dt>
        <dd>{when(version.createdAt)}</dd>
        <Milestone
          term="Submitted"
          at={version.submittedAt}
          by={personName(version.submittedBy, me, people)}
        />
        <Milestone term="Approved" at={version.approvedAt} by={personName(version.approvedBy, me, people)} />
        <Milestone
          term="Published"
          at={version.publishedAt}
          by={personName(version.publishedBy, me, people)}
        />
        <Milestone term="Retired" at={version.retiredAt} />
        <dt>Content</dt>
        <dd className="mono" title={version.contentHash}>
          #{shortHash(version.contentHash)}
        </dd>
        <dt>Evidence</dt>
        <dd>
          {hasCompletedEvidence(version)
            ? `${completed.length} completed simulation${completed.length === 1 ? '' : 's'} of exactly this content`
            : version.evidence.length
              ? `${version.evidence.length} simulation${version.evidence.length === 1 ? '' : 's'}, none completed yet`
              : 'no simulation of this content yet'}
          {progress && (
            <>
              {' · '}
              <span aria-live="polite">{progress}</span>
            </>
          )}
          {me.roles.includes('analyst') && (
            <>
              {' · '}
              <a href={routeHash({ screen: 'simulations', versionId: version.id })}>Simulate this version</a>
            </>
          )}
        </dd>
      </dl>
      <EvidenceList version={version} />
      {awaitsEvidence(version) && (
        <p className="muted small">
          This page checks for new simulations every few seconds: Approve becomes available as soon as one of
          exactly this content completes.
        </p>
      )}
      <div className="version-actions" role="group" aria-label="Version actions">
        {actions.length === 0 && (
          <span className="muted small">Your roles allow no action on this version.</span>
        )}
        {actions.map((a) => (
          // A disabled button gets no hover events; the wrapper carries the reason.
          <span key={a.kind} title={a.disabledReason} className="action-wrap">
            <Button
              variant={
                a.kind === 'approve' || a.kind === 'publish'
                  ? 'primary'
                  : a.kind === 'reject'
                    ? 'danger'
                    : 'secondary'
              }
              disabled={busy || !!a.disabledReason}
              aria-description={a.disabledReason}
              onClick={() => click(a)}
            >
              {a.label}
            </Button>
          </span>
        ))}
      </div>
      {actions.some((a) => a.disabledReason) && (
        <ul className="action-reasons small muted" aria-label="Why some actions are not available">
          {actions
            .filter((a) => a.disabledReason)
            .map((a) => (
              <li key={a.kind}>
                {a.label.replace('…', '')}: {a.disabledReason}
              </li>
            ))}
        </ul>
      )}
      {dialog && (
        <DecisionDialog
          kind={dialog}
          versionNumber={version.number}
          publishedNumber={publishedNumber}
          busy={busy}
          fairness={dialog === 'approve' ? fairnessFindings(version.evidence) : []}
          onCancel={() => setDialog(undefined)}
          onConfirm={(comment, justification) => void run(dialog, comment, justification)}
        />
      )}
      {/* Keyed by status: a reject or approve adds a comment, so the list loads again after it. */}
      <CommentsPanel key={version.status} api={api} versionId={version.id} me={me} steps={steps} />
    </div>
  );
}

/** The simulations of exactly this content: links to their results, and each completed one's fairness check. */
function EvidenceList({ version }: { version: ReviewVersionData }) {
  const completed = version.evidence.filter((s) => s.status === 'COMPLETED');
  if (completed.length === 0) return null;
  return (
    <section className="review-evidence" aria-label="Simulation evidence">
      <h3>Simulation evidence</h3>
      <ul className="evidence-list">
        {completed.map((s) => (
          <li key={s.id}>
            <a href={routeHash({ screen: 'simulations', simulationId: s.id })}>
              Results of the simulation on {s.dataset ? `“${s.dataset.name}”` : 'a deleted dataset'}
            </a>
            <span className="muted small">
              {' '}
              · {s.rowsTotal.toLocaleString('en-US')} customers · completed {when(s.completedAt)}
            </span>
            <FairnessCheckView check={s.fairnessCheck} title="Fairness check" />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A step the version went through, among its facts: when it happened and, if known, by whom. */
function Milestone({ term, at, by }: { term: string; at: string | null | undefined; by?: string }) {
  if (!at) return null;
  return (
    <>
      <dt>{term}</dt>
      <dd>
        {when(at)}
        {by !== undefined && <> by {by}</>}
      </dd>
    </>
  );
}
