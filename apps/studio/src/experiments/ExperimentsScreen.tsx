import { useCallback, useEffect, useState } from 'react';
import type { Role } from '../api/generated/graphql';
import { ROLE_FOR, ROLE_MISSING } from '../review/review-rules';
import { errorMessage } from '../shared/error-message';
import { Button, EmptyState, Select, Toggle } from '../shared/ui';
import { versionLabel } from '../strategies/version-status';
import {
  graphqlExperimentsApi,
  type ExperimentArm,
  type ExperimentResults,
  type ExperimentStrategy,
  type ExperimentsApi,
  type SplitExperiment,
} from './experiments-api';
import './experiments.css';

/** The outcomes a user may count as positive; the API's default is the first three. */
const OUTCOMES = ['accepted', 'clicked', 'converted', 'declined', 'ignored'] as const;
const DEFAULT_POSITIVE = ['accepted', 'clicked', 'converted'];
/** Rates are live: read them again this often while the screen is open. */
const REFRESH_MS = 30_000;

const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '–' : `${(100 * x).toFixed(1)}%`;
const pts = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(100 * x).toFixed(1)}`;
const pText = (p: number) => (p < 0.001 ? '< 0.001' : p.toFixed(3));

/**
 * The percentage splits of a strategy version read as experiments: per arm its decisions, outcomes
 * and rate with a 95% interval, each challenger against the champion with the always-valid test's
 * verdict in words, and "promote the winner" as a new draft once the test has a verdict.
 */
export function ExperimentsScreen({
  strategyId,
  api = graphqlExperimentsApi,
  onBack,
  onOpenReview,
}: {
  strategyId: string;
  api?: ExperimentsApi;
  onBack(): void;
  onOpenReview(): void;
}) {
  const [strategy, setStrategy] = useState<ExperimentStrategy>();
  const [version, setVersion] = useState<number>();
  const [positive, setPositive] = useState<string[]>(DEFAULT_POSITIVE);
  const [results, setResults] = useState<ExperimentResults>();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const [busy, setBusy] = useState(false);
  /** Split step id → the draft it was promoted into on this visit: promoting twice would make two drafts. */
  const [promoted, setPromoted] = useState<Record<string, number>>({});

  useEffect(() => {
    api.strategy(strategyId).then(
      (s) => {
        setStrategy(s);
        setVersion(
          s.strategy.publishedVersion?.number ??
            s.strategy.versions.find((v) => v.status === 'RETIRED')?.number,
        );
      },
      (e: unknown) => setMessage({ kind: 'error', text: errorMessage(e) }),
    );
  }, [api, strategyId]);

  const load = useCallback(async () => {
    if (version === undefined || positive.length === 0) return;
    try {
      setResults(await api.results(strategyId, version, positive));
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  }, [api, strategyId, version, positive]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  const promote = async (split: SplitExperiment) => {
    if (!results || !split.winner) return;
    setBusy(true);
    try {
      const number = await api.promote(
        strategyId,
        results.version,
        split.splitStepId,
        split.winner,
        positive,
      );
      setPromoted((p) => ({ ...p, [split.splitStepId]: number }));
      const arm = split.arms.find((a) => a.arm === split.winner)!;
      setMessage({
        kind: 'ok',
        text: `Version ${number} is a new draft in which everyone takes “${arm.label}” instead of the split “${split.label}”. It goes through review like any draft.`,
      });
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const roles = (strategy?.me.roles ?? []) as readonly Role[];
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
                    onChange={(v) => setVersion(Number(v))}
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
              <Button onClick={() => void load()}>Refresh</Button>
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
                roles={roles}
                busy={busy}
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

function SplitCard({
  split,
  results,
  roles,
  busy,
  promotedAs,
  onPromote,
}: {
  split: SplitExperiment;
  results: ExperimentResults;
  roles: readonly Role[];
  busy: boolean;
  promotedAs?: number;
  onPromote(): void;
}) {
  const denied = !roles.includes(ROLE_FOR.clone)
    ? ROLE_MISSING.clone
    : !split.winner
      ? 'The test has no verdict yet: keep running until it names a winner.'
      : promotedAs !== undefined
        ? `Promoted: version ${promotedAs} is the draft with the winner.`
        : undefined;
  const decided = split.verdict === 'CHALLENGER_BETTER' || split.verdict === 'CHAMPION_BETTER';
  return (
    <section className="experiment-card" aria-label={`Experiment ${split.label}`}>
      <h2>
        {split.label} <span className="muted small mono">{split.splitStepId}</span>
      </h2>
      <p className={`callout ${decided ? 'experiment-decided' : ''}`} role="status">
        {split.summary}
      </p>
      <table className="experiment-arms">
        <thead>
          <tr>
            <th scope="col">Arm</th>
            <th scope="col">Share</th>
            <th scope="col">Decisions</th>
            <th scope="col">Outcomes</th>
            <th scope="col">Successes</th>
            <th scope="col">Rate (95% interval)</th>
            <th scope="col">Against the champion (always-valid interval)</th>
            <th scope="col">p (always valid)</th>
          </tr>
        </thead>
        <tbody>
          {split.arms.map((arm) => (
            <ArmRow key={arm.arm} arm={arm} winner={split.winner === arm.arm} />
          ))}
        </tbody>
      </table>
      <div className="experiment-actions">
        <Button
          variant="primary"
          disabled={busy || !!denied}
          title={
            denied ?? `A new draft of version ${results.version} in which everyone takes the winning arm`
          }
          onClick={onPromote}
        >
          Promote the winner as a new draft
        </Button>
        {denied && <span className="muted small">{denied}</span>}
      </div>
    </section>
  );
}

function ArmRow({ arm, winner }: { arm: ExperimentArm; winner: boolean }) {
  return (
    <tr className={winner ? 'experiment-winner' : undefined}>
      <th scope="row">
        {arm.label}
        {arm.champion && <span className="muted small"> champion</span>}
        {winner && <span className="experiment-badge"> winner</span>}
      </th>
      <td>{arm.percent}%</td>
      <td>{arm.decisions}</td>
      <td>{arm.outcomes}</td>
      <td>{arm.positives}</td>
      <td>
        {pct(arm.rate)}
        {arm.rate !== null && (
          <span className="muted small">
            {' '}
            [{pct(arm.rateLow)}, {pct(arm.rateHigh)}]
          </span>
        )}
      </td>
      <td>
        {arm.champion || arm.difference === null ? '–' : `${pts(arm.difference)} pts`}
        {arm.differenceLow !== null && arm.differenceHigh !== null && (
          <span className="muted small">
            {' '}
            [{pts(arm.differenceLow)}, {pts(arm.differenceHigh)}]
          </span>
        )}
      </td>
      {/* Before its first look the test has no p-value to speak of. */}
      <td>{arm.pValue === null || arm.differenceLow === null ? '–' : pText(arm.pValue)}</td>
    </tr>
  );
}
