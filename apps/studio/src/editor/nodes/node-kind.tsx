import type { ComponentType } from 'react';
import { Button } from '../../shared/ui';
import {
  diffStrategies,
  type NODE_SPECS,
  type FieldChange,
  type Labels,
  type NodeSpec,
  type NodeType,
  type StrategyNode,
} from '@arbiter/engine';
import type { IconName } from '../../shared/icons';
import type { EditorContextValue } from '../editor-context';
import type { ProblemLookup } from '../problems';

export type PaletteGroup = 'Start' | 'Decide' | 'Shape the flow' | 'Finish';
export const PALETTE_GROUPS: readonly PaletteGroup[] = ['Start', 'Decide', 'Shape the flow', 'Finish'];

export interface SettingsProps<C> {
  nodeId: string;
  config: C;
  /** Replace the node's settings; edits with the same key in quick succession are one undo step. */
  onChange(next: C, coalesceKey?: string): void;
  problems: ProblemLookup;
  context: EditorContextValue;
}

/** The studio side of one node type (the engine side is `engine`), as the JDM editor pattern has it. */
export interface NodeKindDefinition<C> {
  type: NodeType;
  engine: NodeSpec<C>;
  displayName: string;
  icon: IconName;
  /** Accent colour of the node on the canvas and in the palette. */
  colour: string;
  group: PaletteGroup;
  /** One sentence for the palette, in the designer's words. */
  description: string;
  Settings: ComponentType<SettingsProps<C>>;
  /** Name of each exit, for nodes with several (split branches). */
  handleLabel?(config: C, handle: string): string;
}

export interface NodeHandle {
  id: string;
  label: string;
}

/** A node kind with its config type sealed in, so one registry can hold them all without casts. */
export interface NodeKind {
  type: NodeType;
  displayName: string;
  icon: IconName;
  colour: string;
  group: PaletteGroup;
  description: string;
  inputs: 'none' | 'one' | 'many';
  /** A new node of this kind with the engine's default settings. */
  create(id: string, position: { x: number; y: number }): StrategyNode;
  /** The one line shown on the node; undefined when its settings are invalid. */
  summarize(node: StrategyNode, labels: Labels): string | undefined;
  handles(node: StrategyNode): NodeHandle[];
  /** What changed in this node between two versions, setting by setting, in words. */
  diff(before: StrategyNode, after: StrategyNode, labels?: Labels): FieldChange[];
  /** Settings panel bound to a node; renders `fallback` when the stored settings do not parse. */
  Settings: ComponentType<{
    node: StrategyNode;
    onChange(config: unknown, coalesceKey?: string): void;
    problems: ProblemLookup;
    context: EditorContextValue;
  }>;
  /** The parsed settings, for checks outside the panel. */
  parse(node: StrategyNode): { ok: true } | { ok: false; messages: string[] };
}

export function defineNodeKind<C>(definition: NodeKindDefinition<C>): NodeKind {
  const { engine } = definition;
  const parse = (node: StrategyNode) => engine.configSchema.safeParse(node.config ?? {});
  function Settings({
    node,
    onChange,
    problems,
    context,
  }: {
    node: StrategyNode;
    onChange(config: unknown, coalesceKey?: string): void;
    problems: ProblemLookup;
    context: EditorContextValue;
  }) {
    const parsed = parse(node);
    if (!parsed.success)
      return (
        <InvalidSettings
          messages={parsed.error.issues.map((i) => `${i.path.join('.') || 'settings'}: ${i.message}`)}
          onReset={() => onChange(engine.defaultConfig())}
        />
      );
    const Panel = definition.Settings;
    return (
      <Panel
        nodeId={node.id}
        config={parsed.data}
        onChange={(next, key) => onChange(next, key)}
        problems={problems}
        context={context}
      />
    );
  }
  Settings.displayName = `${definition.displayName}Settings`;
  return {
    type: definition.type,
    displayName: definition.displayName,
    icon: definition.icon,
    colour: definition.colour,
    group: definition.group,
    description: definition.description,
    inputs: engine.inputs,
    create: (id, position) => ({ id, type: definition.type, position, config: engine.defaultConfig() }),
    summarize(node, labels) {
      const parsed = parse(node);
      return parsed.success ? engine.summarize(parsed.data, labels) : undefined;
    },
    handles(node) {
      const parsed = parse(node);
      if (!parsed.success) return definition.type === 'output' ? [] : [{ id: 'out', label: '' }];
      return engine
        .outputHandles(parsed.data)
        .map((id) => ({ id, label: definition.handleLabel?.(parsed.data, id) ?? (id === 'out' ? '' : id) }));
    },
    diff(before, after, labels) {
      const one = (node: StrategyNode) => ({
        schemaVersion: 1 as const,
        nodes: [{ ...node, id: 'node', position: undefined }],
        edges: [],
      });
      return diffStrategies(one(before), one(after), labels).nodes.changed[0]?.changes ?? [];
    },
    Settings,
    parse(node) {
      const parsed = parse(node);
      return parsed.success
        ? { ok: true }
        : { ok: false, messages: parsed.error.issues.map((i) => i.message) };
    },
  };
}

function InvalidSettings({ messages, onReset }: { messages: string[]; onReset(): void }) {
  return (
    <div className="panel-section">
      <p className="field-error" role="alert">
        These settings cannot be shown because they are damaged:
      </p>
      <ul>
        {messages.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
      <Button onClick={onReset}>Reset to the defaults</Button>
    </div>
  );
}

/** The settings type of a node type, as its engine spec declares it. */
export type ConfigOf<T extends NodeType> = (typeof NODE_SPECS)[T] extends NodeSpec<infer C> ? C : never;
