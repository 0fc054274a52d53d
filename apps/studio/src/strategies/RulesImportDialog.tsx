import { useState, type ChangeEvent } from 'react';
import { useBusyTask } from '../shared/use-busy-task';
import { Button, Dialog, Field, ErrorCallout } from '../shared/ui';
import type { RulesImportResult, StrategySource } from './strategy-source';

/**
 * "Import json-rules-engine rules": a rules file (picked or pasted) becomes a new strategy with a
 * draft; the dialog then shows what was carried over and what was not, and opens the draft.
 */
export function RulesImportDialog({
  importRules,
  onOpen,
  onClose,
}: {
  importRules: NonNullable<StrategySource['importRules']>;
  onOpen(strategyId: string): void;
  onClose(): void;
}) {
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  const { busy, error, setError, run: runTask } = useBusyTask();
  const [result, setResult] = useState<RulesImportResult>();

  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    setText(await file.text());
    if (!name.trim()) setName(file.name.replace(/\.json$/i, ''));
  };

  const run = async () => {
    setError(undefined);
    let rules: unknown;
    try {
      rules = JSON.parse(text);
    } catch (err) {
      setError(`The rules are not valid JSON: ${(err as Error).message}`);
      return;
    }
    await runTask(async () => setResult(await importRules(name.trim(), rules)));
  };

  if (result) {
    const left = result.report.filter((n) => !n.carriedOver);
    const changed = result.report.filter((n) => n.carriedOver);
    return (
      <Dialog
        title="Rules imported"
        onClose={onClose}
        actions={
          <>
            <Button onClick={onClose}>Close</Button>
            <Button variant="primary" onClick={() => onOpen(result.strategyId)}>
              Open the draft
            </Button>
          </>
        }
      >
        <p>
          {result.imported} of {result.total} rules carried over into a new draft.
        </p>
        <p className="muted small">
          {result.createdActions.length
            ? `Added to the catalog: ${result.createdActions.join(', ')}.`
            : 'No action added to the catalog.'}{' '}
          {result.matchedActions.length > 0 &&
            `Already in the catalog, used as they are: ${result.matchedActions.join(', ')}.`}
        </p>
        {left.length > 0 && <ReportList title="Not carried over" notes={left} />}
        {changed.length > 0 && <ReportList title="Carried over with a change" notes={changed} />}
      </Dialog>
    );
  }

  return (
    <Dialog
      title="Import json-rules-engine rules"
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            disabled={busy || !name.trim() || !text.trim()}
            onClick={() => void run()}
          >
            Import
          </Button>
        </>
      }
    >
      <p className="muted small">
        A list of rules, or <code>{'{ "rules": [...] }'}</code>. Each rule&apos;s event type becomes an action
        (added to the catalog unless it exists), eligible when the rule&apos;s conditions hold; facts are read
        as customer fields.
      </p>
      <Field label="Strategy name" htmlFor="rules-name">
        <input
          id="rules-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="e.g. Imported eligibility rules"
        />
      </Field>
      <Field label="Rules file" htmlFor="rules-file">
        <input id="rules-file" type="file" accept=".json,application/json" onChange={(e) => void pick(e)} />
      </Field>
      <Field label="Or paste the rules" htmlFor="rules-text">
        <textarea
          id="rules-text"
          rows={10}
          value={text}
          onChange={(e) => setText(e.target.value)}
          spellCheck={false}
        />
      </Field>
      {error && <ErrorCallout>{error}</ErrorCallout>}
    </Dialog>
  );
}

function ReportList({ title, notes }: { title: string; notes: RulesImportResult['report'] }) {
  return (
    <section aria-label={title}>
      <h3>{title}</h3>
      <ul className="rules-import-report">
        {notes.map((n, i) => (
          <li key={i}>
            <strong>
              Rule {n.rule + 1}
              {n.name ? ` (${n.name})` : ''}
            </strong>
            {n.field && <code className="small"> {n.field}</code>}: {n.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
