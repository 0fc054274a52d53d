import type { StrategyDocument, ValidationProblem } from '@arbiter/engine';
import { Icon } from '../../shared/icons';
import { Field, TextInput } from '../../shared/ui';
import { nodeKind } from '../nodes/registry';

/** With no step selected: the strategy's name and description, and every problem to fix. */
export function StrategyOverview({
  doc,
  problems,
  readOnly,
  selectedCount,
  onSelectNode,
  onChange,
}: {
  doc: StrategyDocument;
  problems: ValidationProblem[];
  readOnly: boolean;
  selectedCount: number;
  onSelectNode(id: string): void;
  onChange(doc: StrategyDocument, coalesceKey?: string): void;
}) {
  const title = (id: string) => {
    const n = doc.nodes.find((x) => x.id === id);
    return n ? (n.label ?? nodeKind(n.type)?.displayName ?? n.type) : id;
  };
  return (
    <div className="property-panel">
      {selectedCount > 1 && (
        <p className="callout">
          {selectedCount} steps selected. Press Delete to remove them, Ctrl+C to copy, or select a single step
          to change its settings.
        </p>
      )}
      <section className="panel-section" aria-label="About this strategy">
        <h2>About this strategy</h2>
        <fieldset disabled={readOnly} className="panel-fields">
          <Field label="Description" htmlFor="doc-description">
            <textarea
              id="doc-description"
              rows={3}
              value={doc.description ?? ''}
              placeholder="What is this strategy for? Reviewers read this first."
              onChange={(e) =>
                onChange({ ...doc, description: e.target.value || undefined }, 'doc:description')
              }
            />
          </Field>
          <Field label="Title in the document" htmlFor="doc-name">
            <TextInput
              id="doc-name"
              label="Title in the document"
              value={doc.name ?? ''}
              onChange={(name) => onChange({ ...doc, name: name || undefined }, 'doc:name')}
            />
          </Field>
        </fieldset>
      </section>
      <section className="panel-section" aria-label="Problems">
        <h2>Problems</h2>
        {problems.length === 0 ? (
          <p className="ok-text">✓ No problems: this strategy can be tested and submitted for review.</p>
        ) : (
          <ul className="problem-list">
            {problems.map((p, i) => (
              <li key={i} className={p.severity === 'error' ? 'problem-error' : 'problem-warning'}>
                <Icon name="alert" size={14} />{' '}
                {p.nodeId && doc.nodes.some((n) => n.id === p.nodeId) ? (
                  <button type="button" className="link-button" onClick={() => onSelectNode(p.nodeId!)}>
                    {title(p.nodeId)}
                  </button>
                ) : null}
                {p.nodeId ? ': ' : ''}
                {p.message}
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="muted small">
        Select a step on the canvas to change its settings. Shift-drag or Ctrl-click to select several.
      </p>
    </div>
  );
}
