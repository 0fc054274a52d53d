import { useMemo, useState } from 'react';
import type { StrategyDocument } from '@arbiter/engine';
import { DiffCanvas } from './DiffCanvas';
import { Button, EmptyState, Select, ErrorCallout } from '../shared/ui';
import {
  describeDiff,
  diffFlow,
  settingWords,
  NOT_SET,
  shortSummary,
  type DiffLine,
  type StrategyDiff,
} from './diff-model';
import { useBusyTask } from '../shared/use-busy-task';
import type { ReviewApi, ReviewVersionData } from './review-api';
import { versionLabel } from '../strategies/version-status';
import { comparingWords, defaultBaseline } from './compare-baseline';

interface Loaded {
  diff: StrategyDiff;
  from: StrategyDocument;
  to: StrategyDocument;
  nodeComments: Map<string, number>;
}

/**
 * Two versions side by side: the changes in words and on the newer version's canvas. The selected
 * version is compared first with the one it was cloned from, else the live one, else the previous.
 */
export function DiffView({
  api,
  versions,
  defaultTo,
  publishedId,
}: {
  api: ReviewApi;
  versions: readonly ReviewVersionData[];
  defaultTo?: ReviewVersionData;
  publishedId?: string;
}) {
  const to0 = defaultTo ?? versions[0]!;
  const [fromId, setFromId] = useState(() => defaultBaseline(to0, versions, publishedId).version.id);
  const [toId, setToId] = useState(to0.id);
  const [loaded, setLoaded] = useState<Loaded>();
  const { busy, error, setError, run } = useBusyTask();
  const [focus, setFocus] = useState<string>();

  const options = versions.map((v) => ({
    value: v.id,
    label: versionLabel(v),
  }));
  const from = versions.find((v) => v.id === fromId);
  const to = versions.find((v) => v.id === toId);
  // A shown diff belongs to the pair it was made for; another pick waits for Compare again.
  const pick = (set: (id: string) => void, id: string) => {
    set(id);
    setLoaded(undefined);
    setError(undefined);
  };
  const compare = async () => {
    if (fromId === toId) {
      setError('Choose two different versions.');
      return;
    }
    await run(async () => {
      const [diff, from, to, comments] = await Promise.all([
        api.diff(fromId, toId),
        api.document(fromId),
        api.document(toId),
        api.comments(toId),
      ]);
      const nodeComments = new Map<string, number>();
      for (const c of comments)
        if (c.nodeId) nodeComments.set(c.nodeId, (nodeComments.get(c.nodeId) ?? 0) + 1);
      setLoaded({ diff, from, to, nodeComments });
      setFocus(undefined);
    });
  };

  return (
    <section className="diff-view" aria-label="Compare versions">
      <h2>Compare versions</h2>
      <div className="diff-pickers">
        <label className="field-label" htmlFor="diff-from">
          From
        </label>
        <Select
          id="diff-from"
          label="From"
          value={fromId}
          onChange={(id) => pick(setFromId, id)}
          options={options}
        />
        <label className="field-label" htmlFor="diff-to">
          to
        </label>
        <Select id="diff-to" label="To" value={toId} onChange={(id) => pick(setToId, id)} options={options} />
        <Button variant="primary" onClick={() => void compare()} disabled={busy}>
          {busy ? 'Comparing…' : 'Compare'}
        </Button>
      </div>
      {from && to && from.id !== to.id && (
        <p className="muted small" aria-live="polite">
          {comparingWords(from, to, versions, publishedId)}
        </p>
      )}
      {error && <ErrorCallout>{error}</ErrorCallout>}
      {!loaded && !error && (
        <p className="muted small">
          Pick two versions and press Compare to see what changed, in words and on the canvas.
        </p>
      )}
      {loaded && <DiffResult loaded={loaded} focus={focus} onFocus={setFocus} />}
    </section>
  );
}

function DiffResult({
  loaded,
  focus,
  onFocus,
}: {
  loaded: Loaded;
  focus?: string;
  onFocus(id?: string): void;
}) {
  const lines = useMemo(() => describeDiff(loaded.diff), [loaded.diff]);
  const flow = useMemo(
    () => diffFlow(loaded.to, loaded.from, loaded.diff, {}, loaded.nodeComments),
    [loaded],
  );
  const catalog = loaded.diff.environment;
  if (loaded.diff.unchanged || (lines.length === 0 && catalog.length === 0)) {
    return (
      <EmptyState title="No changes">
        These versions decide the same way{loaded.diff.unchanged ? '' : ' (only the layout moved)'}.
      </EmptyState>
    );
  }
  const focused = loaded.diff.nodes.changed.find((n) => n.id === focus);
  const focusedLine = lines.find((l) => l.nodeId === focus);
  return (
    <div className="diff-result">
      <ul className="diff-lines" aria-label="Changes in words">
        {lines.map((l) => (
          <DiffLineItem key={`${l.status}:${l.nodeId}`} line={l} onFocus={() => onFocus(l.nodeId)} />
        ))}
      </ul>
      {catalog.length > 0 && (
        <section aria-label="Changes in the catalog and schema">
          <h3>Catalog and customer schema</h3>
          <p className="small muted">
            What changed in the actions and fields these versions read (each version keeps its own copy).
          </p>
          <ul className="diff-lines">
            {catalog.map((line) => (
              <li key={line} className="diff-line diff-line-changed">
                {line}
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="diff-canvas-row">
        <DiffCanvas nodes={flow.nodes} edges={flow.edges} focus={focus} onFocus={onFocus} />
        <aside className="diff-side" aria-label="Changed settings">
          <div className="diff-legend small">
            <span className="diff-badge diff-badge-added">added</span>{' '}
            <span className="diff-badge diff-badge-changed">changed</span>{' '}
            <span className="diff-badge diff-badge-removed">removed</span>
          </div>
          {focused ? (
            <>
              <h3>{focused.label ?? focused.id}</h3>
              <p className="small muted">Before: {shortSummary(focused.before)}</p>
              <p className="small">Now: {shortSummary(focused.summary)}</p>
              <ul aria-label="Changed settings, one by one">
                {focused.changes.map((c) => (
                  <li key={c.field}>
                    <strong>{settingWords(c.field)}</strong>:{' '}
                    {c.beforeText === NOT_SET ? (
                      <>
                        added <ins>{c.afterText}</ins>
                      </>
                    ) : c.afterText === NOT_SET ? (
                      <>
                        removed <del>{c.beforeText}</del>
                      </>
                    ) : (
                      <>
                        <del>{c.beforeText}</del> → <ins>{c.afterText}</ins>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </>
          ) : focusedLine ? (
            <p>{focusedLine.text}</p>
          ) : (
            <p className="muted small">Click a marked step (or a line above) to see what changed in it.</p>
          )}
        </aside>
      </div>
    </div>
  );
}

function DiffLineItem({ line, onFocus }: { line: DiffLine; onFocus(): void }) {
  return (
    <li className={`diff-line diff-line-${line.status}`}>
      <button type="button" className="link-button" onClick={onFocus}>
        {line.text}
      </button>
      {line.details.length > 0 && (
        <ul>
          {line.details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}
    </li>
  );
}
