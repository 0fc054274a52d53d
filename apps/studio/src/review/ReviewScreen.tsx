import { useCallback, useEffect, useRef, useState } from 'react';
import { routeHash } from '../app/router';
import type { SessionUser } from '../auth/session';
import { Button, Dialog, EmptyState } from '../shared/ui';
import { StatusPill } from '../shared/StatusPill';
import { VERSION_STATUS_WORDS } from '../strategies/version-status';
import { errorMessage } from '../shared/error-message';
import { shortPerson, usePeople } from '../shared/people';
import {
  graphqlReviewApi,
  type ReviewApi,
  type ReviewComment,
  type ReviewData,
  type ReviewVersionData,
} from './review-api';
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
import { DiffView } from './DiffView';
import { FairnessCheckView } from './FairnessCheckView';
import { formatDate } from '../shared/format-date';

export interface ReviewScreenProps {
  strategyId: string;
  /** The version to open on (from the review queue); else the one in review, else the newest. */
  versionId?: string;
  api?: ReviewApi;
  onBack(): void;
  onOpenEditor(): void;
  /** The strategy's experiments (its split steps' arms and their outcomes). */
  onOpenExperiments?: () => void;
}

/** How often a version waiting for its simulation is looked at again. */
export const EVIDENCE_POLL_MS = 3000;

const when = (iso?: string | null) => (iso ? formatDate(iso) : undefined);

export function personName(
  id: string | null | undefined,
  me: Pick<SessionUser, 'id'>,
  names: Record<string, string> = {},
): string {
  if (!id) return 'someone';
  return id === me.id ? 'you' : (names[id] ?? shortPerson(id));
}

/** The version the page opens on: the one asked for, else the one waiting for review, else the newest. */
export function openingVersion(
  versions: readonly Pick<ReviewVersionData, 'id' | 'status'>[],
  asked?: string,
) {
  return (
    versions.find((v) => v.id === asked)?.id ??
    versions.find((v) => v.status === 'IN_REVIEW')?.id ??
    versions[0]?.id
  );
}

/** Versions of one strategy, their review actions, comments and the diff between two of them. */
export function ReviewScreen({
  strategyId,
  versionId,
  api = graphqlReviewApi,
  onBack,
  onOpenEditor,
  onOpenExperiments,
}: ReviewScreenProps) {
  const [data, setData] = useState<ReviewData>();
  const [loadError, setLoadError] = useState<string>();
  const [selectedId, setSelectedId] = useState<string>();
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string }>();
  const authors = usePeople(data?.strategy.versions.map((v) => v.createdBy) ?? []);

  // Only the latest load is shown: a poll answering after an action's reload must not undo it.
  const latestLoad = useRef(0);
  const reload = useCallback(async () => {
    const mine = ++latestLoad.current;
    try {
      const next = await api.load(strategyId);
      if (mine !== latestLoad.current) return;
      setData(next);
      setLoadError(undefined);
      setSelectedId((current) =>
        current && next.strategy.versions.some((v) => v.id === current)
          ? current
          : openingVersion(next.strategy.versions, versionId),
      );
    } catch (err) {
      if (mine === latestLoad.current) setLoadError(errorMessage(err));
    }
  }, [api, strategyId, versionId]);
  useEffect(() => void reload(), [reload]);

  // A reviewer waiting for a simulation sees it complete (and Approve enabled) without reloading.
  const selectedNow = data?.strategy.versions.find((v) => v.id === selectedId);
  const polling = !!selectedNow && awaitsEvidence(selectedNow);
  useEffect(() => {
    if (!polling) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      await reload(); // the next look is planned only after this one answered: no overlap
      if (!stopped) timer = setTimeout(() => void tick(), EVIDENCE_POLL_MS);
    };
    timer = setTimeout(() => void tick(), EVIDENCE_POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [polling, reload]);
  const select = (id: string) => {
    // "Approved." and the like speak of the version they were done to.
    if (id !== selectedId) setMessage(undefined);
    setSelectedId(id);
  };

  if (loadError && !data) {
    return (
      <div className="review-screen">
        <ReviewHeader title="Review" onBack={onBack} />
        <main className="review-main">
          <p className="callout callout-error" role="alert">
            {loadError}
          </p>
          <Button onClick={() => void reload()}>Try again</Button>
        </main>
      </div>
    );
  }
  if (!data) {
    return (
      <div className="review-screen">
        <ReviewHeader title="Review" onBack={onBack} />
        <main className="review-main">
          <p className="muted">Loading versions…</p>
        </main>
      </div>
    );
  }

  const { me, strategy } = data;
  const versions = strategy.versions;
  const selected = versions.find((v) => v.id === selectedId);
  const publishedNumber = strategy.publishedVersion?.number;

  return (
    <div className="review-screen">
      <ReviewHeader
        title={strategy.name}
        onBack={onBack}
        onOpenEditor={onOpenEditor}
        onOpenExperiments={onOpenExperiments}
        roles={me.roles}
      />
      <main className="review-main">
        {message && (
          <p
            className={`callout ${message.kind === 'error' ? 'callout-error' : ''}`}
            role={message.kind === 'error' ? 'alert' : 'status'}
          >
            {message.text}
          </p>
        )}
        {strategy.description && (
          <p className="review-description" aria-label="About this strategy">
            {strategy.description}
          </p>
        )}
        {versions.length === 0 ? (
          <EmptyState title="No versions yet">A designer creates the first draft in the editor.</EmptyState>
        ) : (
          <div className="review-columns">
            <nav aria-label="Version history" className="review-timeline">
              <h2>Versions</h2>
              <ol>
                {versions.map((v) => (
                  <li key={v.id}>
                    <button
                      type="button"
                      className={`timeline-item ${v.id === selectedId ? 'timeline-selected' : ''}`}
                      aria-current={v.id === selectedId ? 'true' : undefined}
                      onClick={() => select(v.id)}
                    >
                      <span className="timeline-title">
                        v{v.number}{' '}
                        <StatusPill status={v.status} words={VERSION_STATUS_WORDS} classPrefix="status" />
                        {v.number === publishedNumber && <span className="muted small"> live</span>}
                      </span>
                      <span className="muted small">
                        by {personName(v.createdBy, me, authors)} · {when(v.createdAt)}
                      </span>
                      <span className="muted small mono" title={`Content hash ${v.contentHash}`}>
                        #{shortHash(v.contentHash)}
                      </span>
                    </button>
                  </li>
                ))}
              </ol>
            </nav>
            <section className="review-detail" aria-label="Selected version">
              {selected && (
                <VersionDetail
                  key={selected.id}
                  api={api}
                  version={selected}
                  me={me}
                  strategyId={strategy.id}
                  publishedNumber={publishedNumber}
                  onDone={(text) => {
                    setMessage({ kind: 'ok', text });
                    void reload();
                  }}
                  onError={(text) => setMessage({ kind: 'error', text })}
                  onCloned={onOpenEditor}
                />
              )}
              {versions.length >= 2 ? (
                <DiffView
                  key={`diff-${selected?.id}`}
                  api={api}
                  versions={versions}
                  defaultTo={selected}
                  publishedId={strategy.publishedVersion?.id}
                />
              ) : (
                <EmptyState title="Nothing to compare yet">
                  Once there are two versions you can compare them here.
                </EmptyState>
              )}
            </section>
          </div>
        )}
      </main>
    </div>
  );
}

function ReviewHeader({
  title,
  onBack,
  onOpenEditor,
  onOpenExperiments,
  roles,
}: {
  title: string;
  onBack(): void;
  onOpenEditor?: () => void;
  onOpenExperiments?: () => void;
  roles?: readonly string[];
}) {
  return (
    <header className="toolbar review-toolbar">
      <Button variant="ghost" onClick={onBack} title="Back to all strategies">
        ← Strategies
      </Button>
      <div className="toolbar-title">
        <h1>{title}</h1>
        <span className="muted small">Versions and review</span>
      </div>
      <span className="toolbar-spacer" />
      {roles && <span className="muted small">Your roles: {roles.join(', ') || 'none'}</span>}
      {onOpenExperiments && <Button onClick={onOpenExperiments}>Experiments</Button>}
      {onOpenEditor && <Button onClick={onOpenEditor}>Open in editor</Button>}
    </header>
  );
}

const DONE: Record<VersionActionKind, string> = {
  submit: 'Submitted for review.',
  approve: 'Approved.',
  reject: 'Rejected: it is a draft again, with your reason as a comment.',
  publish: 'Published: this version now answers decisions.',
  rollback: 'Rolled back: this version answers decisions again.',
  clone: 'A new draft was created.',
};

function VersionDetail({
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
  const [steps, setSteps] = useState<StepChoice[]>();
  useEffect(() => {
    let live = true;
    api
      .document(version.id)
      .then((doc) => live && setSteps(doc.nodes.map((n) => ({ id: n.id, label: n.label ?? undefined }))))
      // Only the suggestions for "About step" are missing then; a step id can still be typed.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api, version.id]);

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
        {version.submittedAt && (
          <>
            <dt>Submitted</dt>
            <dd>
              {when(version.submittedAt)} by {personName(version.submittedBy, me, people)}
            </dd>
          </>
        )}
        {version.approvedAt && (
          <>
            <dt>Approved</dt>
            <dd>
              {when(version.approvedAt)} by {personName(version.approvedBy, me, people)}
            </dd>
          </>
        )}
        {version.publishedAt && (
          <>
            <dt>Published</dt>
            <dd>
              {when(version.publishedAt)} by {personName(version.publishedBy, me, people)}
            </dd>
          </>
        )}
        {version.retiredAt && (
          <>
            <dt>Retired</dt>
            <dd>{when(version.retiredAt)}</dd>
          </>
        )}
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

/** Actions that ask before they change anything: a decision with a comment, or a change of what is live. */
type ConfirmKind = 'approve' | 'reject' | 'publish' | 'rollback';

function confirmWords(kind: ConfirmKind, versionNumber: number, publishedNumber?: number) {
  const live = publishedNumber === undefined ? '' : ` Version ${publishedNumber}, live now, will be retired.`;
  switch (kind) {
    case 'approve':
      return { title: 'Approve this version', confirm: 'Approve' };
    case 'reject':
      return { title: 'Reject this version', confirm: 'Reject' };
    case 'publish':
      return {
        title: `Publish version ${versionNumber}?`,
        confirm: 'Publish',
        text: `Version ${versionNumber} will answer every decision from now on.${live}`,
      };
    case 'rollback':
      return {
        title: `Roll back to version ${versionNumber}?`,
        confirm: 'Roll back',
        text: `Version ${versionNumber} will answer every decision again.${live}`,
      };
  }
}

const COMMENT_LABEL: Record<Exclude<ConfirmKind, 'publish'>, string> = {
  approve: 'Comment (optional)',
  reject: 'What must change (required)',
  rollback: 'Why roll back (required)',
};

function DecisionDialog({
  kind,
  versionNumber,
  publishedNumber,
  busy,
  fairness,
  onCancel,
  onConfirm,
}: {
  kind: ConfirmKind;
  versionNumber: number;
  publishedNumber?: number;
  busy: boolean;
  /** Approve: what the failed fairness checks found; a written justification is required then. */
  fairness: readonly string[];
  onCancel(): void;
  onConfirm(comment: string, justification?: string): void;
}) {
  const [comment, setComment] = useState('');
  const [justification, setJustification] = useState('');
  const [missing, setMissing] = useState(false);
  const words = confirmWords(kind, versionNumber, publishedNumber);
  // A rejection says what must change; a rollback why (the audit log keeps it).
  const needs = kind === 'reject' || kind === 'rollback';
  const needsJustification = fairness.length > 0;
  const confirm = () => {
    if (needs && !comment.trim()) {
      setMissing(true);
      document.getElementById('decision-comment')?.focus();
      return;
    }
    if (needsJustification && !justification.trim()) {
      setMissing(true);
      document.getElementById('decision-justification')?.focus();
      return;
    }
    onConfirm(comment.trim(), needsJustification ? justification.trim() : undefined);
  };
  return (
    <Dialog
      title={words.title}
      onClose={onCancel}
      actions={
        <>
          <Button onClick={onCancel}>Cancel</Button>
          <Button variant={kind === 'reject' ? 'danger' : 'primary'} disabled={busy} onClick={confirm}>
            {words.confirm}
          </Button>
        </>
      }
    >
      {words.text && <p>{words.text}</p>}
      {needsJustification && (
        <>
          <div className="callout callout-warning">
            <p>The fairness check of this version’s simulation failed:</p>
            <ul>
              {fairness.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          </div>
          <label className="field-label" htmlFor="decision-justification">
            Justification (required: why approve it anyway)
          </label>
          <textarea
            id="decision-justification"
            rows={4}
            value={justification}
            aria-invalid={missing && !justification.trim() ? true : undefined}
            aria-describedby={missing && !justification.trim() ? 'decision-justification-missing' : undefined}
            onChange={(e) => setJustification(e.target.value)}
          />
          {missing && !justification.trim() && (
            <p id="decision-justification-missing" className="callout callout-error" role="alert">
              Write why approving is justified: it is kept with the review and in the audit log.
            </p>
          )}
        </>
      )}
      {kind !== 'publish' && (
        <>
          <label className="field-label" htmlFor="decision-comment">
            {COMMENT_LABEL[kind]}
          </label>
          <textarea
            id="decision-comment"
            rows={4}
            value={comment}
            aria-invalid={needs && missing && !comment.trim() ? true : undefined}
            aria-describedby={needs && missing ? 'decision-comment-missing' : undefined}
            onChange={(e) => setComment(e.target.value)}
          />
          {needs && missing && !comment.trim() && (
            <p id="decision-comment-missing" className="callout callout-error" role="alert">
              {kind === 'rollback'
                ? 'Say why: the reason is kept in the audit log with the rollback.'
                : 'Say what must change: the designer gets the version back as a draft with this comment.'}
            </p>
          )}
        </>
      )}
    </Dialog>
  );
}

interface StepChoice {
  id: string;
  label?: string;
}

const stepName = (id: string, steps?: readonly StepChoice[]) => steps?.find((n) => n.id === id)?.label ?? id;

const KIND_WORDS: Record<string, string> = {
  APPROVAL: 'approved',
  REJECTION: 'rejected',
  JUSTIFICATION: 'approved over the failed fairness check, because',
  COMMENT: '',
};

export function CommentsPanel({
  api,
  versionId,
  me,
  steps,
}: {
  api: ReviewApi;
  versionId: string;
  me: ReviewData['me'];
  /** The version's steps, offered for "About step" and used to name the step a comment is about. */
  steps?: readonly StepChoice[];
}) {
  const [comments, setComments] = useState<ReviewComment[]>();
  const authors = usePeople(comments?.map((c) => c.authorId) ?? []);
  const [error, setError] = useState<string>();
  const [body, setBody] = useState('');
  const [nodeId, setNodeId] = useState('');
  useEffect(() => {
    let live = true;
    api
      .comments(versionId)
      .then((c) => live && setComments(c))
      .catch((err: unknown) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, [api, versionId]);
  const add = async () => {
    try {
      const created = await api.addComment(versionId, body.trim(), nodeId || undefined);
      setComments((c) => [...(c ?? []), created]);
      setBody('');
      setNodeId('');
      setError(undefined);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const rejected = comments?.some((c) => c.kind === 'REJECTION');
  const canComment = me.roles.some(
    (r) => r === 'designer' || r === 'analyst' || r === 'reviewer' || r === 'publisher',
  );
  return (
    <section className="comments" aria-label="Comments">
      <h3>Comments {rejected && <span className="status-pill status-rejected">was rejected</span>}</h3>
      {error && (
        <p className="callout callout-error" role="alert">
          {error}
        </p>
      )}
      {!comments && !error && <p className="muted small">Loading comments…</p>}
      {comments?.length === 0 && (
        <p className="muted small">No comments yet. Ask a question or note what to check before approving.</p>
      )}
      <ul className="comment-list">
        {comments?.map((c) => (
          <li key={c.id} className={`comment comment-${c.kind.toLowerCase()}`}>
            <span className="small muted">
              {personName(c.authorId, me, authors)}
              {KIND_WORDS[c.kind] ? ` ${KIND_WORDS[c.kind]}` : ''}
              {c.nodeId ? ` · on step “${stepName(c.nodeId, steps)}”` : ''} · {when(c.createdAt)}
            </span>
            <p>{c.body}</p>
          </li>
        ))}
      </ul>
      {!canComment && (
        <p className="muted small">Designers, analysts, reviewers and publishers can comment.</p>
      )}
      {canComment && (
        <form
          className="comment-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (body.trim()) void add();
          }}
        >
          <label className="field-label" htmlFor={`comment-${versionId}`}>
            Add a comment
          </label>
          <textarea
            id={`comment-${versionId}`}
            rows={2}
            value={body}
            onChange={(e) => setBody(e.target.value)}
          />
          <label className="field-label" htmlFor={`comment-node-${versionId}`}>
            About step (optional)
          </label>
          <input
            id={`comment-node-${versionId}`}
            value={nodeId}
            onChange={(e) => setNodeId(e.target.value)}
            placeholder={steps ? 'pick a step from the list, or type its id' : 'step id, e.g. adults'}
            list={steps ? `nodes-${versionId}` : undefined}
          />
          {steps && (
            <datalist id={`nodes-${versionId}`}>
              {steps.map((n) => (
                <option key={n.id} value={n.id} label={n.label} />
              ))}
            </datalist>
          )}
          <Button type="submit" disabled={!body.trim()}>
            Comment
          </Button>
        </form>
      )}
    </section>
  );
}
