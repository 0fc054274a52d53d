import { useState } from 'react';
import { useServerQuery } from '../api/use-server-query';
import { Button, EmptyState, ErrorCallout } from '../shared/ui';
import { StatusPill } from '../shared/StatusPill';
import { VERSION_STATUS_WORDS } from '../strategies/version-status';
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
  const [selectedId, setSelectedId] = useState<string>();
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string }>();
  /** The version shown: the one chosen while it exists, else the one the page opens on. */
  const selectedIn = (loaded: ReviewData) => {
    const versions = loaded.strategy.versions;
    const id = versions.some((v) => v.id === selectedId) ? selectedId : openingVersion(versions, versionId);
    return versions.find((v) => v.id === id);
  };
  // A reviewer waiting for a simulation sees it complete (and Approve enabled) without reloading.
  const {
    data,
    error: loadError,
    reload,
  } = useServerQuery(() => api.load(strategyId), [api, strategyId], {
    poll: EVIDENCE_POLL_MS,
    pollWhile: (loaded) => {
      const shown = selectedIn(loaded);
      return !!shown && awaitsEvidence(shown);
    },
  });
  const authors = usePeople(data?.strategy.versions.map((v) => v.createdBy) ?? []);
  const selected = data && selectedIn(data);
  // Keep showing that version after later loads, even if another would now be the one to open on.
  if (selected && selected.id !== selectedId) setSelectedId(selected.id);
  const select = (id: string) => {
    // "Approved." and the like speak of the version they were done to.
    if (id !== selected?.id) setMessage(undefined);
    setSelectedId(id);
    // Choosing a version that waits for its simulation starts looking for it (unless already looking).
    const chosen = data?.strategy.versions.find((v) => v.id === id);
    if (chosen && awaitsEvidence(chosen) && !(selected && awaitsEvidence(selected))) void reload();
  };

  if (loadError && !data) {
    return (
      <div className="review-screen">
        <ReviewHeader title="Review" onBack={onBack} />
        <main className="review-main">
          <ErrorCallout>{loadError}</ErrorCallout>
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
                      className={`timeline-item ${v.id === selected?.id ? 'timeline-selected' : ''}`}
                      aria-current={v.id === selected?.id ? 'true' : undefined}
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
