import { Button, Select } from '../../shared/ui';
import { defaultValue, operatorsFor, type FieldOption } from '../fields/field-catalog';
import type { ProblemLookup } from '../problems';
import { RuleRow } from './RuleRow';
import {
  emptyGroup,
  newId,
  updateTree,
  type BuilderNode,
  type Rule,
  type RuleGroup,
} from './condition-model';

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

export interface RowActions {
  change(id: string, rule: Rule, key?: string): void;
  remove(id: string): void;
}

/** An all/any group: its rows and nested groups, and the buttons that add to it. */
export function GroupView({ group, root, ...shared }: GroupViewProps) {
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
