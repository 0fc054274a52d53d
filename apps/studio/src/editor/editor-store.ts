import type { StrategyDocument } from '@arbiter/engine';
import { canRedo, canUndo, createHistory, record, redo, undo, type History } from './history/history';

export interface Selection {
  nodes: readonly string[];
  edges: readonly string[];
}

export interface EditorState {
  history: History<StrategyDocument>;
  selection: Selection;
  /** Bumped when the document is replaced from outside (load, reload), so views can re-fit. */
  generation: number;
}

const NO_SELECTION: Selection = { nodes: [], edges: [] };

/**
 * The document being edited, its undo history and the selection. Plain TypeScript so it can be
 * tested without React; components read it through useEditorState.
 */
export class EditorStore {
  private state: EditorState;
  private readonly listeners = new Set<() => void>();
  private readonly editListeners = new Set<(doc: StrategyDocument) => void>();

  constructor(doc: StrategyDocument) {
    this.state = { history: createHistory(doc), selection: NO_SELECTION, generation: 0 };
  }

  getState = (): EditorState => this.state;

  get doc(): StrategyDocument {
    return this.state.history.present;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Called after every change of the document by the designer (edit, undo, redo); not on reset. */
  onEdit(listener: (doc: StrategyDocument) => void): () => void {
    this.editListeners.add(listener);
    return () => this.editListeners.delete(listener);
  }

  edit(
    change: (doc: StrategyDocument) => StrategyDocument,
    options: { coalesceKey?: string; select?: Selection } = {},
  ): void {
    const next = change(this.doc);
    if (next === this.doc) {
      if (options.select) this.select(options.select);
      return;
    }
    this.set(
      {
        ...this.state,
        history: record(this.state.history, next, { coalesceKey: options.coalesceKey }),
        selection: this.prune(next, options.select ?? this.state.selection),
      },
      true,
    );
  }

  undo(): void {
    if (!canUndo(this.state.history)) return;
    const history = undo(this.state.history);
    this.set({ ...this.state, history, selection: this.prune(history.present, this.state.selection) }, true);
  }

  redo(): void {
    if (!canRedo(this.state.history)) return;
    const history = redo(this.state.history);
    this.set({ ...this.state, history, selection: this.prune(history.present, this.state.selection) }, true);
  }

  select(selection: Selection): void {
    const same =
      selection.nodes.length === this.state.selection.nodes.length &&
      selection.edges.length === this.state.selection.edges.length &&
      selection.nodes.every((n, i) => n === this.state.selection.nodes[i]) &&
      selection.edges.every((e, i) => e === this.state.selection.edges[i]);
    if (!same) this.set({ ...this.state, selection }, false);
  }

  /** Replaces the document and forgets the history (a version was loaded or reloaded). */
  reset(doc: StrategyDocument): void {
    this.set(
      { history: createHistory(doc), selection: NO_SELECTION, generation: this.state.generation + 1 },
      false,
    );
  }

  private prune(doc: StrategyDocument, selection: Selection): Selection {
    const ids = new Set(doc.nodes.map((n) => n.id));
    const nodes = selection.nodes.filter((id) => ids.has(id));
    return nodes.length === selection.nodes.length ? selection : { nodes, edges: selection.edges };
  }

  private set(state: EditorState, edited: boolean): void {
    const docChanged = state.history.present !== this.state.history.present;
    this.state = state;
    for (const l of this.listeners) l();
    if (edited && docChanged) for (const l of this.editListeners) l(state.history.present);
  }
}
