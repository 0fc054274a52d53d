import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, EmptyState } from '../shared/ui';
import { StatusPill } from '../shared/StatusPill';
import { VERSION_STATUS_WORDS } from '../strategies/version-status';
import { errorMessage } from '../shared/error-message';
import { usePeople } from '../shared/people';
import { graphqlReviewApi, type ReviewApi, type ReviewData, type ReviewVersionData } from './review-api';
import { awaitsEvidence, shortHash } from './review-rules';
import { DiffView } from './DiffView';
import { personName, when } from './review-words';
import { ReviewHeader } from './ReviewHeader';
import { VersionDetail } from './VersionDetail';

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
