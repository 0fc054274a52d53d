import { useState } from 'react';
import { useServerMutation, useServerQuery } from '../api/use-server-query';
import type { Grants } from '../auth/session';
import { Button, EmptyState, Select, Toggle } from '../shared/ui';
import { versionLabel } from '../strategies/version-status';
import {
  graphqlExperimentsApi,
  type ExperimentStrategy,
  type ExperimentsApi,
  type SplitExperiment,
} from './experiments-api';
import { SplitCard } from './SplitCard';
import './experiments.css';

/** The outcomes a user may count as positive; the API's default is the first three. */
const OUTCOMES = ['accepted', 'clicked', 'converted', 'declined', 'ignored'] as const;
const DEFAULT_POSITIVE = ['accepted', 'clicked', 'converted'];
/** Rates are live: read them again this often while the screen is open. */
const REFRESH_MS = 30_000;

/**
 * The percentage splits of a strategy version read as experiments: per arm its decisions, outcomes
 * and rate with a 95% interval, each challenger against the champion with the always-valid test's
 * verdict in words, and "promote the winner" as a new draft once the test has a verdict.
 */
export function ExperimentsScreen({
  strategyId,
  user,
  api = graphqlExperimentsApi,
  onBack,
  onOpenReview,
}: {
  strategyId: string;
  user: Grants;
  api?: ExperimentsApi;
  onBack(): void;
  onOpenReview(): void;
}) {
  const [picked, setPicked] = useState<number>();
  const [positive, setPositive] = useState<string[]>(DEFAULT_POSITIVE);
  const [done, setDone] = useState<string>();
  /** Split step id → the draft it was promoted into on this visit: promoting twice would make two drafts. */
  const [promoted, setPromoted] = useState<Record<string, number>>({});
  const strategyQuery = useServerQuery(() => api.strategy(strategyId), [api, strategyId]);
  const strategy = strategyQuery.data;
  const version = picked ?? (strategy && shownByDefault(strategy));
  const resultsQuery = useServerQuery(
    () => api.results(strategyId, version!, positive),
    [api, strategyId, version, positive],
    { pause: version === undefined || positive.length === 0, poll: REFRESH_MS, keepPrevious: true },
  );
  const results = resultsQuery.data;
  const promotion = useServerMutation((split: SplitExperiment) =>
    api.promote(strategyId, results!.version, split.splitStepId, split.winner!, positive),
  );
  const error = promotion.error ?? strategyQuery.error ?? resultsQuery.error;
  const message = error ? { kind: 'error', text: error } : done ? { kind: 'ok', text: done } : undefined;

  const promote = async (split: SplitExperiment) => {
    if (!results || !split.winner) return;
    const number = await promotion.run(split);
    if (number === undefined) return;
    setPromoted((p) => ({ ...p, [split.splitStepId]: number }));
    const arm = split.arms.find((a) => a.arm === split.winner)!;
    setDone(
      `Version ${number} is a new draft in which everyone takes “${arm.label}” instead of the split “${split.label}”. It goes through review like any draft.`,
    );
  };

  const versions =
    strategy?.strategy.versions.filter((v) => v.status === 'PUBLISHED' || v.status === 'RETIRED') ?? [];

  return (
    <div className="experiments-screen">
      <header className="toolbar review-toolbar">
        <Button variant="ghost" onClick={onBack} title="Back to all strategies">
          ← Strategies
        </Button>
        <div className="toolbar-title">
          <h1>{strategy?.strategy.name ?? 'Strategy'}</h1>
          <span className="muted small">Experiments</span>
        </div>
        <span className="toolbar-spacer" />
        <Button onClick={onOpenReview}>Versions &amp; review</Button>
      </header>
      <main className="experiments-main">
        {message && (
          <p
            className={`callout ${message.kind === 'error' ? 'callout-error' : ''}`}
            role={message.kind === 'error' ? 'alert' : 'status'}
          >
            {message.text}{' '}
            {message.kind === 'ok' && (
              <Button variant="ghost" onClick={onOpenReview}>
                Open it in Versions &amp; review
              </Button>
            )}
          </p>
        )}
        {strategy && version === undefined ? (
          <EmptyState title="No published version yet">
            Experiments read the decisions of a published version: publish one with a split step first.
          </EmptyState>
        ) : (
          <>
            <div className="experiments-controls">
              {version !== undefined && (
                <label className="experiments-version">
                  Version{' '}
                  <Select
                    label="Version"
                    value={String(version)}
                    options={versions.map((v) => ({ value: String(v.number), label: versionLabel(v) }))}
                    onChange={(v) => setPicked(Number(v))}
                  />
                </label>
              )}
              <fieldset className="experiments-outcomes">
                <legend>Counts as a success</legend>
                {OUTCOMES.map((o) => (
                  <Toggle
                    key={o}
                    label={o}
                    checked={positive.includes(o)}
                    onChange={(on) => setPositive((p) => (on ? [...p, o] : p.filter((x) => x !== o)))}
                  />
                ))}
              </fieldset>
              <Button onClick={() => void resultsQuery.reload()}>Refresh</Button>
            </div>
            {positive.length === 0 && (
              <p className="callout callout-error">Choose at least one outcome that counts as a success.</p>
            )}
            {results && results.splits.length === 0 && (
              <EmptyState title="No experiment in this version">
                A split step by percentage (champion / challenger, A/B/n) makes an experiment: its arms are
                assigned at random, so their rates compare fairly.
              </EmptyState>
            )}
            {results?.splits.map((split) => (
              <SplitCard
                key={split.splitStepId}
                split={split}
                results={results}
                user={user}
                busy={promotion.busy}
                promotedAs={promoted[split.splitStepId]}
                onPromote={() => void promote(split)}
              />
            ))}
            {results && results.splits.length > 0 && (
              <p className="muted small experiments-method">
                Rate: decisions with at least one {results.positiveOutcomes.join(', ')} outcome, of all
                decisions of the arm, with a 95% Wilson interval. Each challenger is compared with the
                champion by an always-valid sequential test (mixture SPRT, Johari et al. 2017) at{' '}
                {Math.round(results.alpha * 100)}% shared among the challengers; it looks once every arm has{' '}
                {results.minDecisions} decisions and enough successes and failures for its normal
                approximation, and its verdict holds however often anyone looks.
              </p>
            )}
          </>
        )}
      </main>
    </div>
  );
}

/** The published version, else the last retired one: the versions whose decisions have outcomes. */
function shownByDefault(s: ExperimentStrategy): number | undefined {
  return (
    s.strategy.publishedVersion?.number ?? s.strategy.versions.find((v) => v.status === 'RETIRED')?.number
  );
}
