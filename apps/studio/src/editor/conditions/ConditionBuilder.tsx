import { memo, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { describeCondition, type FactName, type RootCondition } from '@arbiter/engine';
import { Button, ChipsInput, NumberInput, Select, TextInput, useReportInputError } from '../../shared/ui';
import { useEditorContext } from '../editor-context';
import { FieldMessages } from '../field-messages';
import {
  defaultValue,
  FACT_WORDS,
  fieldOptions,
  findField,
  LIST_OPERATORS,
  operatorsFor,
  optionOf,
  referenceOf,
  type FieldOption,
} from '../fields/field-catalog';
import type { ProblemLookup } from '../problems';
import {
  emptyGroup,
  fieldPaths,
  fromRootCondition,
  newId,
  toRootCondition,
  updateTree,
  type BuilderNode,
  type Rule,
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

/** What every group and row of one builder shares. */
interface TreeProps {
  tree: RuleGroup;
  options: FieldOption[];
  paths: Map<string, string>;
  problems: ProblemLookup;
  onChange(tree: RuleGroup, coalesceKey?: string): void;
  rows: RowActions;
}

interface GroupViewProps extends TreeProps {
  group: RuleGroup;
  root?: boolean;
}

interface RowActions {
  change(id: string, rule: Rule, key?: string): void;
  remove(id: string): void;
}

function GroupView({ group, root, ...shared }: GroupViewProps) {
  const { tree, options, onChange } = shared;
  const update = (id: string, change: (node: BuilderNode) => BuilderNode | undefined, key?: string) =>
    onChange(updateTree(tree, id, change), key);
  const addRule = () => {
    const first = options[0];
    const operator = first ? operatorsFor(first.type)[0]!.operator : 'equal';
    const rule: Rule = {
      kind: 'rule',
      id: newId(),
      fact: first?.fact ?? 'customer',
      field: first?.name ?? '',
      operator,
      value: defaultValue(first, operator),
    };
    update(group.id, (g) => (g.kind === 'group' ? { ...g, children: [...g.children, rule] } : g));
  };
  const addGroup = () =>
    update(group.id, (g) =>
      g.kind === 'group'
        ? { ...g, children: [...g.children, emptyGroup(group.combinator === 'all' ? 'any' : 'all')] }
        : g,
    );
  return (
    <div className={`rule-group ${root ? 'rule-group-root' : ''}`}>
      <div className="rule-group-header">
        <Select
          label="Match"
          value={group.combinator}
          options={[
            { value: 'all', label: 'All of these are true' },
            { value: 'any', label: 'Any of these is true' },
          ]}
          onChange={(combinator) => update(group.id, (g) => (g.kind === 'group' ? { ...g, combinator } : g))}
        />
        {!root && (
          <Button
            variant="ghost"
            className="btn-small"
            onClick={() => update(group.id, () => undefined)}
            aria-label="Remove this group"
            title="Remove this group"
          >
            Remove group
          </Button>
        )}
      </div>
      {group.children.length === 0 && (
        <p className="muted small">No rules yet: every candidate passes. Add a rule to narrow it down.</p>
      )}
      <ul className="rule-list">
        {group.children.map((child) => (
          <li key={child.id}>
            <NodeView node={child} {...shared} />
          </li>
        ))}
      </ul>
      <div className="rule-group-actions">
        <Button className="btn-small" onClick={addRule}>
          + Add rule
        </Button>
        <Button variant="ghost" className="btn-small" onClick={addGroup}>
          + Add group
        </Button>
      </div>
    </div>
  );
}

function NodeView({ node, ...shared }: TreeProps & { node: BuilderNode }) {
  const { tree, options, paths, problems, onChange, rows } = shared;
  const path = paths.get(node.id) ?? '';
  const update = (change: (node: BuilderNode) => BuilderNode | undefined, key?: string) =>
    onChange(updateTree(tree, node.id, change), key);
  switch (node.kind) {
    case 'group':
      return <GroupView group={node} {...shared} />;
    case 'not':
      return (
        <div className="rule-not">
          <div className="rule-group-header">
            <strong>None of this may be true:</strong>
            <Button
              variant="ghost"
              className="btn-small"
              onClick={() => update((n) => (n.kind === 'not' ? n.child : n))}
            >
              Remove “not”
            </Button>
          </div>
          <NodeView node={node.child} {...shared} />
        </div>
      );
    case 'raw':
      return (
        <div className="rule-raw">
          <span>Advanced rule (edit as JSON):</span> <code>{JSON.stringify(node.condition)}</code>
          <Button
            variant="ghost"
            className="btn-small"
            onClick={() => update(() => undefined)}
            aria-label="Remove this rule"
          >
            Remove
          </Button>
        </div>
      );
    case 'rule':
      return (
        <RuleRow
          rule={node}
          options={options}
          errorText={problems.messages(path, true).join('\n')}
          actions={rows}
        />
      );
  }
}

const RuleRow = memo(function RuleRow({
  rule,
  options,
  errorText,
  actions,
}: {
  rule: Rule;
  options: FieldOption[];
  /** The row's problems, one a line ("" for none): a string, so that an unchanged row skips rendering. */
  errorText: string;
  actions: RowActions;
}) {
  const errors = errorText ? errorText.split('\n') : [];
  const onChange = (next: Rule, key?: string) => actions.change(rule.id, next, key);
  const onRemove = () => actions.remove(rule.id);
  const field = findField(options, rule.fact, rule.field);
  const ops = operatorsFor(field?.type ?? 'string');
  const fieldKey = `${rule.fact}.${rule.field}`;
  const fieldChoices = options.map((o) => ({
    value: referenceOf(o),
    label: o.label,
    group: FACT_WORDS[o.fact],
  }));
  return (
    <div className={`rule-row ${errors.length ? 'rule-invalid' : ''}`}>
      <div className="rule-controls">
        <Select
          label="Field"
          className="rule-field"
          value={fieldKey}
          invalid={!field}
          options={fieldChoices}
          onChange={(key) => {
            const next = optionOf(options, key);
            if (!next) return;
            const keep = operatorsFor(next.type).some((o) => o.operator === rule.operator);
            const operator = keep ? rule.operator : operatorsFor(next.type)[0]!.operator;
            onChange({
              ...rule,
              fact: next.fact,
              field: next.name,
              operator,
              value: defaultValue(next, operator),
            });
          }}
        />
        <Select
          label="Comparison"
          className="rule-operator"
          value={rule.operator}
          options={ops.map((o) => ({ value: o.operator, label: o.words }))}
          onChange={(operator) => {
            const listChange = LIST_OPERATORS.has(operator) !== LIST_OPERATORS.has(rule.operator);
            onChange({ ...rule, operator, value: listChange ? defaultValue(field, operator) : rule.value });
          }}
        />
        <ValueInput
          rule={rule}
          field={field}
          onChange={(value) => onChange({ ...rule, value }, `value:${rule.id}`)}
          invalid={errors.length > 0}
        />
        <Button
          variant="ghost"
          className="btn-icon"
          onClick={onRemove}
          aria-label={`Remove rule on ${field?.label ?? rule.field}`}
          title="Remove this rule"
        >
          ×
        </Button>
      </div>
      <FieldMessages messages={errors} alert />
    </div>
  );
});

function ValueInput({
  rule,
  field,
  onChange,
  invalid,
}: {
  rule: Rule;
  field: FieldOption | undefined;
  onChange(value: unknown): void;
  invalid: boolean;
}) {
  const label = `Value for ${field?.label ?? rule.field}`;
  if (LIST_OPERATORS.has(rule.operator)) {
    const values = Array.isArray(rule.value) ? rule.value.map(String) : [];
    return (
      <ChipsInput
        label={label}
        values={values}
        invalid={invalid}
        suggestions={(field?.allowedValues ?? []).map(String)}
        onChange={(list) =>
          onChange(field?.type === 'number' ? list.map(Number).filter(Number.isFinite) : list)
        }
      />
    );
  }
  if (field?.type === 'boolean') {
    return (
      <Select
        label={label}
        value={rule.value === false ? 'false' : 'true'}
        options={[
          { value: 'true', label: 'yes' },
          { value: 'false', label: 'no' },
        ]}
        onChange={(v) => onChange(v === 'true')}
      />
    );
  }
  if (field?.allowedValues?.length) {
    return (
      <Select
        label={label}
        invalid={invalid}
        value={String(rule.value ?? '')}
        options={field.allowedValues.map((v) => ({ value: String(v), label: String(v) }))}
        onChange={(v) => onChange(field.allowedValues!.find((a) => String(a) === v) ?? v)}
      />
    );
  }
  if (field?.type === 'number') {
    return (
      <NumberInput
        label={label}
        invalid={invalid}
        value={typeof rule.value === 'number' ? rule.value : undefined}
        onChange={(v) => onChange(v ?? null)}
        className="rule-value"
      />
    );
  }
  return (
    <TextInput
      label={label}
      invalid={invalid}
      value={typeof rule.value === 'string' ? rule.value : JSON.stringify(rule.value ?? '')}
      onChange={onChange}
      placeholder={field?.type === 'date' ? 'YYYY-MM-DD' : 'value'}
      className="rule-value"
    />
  );
}

function JsonEditor({
  value,
  onApply,
}: {
  value: RootCondition | undefined;
  onApply(value: RootCondition): void;
}) {
  const [text, setText] = useState(() => JSON.stringify(value ?? { all: [] }, null, 2));
  const [error, setError] = useState<string>();
  useReportInputError('Condition as JSON', error);
  // A change from outside (rows, undo) replaces the text; the designer's own typing is left alone.
  useEffect(() => {
    setText((current) => {
      try {
        if (JSON.stringify(JSON.parse(current)) === JSON.stringify(value ?? { all: [] })) return current;
      } catch {
        // half-typed JSON: replaced by the new value below
      }
      return JSON.stringify(value ?? { all: [] }, null, 2);
    });
  }, [value]);
  return (
    <div className="json-editor">
      <textarea
        aria-label="Condition as JSON"
        spellCheck={false}
        rows={Math.min(16, text.split('\n').length + 1)}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          try {
            const parsed: unknown = JSON.parse(e.target.value);
            if (
              parsed &&
              typeof parsed === 'object' &&
              !Array.isArray(parsed) &&
              ('all' in parsed || 'any' in parsed || 'not' in parsed)
            ) {
              setError(undefined);
              onApply(parsed as RootCondition);
            } else setError('The condition must be an object starting with "all", "any" or "not".');
          } catch (err) {
            setError(`Not valid JSON yet: ${(err as Error).message}`);
          }
        }}
      />
      {error && <div className="field-error">{error}</div>}
    </div>
  );
}
