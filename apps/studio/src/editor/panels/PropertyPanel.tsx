import { useMemo } from 'react';
import {
  DEFAULT_HANDLE,
  type StrategyDocument,
  type StrategyNode,
  type ValidationProblem,
} from '@arbiter/engine';
import { Button, Field, Select, TextInput } from '../../shared/ui';
import { Icon } from '../../shared/icons';
import { connectionProblem } from '../canvas/connection-rules';
import { useEditorContext } from '../editor-context';
import { ProblemLookup } from '../problems';
import { nodeKind } from '../nodes/registry';
import { PanelSection } from '../nodes/panel-parts';

interface PropertyPanelProps {
  node: StrategyNode;
  problems: ValidationProblem[];
  readOnly: boolean;
  onConfig(config: unknown, coalesceKey?: string): void;
  onLabel(label: string): void;
  onConnect(handle: string, target: string): void;
  onDisconnect(handle: string, target: string): void;
  onDelete(): void;
}

/** The settings of the selected step: its name, its own panel, where it leads, and its problems. */
export function PropertyPanel({
  node,
  problems,
  readOnly,
  onConfig,
  onLabel,
  onConnect,
  onDisconnect,
  onDelete,
}: PropertyPanelProps) {
  const context = useEditorContext();
  const kind = nodeKind(node.type);
  const lookup = useMemo(() => new ProblemLookup(problems), [problems]);
  if (!kind)
    return (
      <p className="field-error">
        Unknown step type “{node.type}”. Delete it and add a step from the palette.
      </p>
    );
  const general = problems.filter((p) => !p.field || p.field === 'config' || !p.field.startsWith('config.'));
  const Settings = kind.Settings;
  return (
    <div className="property-panel" style={{ ['--kind' as string]: kind.colour }}>
      <header className="panel-header">
        <span className="step-icon" aria-hidden="true">
          <Icon name={kind.icon} />
        </span>
        <div>
          <h2>{node.label ?? kind.displayName}</h2>
          <p className="muted small">{kind.description}</p>
        </div>
      </header>
      {general.length > 0 && (
        <ul className="problem-list" aria-label="Problems of this step">
          {general.map((p) => (
            <li
              key={`${p.code}:${p.message}`}
              className={p.severity === 'error' ? 'problem-error' : 'problem-warning'}
            >
              <Icon name="alert" size={14} /> {p.message}
            </li>
          ))}
        </ul>
      )}
      <fieldset disabled={readOnly} className="panel-fields">
        <Field label="Name on the canvas" htmlFor="step-name">
          <TextInput
            id="step-name"
            label="Name on the canvas"
            value={node.label ?? ''}
            placeholder={kind.displayName}
            onChange={onLabel}
          />
        </Field>
        <Settings node={node} onChange={onConfig} problems={lookup} context={context} />
        <Connections node={node} onConnect={onConnect} onDisconnect={onDisconnect} />
        <div className="panel-section">
          <Button variant="danger" onClick={onDelete} shortcut="Delete" title="Delete this step">
            <Icon name="trash" size={14} /> Delete step
          </Button>
        </div>
      </fieldset>
    </div>
  );
}

/** Where each exit leads: the keyboard way to connect steps. */
function Connections({
  node,
  onConnect,
  onDisconnect,
}: {
  node: StrategyNode;
  onConnect(handle: string, target: string): void;
  onDisconnect(handle: string, target: string): void;
}) {
  const { doc } = useEditorContext();
  const kind = nodeKind(node.type);
  const handles = kind?.handles(node) ?? [];
  const reachable = connectableSteps(doc, node.id, handles);
  if (handles.length === 0) return null;
  const title = (id: string) => {
    const n = doc.nodes.find((x) => x.id === id);
    return n ? (n.label ?? nodeKind(n.type)?.displayName ?? n.type) : id;
  };
  return (
    <PanelSection title="Leads to">
      {handles.map((h) => {
        const targets = doc.edges
          .filter((e) => e.source === node.id && (e.sourceHandle ?? DEFAULT_HANDLE) === h.id)
          .map((e) => e.target);
        const options = reachable.get(h.id) ?? [];
        return (
          <div key={h.id} className="field">
            {h.label && <span className="field-label">Branch “{h.label}”</span>}
            <ul className="connection-list">
              {targets.map((t) => (
                <li key={t}>
                  → {title(t)}{' '}
                  <Button
                    variant="ghost"
                    className="btn-small"
                    onClick={() => onDisconnect(h.id, t)}
                    aria-label={`Disconnect ${title(t)}`}
                  >
                    Disconnect
                  </Button>
                </li>
              ))}
            </ul>
            {options.length > 0 && (
              <Select
                label={`Connect ${h.label ? `branch ${h.label}` : 'this step'} to`}
                value=""
                options={[
                  { value: '', label: 'Connect to…' },
                  ...options.map((n) => ({ value: n.id, label: title(n.id) })),
                ]}
                onChange={(t) => t && onConnect(h.id, t)}
              />
            )}
            {targets.length === 0 && options.length === 0 && (
              <p className="muted small">Add the next step from the palette first.</p>
            )}
          </div>
        );
      })}
    </PanelSection>
  );
}

/**
 * The steps each exit may lead to, worked out again only when the lines or the steps (not their
 * settings) changed: typing into one step's settings does not check every step as a target.
 */
const connectable = new WeakMap<StrategyDocument['edges'], Map<string, Map<string, StrategyNode[]>>>();

function connectableSteps(
  doc: StrategyDocument,
  source: string,
  handles: readonly { id: string }[],
): Map<string, StrategyNode[]> {
  const key = `${source}|${handles.map((h) => h.id).join(',')}|${doc.nodes.map((n) => `${n.id}:${n.type}:${n.label ?? ''}`).join(',')}`;
  let known = connectable.get(doc.edges);
  if (!known) connectable.set(doc.edges, (known = new Map()));
  const cached = known.get(key);
  if (cached) return cached;
  const targets = new Map(
    handles.map((h) => [
      h.id,
      doc.nodes.filter((n) => !connectionProblem(doc, { source, sourceHandle: h.id, target: n.id })),
    ]),
  );
  known.set(key, targets);
  return targets;
}
