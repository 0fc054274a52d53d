import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { describeCondition, type FactName, type RootCondition } from '@arbiter/engine';
import { Button } from '../../shared/ui';
import { useEditorContext } from '../editor-context';
import { fieldOptions, type FieldOption } from '../fields/field-catalog';
import type { ProblemLookup } from '../problems';
import { JsonEditor } from './JsonEditor';
import { GroupView, type RowActions } from './RuleGroupView';
import {
  fieldPaths,
  fromRootCondition,
  toRootCondition,
  updateTree,
  type RuleGroup,
} from './condition-model';

interface ConditionBuilderProps {
  value: RootCondition | undefined;
  onChange(value: RootCondition, coalesceKey?: string): void;
  /** What conditions here may read (a split sees only the customer and the context). */
  facts: readonly FactName[];
  problems: ProblemLookup;
  /** Setting path of this condition, e.g. `config.condition`, to find its problems. */
  field: string;
  label: string;
}

/**
 * Rows of "field operator value", grouped with all/any, bound to the declared fields and their
 * types; json-rules-engine format in and out, a sentence under it, raw JSON on request.
 */
export function ConditionBuilder({ value, onChange, facts, problems, field, label }: ConditionBuilderProps) {
  const { env, doc, labels } = useEditorContext();
  // The same options (by content) across edits of the document: memoised rows do not render again.
  // Only the computed fields come from the document; the rest (a whole catalog's) once per environment.
  const envOptions = useMemo(
    () =>
      fieldOptions(
        env,
        undefined,
        facts.filter((f) => f !== 'fields'),
      ),
    [env, facts],
  );
  const computedKey = useMemo(
    () => JSON.stringify(facts.includes('fields') ? fieldOptions({}, doc, ['fields']) : []),
    [doc, facts],
  );
  const options = useMemo(
    () => [...envOptions, ...(JSON.parse(computedKey) as FieldOption[])],
    [envOptions, computedKey],
  );
  const [tree, setTree] = useState<RuleGroup>(() => fromRootCondition(value));
  const lastEmitted = useRef<string>(JSON.stringify(value ?? null));
  const [showJson, setShowJson] = useState(false);

  // Undo/redo or a JSON edit changed the condition from outside: rebuild the rows.
  useEffect(() => {
    const incoming = JSON.stringify(value ?? null);
    if (incoming !== lastEmitted.current) {
      lastEmitted.current = incoming;
      setTree(fromRootCondition(value));
    }
  }, [value]);

  const emit = (next: RuleGroup, coalesceKey?: string) => {
    setTree(next);
    const condition = toRootCondition(next);
    lastEmitted.current = JSON.stringify(condition);
    onChange(condition, coalesceKey);
  };
  // Rows get callbacks that never change, so that typing in one row of a long condition renders
  // that row only (RuleRow is memoised); they read the latest tree and emit through a ref.
  const latest = useRef({ tree, emit });
  useEffect(() => {
    latest.current = { tree, emit };
  });
  const rowActions = useMemo<RowActions>(
    () => ({
      change: (id, rule, key) =>
        latest.current.emit(
          updateTree(latest.current.tree, id, () => rule),
          key,
        ),
      remove: (id) => latest.current.emit(updateTree(latest.current.tree, id, () => undefined)),
    }),
    [],
  );
  const paths = useMemo(() => fieldPaths(tree, field), [tree, field]);
  // The sentence under a long condition is worded after the keystroke is painted, once per value.
  const shownValue = useDeferredValue(value);
  const sentence = useMemo(
    () => (shownValue ? describeCondition(shownValue, labels) : 'always'),
    [shownValue, labels],
  );

  return (
    <div className="condition-builder" role="group" aria-label={label}>
      <GroupView
        group={tree}
        root
        options={options}
        paths={paths}
        problems={problems}
        onChange={emit}
        tree={tree}
        rows={rowActions}
      />
      <div className="condition-preview" aria-live="polite">
        <span className="condition-preview-label">Reads as:</span>{' '}
        {sentence === 'always' ? 'always true (no rules yet)' : sentence}
      </div>
      <Button
        variant="ghost"
        className="btn-small"
        aria-expanded={showJson}
        onClick={() => setShowJson((s) => !s)}
      >
        {showJson ? 'Hide JSON' : 'Show JSON (json-rules-engine)'}
      </Button>
      {showJson && <JsonEditor value={value} onApply={(c) => onChange(c)} />}
      {problems.all
        .filter(
          (p) =>
            p.field === field ||
            p.field === `${field}.all` ||
            p.field === `${field}.any` ||
            p.field === `${field}.not`,
        )
        .map((p) => (
          <div
            key={p.message}
            className={p.severity === 'error' ? 'field-error' : 'field-warning'}
            role="alert"
          >
            {p.message}
          </div>
        ))}
    </div>
  );
}
