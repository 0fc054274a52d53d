import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { ReactFlowProvider, useReactFlow, useStoreApi } from '@xyflow/react';
import { validateStrategy, type StrategyDocument } from '@arbiter/engine';
import { NEW_DRAFT_LABEL } from '../review/review-rules';
import { Button, Tabs } from '../shared/ui';
import { Icon } from '../shared/icons';
import type { StrategySource } from '../strategies/strategy-source';
import { statusText } from './autosave/autosave-machine';
import { autoLayout } from './canvas/auto-layout';
import { READABLE_ZOOM, useShowReadable } from './canvas/readable-view';
import { connectionProblem } from './canvas/connection-rules';
import type { CanvasDecorations } from './canvas/document-flow';
import { StrategyCanvas } from './canvas/StrategyCanvas';
import {
  addNode,
  connect,
  copyFragment,
  dropDanglingBranchEdges,
  edgeKey,
  isFragment,
  moveNodes,
  nextNodeId,
  pasteFragment,
  removeElements,
  setNodeConfig,
  setNodeLabel,
  type Fragment,
  type Position,
} from './document-edits';
import { EditorContext, type EditorContextValue, type EditorEnvironment } from './editor-context';
import { canRedo, canUndo } from './history/history';
import { nodeKind } from './nodes/registry';
import { Palette } from './palette/Palette';
import { ConflictDialog } from './panels/ConflictDialog';
import { PropertyPanel } from './panels/PropertyPanel';
import { StrategyOverview } from './panels/StrategyOverview';
import { countErrors, problemCountText, problemsByNode } from './problems';
import { runStrategy, type RunOutcome } from './test-panel/run-strategy';
import { sampleFromSchema } from './test-panel/sample-customer';
import { checkTestCases, TestCaseStore, type TestCase } from './test-panel/test-cases';
import { exampleSamples, TestPanel, type SampleChoice } from './test-panel/TestPanel';
import { useEditorSession } from './use-editor-session';

export function EditorScreen({
  source,
  strategyId,
  onBack,
  onOpenStrategy,
  onReview,
  newDraftDenied,
}: {
  source: StrategySource;
  strategyId: string;
  onBack(): void;
  onOpenStrategy(id: string): void;
  onReview?: () => void;
  /** Why this user may not start a new draft (the sentence on the disabled button); undefined: they may. */
  newDraftDenied?: string;
}) {
  const session = useEditorSession(source, strategyId, onOpenStrategy);
  if (session.load.status === 'loading') return <div className="screen-message">Opening the strategy…</div>;
  if (session.load.status === 'error')
    return (
      <div className="screen-message" role="alert">
        <p>The strategy could not be opened: {session.load.message}</p>
        <Button onClick={onBack}>Back to strategies</Button>
      </div>
    );
  return (
    <ReactFlowProvider>
      <Editor
        session={session}
        env={session.load.env}
        onBack={onBack}
        strategyId={strategyId}
        onReview={onReview}
        newDraftDenied={newDraftDenied}
      />
    </ReactFlowProvider>
  );
}

type Session = ReturnType<typeof useEditorSession>;

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return (
    !!el &&
    (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable)
  );
}

function Editor({
  session,
  env,
  onBack,
  strategyId,
  onReview,
  newDraftDenied,
}: {
  session: Session;
  env: EditorEnvironment;
  onBack(): void;
  strategyId: string;
  onReview?: () => void;
  newDraftDenied?: string;
}) {
  const { store, version, autosave } = session;
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const doc = state.history.present;
  const readOnly = version?.status !== 'DRAFT';
  const flow = useReactFlow();
  const showReadable = useShowReadable();
  const flowSize = useStoreApi();
  /** Width / height of the canvas: Tidy up wraps a long flow into rows of about this shape. */
  const canvasAspect = useCallback(() => {
    const { width, height } = flowSize.getState();
    return width > 0 && height > 0 ? width / height : 1.6;
  }, [flowSize]);
  const sizesRef = useRef<() => Map<string, { width: number; height: number }>>(() => new Map());
  const [hint, setHint] = useState<string>();
  const [tab, showTab] = useState<'settings' | 'test'>('settings');
  // The side panel folds away to give the canvas the room of a large strategy; showing a tab unfolds it.
  const [panelOpen, setPanelOpen] = useState(true);
  const setTab = useCallback((next: 'settings' | 'test') => {
    showTab(next);
    setPanelOpen(true);
  }, []);
  const clipboard = useRef<Fragment>(undefined);

  const labels = useMemo(() => ({ schema: env.schema }), [env.schema]);
  const validation = useMemo(() => validateStrategy(doc, env), [doc, env]);
  const problems = validation.problems;

  // Test run state
  const [sample, setSample] = useState<SampleChoice>(
    () =>
      exampleSamples(env.actions.map((a) => a.id))[0] ?? {
        name: 'Sample customer',
        input: sampleFromSchema(env.schema),
      },
  );
  const [live, setLive] = useState(false);
  const [focusAction, setFocusAction] = useState<string>();
  const outcome: RunOutcome | undefined = useMemo(
    () => (live ? runStrategy(doc, env, sample.input) : undefined),
    [live, doc, env, sample],
  );
  const testCaseStore = useMemo(() => new TestCaseStore(), []);
  const [testCases, setTestCases] = useState<TestCase[]>(() => testCaseStore.list(strategyId));
  const updateTestCases = (cases: TestCase[]) => {
    setTestCases(cases);
    testCaseStore.save(strategyId, cases);
  };
  // Saved test cases run against every saved version of the draft.
  const testResults = useMemo(
    () => (session.savedDoc ? checkTestCases(session.savedDoc, env, testCases) : []),
    [session.savedDoc, env, testCases],
  );

  const decorations: CanvasDecorations = useMemo(() => {
    const trace = outcome?.ok ? outcome.result.trace : undefined;
    return {
      labels,
      problemsByNode: problemsByNode(problems),
      problemEdges: new Set(problems.flatMap((p) => (p.edgeId ? [p.edgeId] : []))),
      trace: trace
        ? { nodes: new Map(trace.nodes.map((n) => [n.nodeId, n])), path: new Set(trace.path), focusAction }
        : undefined,
    };
  }, [labels, problems, outcome, focusAction]);

  const context: EditorContextValue = useMemo(
    () => ({ doc, env, labels, sample }),
    [doc, env, labels, sample],
  );

  const selectedNode =
    state.selection.nodes.length === 1 ? doc.nodes.find((n) => n.id === state.selection.nodes[0]) : undefined;

  const announce = useCallback((message: string) => {
    setHint(message);
  }, []);
  useEffect(() => {
    if (!hint) return;
    const t = setTimeout(() => setHint(undefined), 5000);
    return () => clearTimeout(t);
  }, [hint]);

  const addStep = useCallback(
    (type: string, position?: Position) => {
      const kind = nodeKind(type);
      if (!kind || readOnly) return;
      const current = store.doc;
      const id = nextNodeId(current, type);
      const after = position
        ? undefined
        : current.nodes.find((n) => n.id === store.getState().selection.nodes[0]);
      let at = position;
      if (!at) {
        if (after?.position) at = { x: after.position.x + 260, y: after.position.y };
        else {
          const rect = document.querySelector('.canvas')?.getBoundingClientRect();
          const centre = rect
            ? flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 })
            : { x: 0, y: 0 };
          at = {
            x: centre.x - 120 + (current.nodes.length % 5) * 24,
            y: centre.y - 40 + (current.nodes.length % 5) * 24,
          };
        }
      }
      const node = kind.create(id, { x: Math.round(at.x), y: Math.round(at.y) });
      store.edit(
        (d) => {
          let next = addNode(d, node);
          if (after && !connectionProblem(next, { source: after.id, target: id }))
            next = connect(next, after.id, undefined, id);
          return next;
        },
        { select: { nodes: [id], edges: [] } },
      );
      setTab('settings');
      // Added from the keyboard: keep the new step in view.
      if (!position)
        setTimeout(
          () =>
            void flow.setCenter(node.position!.x + 105, node.position!.y + 48, {
              zoom: Math.max(flow.getZoom(), READABLE_ZOOM),
              duration: 200,
            }),
          80,
        );
      announce(
        after
          ? `${kind.displayName} added after ${after.label ?? nodeKind(after.type)?.displayName ?? after.id} and connected.`
          : `${kind.displayName} added. Its settings are on the right.`,
      );
    },
    [store, flow, readOnly, announce],
  );

  const runLayout = useCallback(async () => {
    const positions = await autoLayout(store.doc, sizesRef.current(), canvasAspect());
    store.edit((d) => moveNodes(d, positions));
    setTimeout(() => showReadable(300), 200);
  }, [store, canvasAspect, showReadable]);

  const fit = useCallback(() => void flow.fitView({ padding: 0.08, maxZoom: 1.1, duration: 300 }), [flow]);

  const selectNode = useCallback(
    (nodeId: string) => {
      store.select({ nodes: [nodeId], edges: [] });
      const node = store.doc.nodes.find((n) => n.id === nodeId);
      if (node?.position)
        void flow.setCenter(node.position.x + 120, node.position.y + 50, {
          zoom: Math.max(flow.getZoom(), 0.9),
          duration: 300,
        });
    },
    [store, flow],
  );

  // Keyboard shortcuts of the editor (text fields keep their own undo, copy and paste).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (!mod) return;
      const key = e.key.toLowerCase();
      if (key === 's') {
        e.preventDefault();
        session.saveNow();
        return;
      }
      if (key === 'enter') {
        e.preventDefault();
        setLive(true);
        setTab('test');
        return;
      }
      if (isTyping(e.target)) return;
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        store.undo();
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault();
        store.redo();
      } else if (key === 'a') {
        e.preventDefault();
        store.select({ nodes: store.doc.nodes.map((n) => n.id), edges: [] });
      } else if (key === 'c' || key === 'x') {
        const fragment = copyFragment(store.doc, store.getState().selection.nodes);
        if (!fragment) return;
        e.preventDefault();
        clipboard.current = fragment;
        void navigator.clipboard?.writeText(JSON.stringify(fragment)).catch(() => undefined);
        if (key === 'x' && !readOnly)
          store.edit((d) =>
            removeElements(
              d,
              fragment.nodes.map((n) => n.id),
            ),
          );
        announce(
          `${fragment.nodes.length} step${fragment.nodes.length === 1 ? '' : 's'} ${key === 'x' ? 'cut' : 'copied'}.`,
        );
      } else if (key === 'v' && !readOnly) {
        e.preventDefault();
        const paste = (fragment: Fragment) => {
          let ids: string[] = [];
          store.edit(
            (d) => {
              const result = pasteFragment(d, fragment, { x: 48, y: 48 });
              ids = result.nodeIds;
              return result.doc;
            },
            { select: { nodes: [], edges: [] } },
          );
          store.select({ nodes: ids, edges: [] });
          clipboard.current = {
            ...fragment,
            nodes: fragment.nodes.map((n) => ({
              ...n,
              position: n.position && { x: n.position.x + 48, y: n.position.y + 48 },
            })),
          };
          announce(`${ids.length} step${ids.length === 1 ? '' : 's'} pasted.`);
        };
        if (clipboard.current) paste(clipboard.current);
        else
          void navigator.clipboard
            ?.readText()
            .then((text) => {
              const parsed: unknown = JSON.parse(text);
              if (isFragment(parsed)) paste(parsed);
            })
            .catch(() => undefined);
      } else if (key === 'l' && e.shiftKey) {
        e.preventDefault();
        void runLayout();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, session, readOnly, runLayout, announce]);

  const { errors } = countErrors(problems);
  const saveLabel =
    autosave.status === 'saved' ? 'Saved' : autosave.status === 'saving' ? 'Saving…' : 'Save now';
  return (
    <EditorContext.Provider value={context}>
      <div className="editor">
        <header className="toolbar" role="toolbar" aria-label="Strategy editor">
          <Button variant="ghost" onClick={onBack} title="Back to all strategies">
            <Icon name="back" /> Strategies
          </Button>
          <div className="toolbar-title">
            <h1>{version?.strategyName}</h1>
            <span className={`status-pill status-${version?.status.toLowerCase()}`}>
              Version {version?.number} ·{' '}
              {version?.status === 'DRAFT' ? 'Draft' : version?.status.replace('_', ' ').toLowerCase()}
            </span>
          </div>
          {onReview && (
            <Button
              variant="ghost"
              onClick={onReview}
              title="Version history, review, publish and compare versions"
            >
              Versions &amp; review
            </Button>
          )}
          <div className="toolbar-group">
            <Button
              variant="ghost"
              onClick={() => store.undo()}
              disabled={!canUndo(state.history) || readOnly}
              shortcut="Ctrl+Z"
              title="Undo"
              aria-label="Undo"
            >
              <Icon name="undo" />
            </Button>
            <Button
              variant="ghost"
              onClick={() => store.redo()}
              disabled={!canRedo(state.history) || readOnly}
              shortcut="Ctrl+Shift+Z"
              title="Redo"
              aria-label="Redo"
            >
              <Icon name="redo" />
            </Button>
            <Button
              variant="ghost"
              onClick={() => void runLayout()}
              disabled={readOnly || doc.nodes.length === 0}
              shortcut="Ctrl+Shift+L"
              title="Tidy up: arrange the steps left to right"
              aria-label="Tidy up layout"
            >
              <Icon name="layout" /> Tidy up
            </Button>
            <Button
              variant="ghost"
              onClick={fit}
              title="Zoom to fit the whole strategy"
              aria-label="Zoom to fit"
            >
              <Icon name="fit" />
            </Button>
          </div>
          <div className="toolbar-group toolbar-right">
            {testCases.length > 0 && (
              <button
                type="button"
                className={`test-summary ${testResults.every((r) => r.passed) ? 'ok' : 'bad'}`}
                onClick={() => setTab('test')}
                title="Saved test cases, run after every save"
              >
                Tests {testResults.filter((r) => r.passed).length}/{testCases.length}{' '}
                {testResults.every((r) => r.passed) ? '✓' : '✗'}
              </button>
            )}
            <Button
              variant="secondary"
              onClick={() => {
                setLive(true);
                setTab('test');
              }}
              shortcut="Ctrl+Enter"
              title="Run the strategy for a test customer"
            >
              <Icon name="play" size={14} /> Test
            </Button>
            <span className={`save-status save-${autosave.status}`} role="status" aria-live="polite">
              {statusText(autosave)}
            </span>
            <Button
              variant={errors || autosave.status === 'saved' ? 'secondary' : 'primary'}
              onClick={session.saveNow}
              disabled={readOnly || autosave.status === 'saved' || autosave.status === 'saving'}
              shortcut="Ctrl+S"
              title="Save the draft now (it also saves by itself)"
              className="save-button"
            >
              <Icon name="save" size={14} /> {saveLabel}
              <span className={`save-problems ${errors ? 'has-errors' : ''}`}>
                {' '}
                · {problemCountText(problems)}
              </span>
            </Button>
          </div>
        </header>
        {readOnly && version && (
          <div className="banner" role="status">
            This version is {version.status.replace('_', ' ').toLowerCase()} and can no longer be changed.{' '}
            <Button
              variant="primary"
              onClick={() => void session.editAsNewDraft()}
              disabled={session.busy || newDraftDenied !== undefined}
              title={newDraftDenied}
            >
              {NEW_DRAFT_LABEL}
            </Button>
          </div>
        )}
        {session.environmentNote && (
          <div className="banner banner-info" role="status">
            Changed since you opened this strategy: {session.environmentNote} The steps are checked against
            the current catalog and schema.{' '}
            <Button variant="ghost" onClick={session.dismissEnvironmentNote}>
              OK
            </Button>
          </div>
        )}
        {session.restoredBackup && (
          <div className="banner banner-info" role="status">
            Unsaved changes from your last visit were restored and will be saved now.{' '}
            <Button variant="ghost" onClick={session.dismissRestored}>
              OK
            </Button>
          </div>
        )}
        <div
          className="editor-body"
          // A version that can no longer change has no use for the palette: the canvas takes its room.
          style={{ gridTemplateColumns: `${readOnly ? '' : '232px '}1fr ${panelOpen ? '430px' : '44px'}` }}
        >
          {!readOnly && <Palette onAdd={(type) => addStep(type)} disabled={readOnly} />}
          <main className="canvas-area">
            <StrategyCanvas
              store={store}
              doc={doc}
              generation={state.generation}
              decorations={decorations}
              readOnly={readOnly}
              onAddNode={addStep}
              onHint={announce}
              onStepClick={() => setTab('settings')}
              sizesRef={sizesRef}
            />
            <div className="hint" role="status" aria-live="polite">
              {hint}
            </div>
          </main>
          <aside className={`sidebar ${panelOpen ? '' : 'sidebar-folded'}`} aria-label="Settings and test">
            <Button
              variant="ghost"
              className="sidebar-fold"
              onClick={() => setPanelOpen((open) => !open)}
              title={panelOpen ? 'Hide the side panel: more room for the canvas' : 'Show the side panel'}
              aria-expanded={panelOpen}
            >
              <Icon name={panelOpen ? 'forward' : 'back'} size={14} />
              <span className="sr-only">{panelOpen ? 'Hide the side panel' : 'Show the side panel'}</span>
            </Button>
            {panelOpen && (
              <>
                <Tabs<'settings' | 'test'>
                  label="Side panel"
                  active={tab}
                  onChange={setTab}
                  tabs={[
                    { value: 'settings', label: selectedNode ? 'Step settings' : 'Strategy' },
                    { value: 'test', label: 'Test' },
                  ]}
                />
                <div className="sidebar-body" role="tabpanel">
                  {tab === 'settings' &&
                    (selectedNode ? (
                      <PropertyPanel
                        key={selectedNode.id}
                        node={selectedNode}
                        problems={problems.filter((p) => p.nodeId === selectedNode.id)}
                        readOnly={readOnly}
                        onConfig={(config, key) =>
                          store.edit(
                            (d) => dropDanglingBranchEdges(setNodeConfig(d, selectedNode.id, config)),
                            {
                              coalesceKey: key && `${selectedNode.id}:${key}`,
                            },
                          )
                        }
                        onLabel={(label) =>
                          store.edit((d) => setNodeLabel(d, selectedNode.id, label), {
                            coalesceKey: `${selectedNode.id}:label`,
                          })
                        }
                        onConnect={(handle, target) =>
                          store.edit((d) => connect(d, selectedNode.id, handle, target))
                        }
                        onDisconnect={(handle, target) =>
                          store.edit((d) =>
                            removeElements(
                              d,
                              [],
                              [edgeKey({ source: selectedNode.id, sourceHandle: handle, target })],
                            ),
                          )
                        }
                        onDelete={() => store.edit((d) => removeElements(d, [selectedNode.id]))}
                      />
                    ) : (
                      <StrategyOverview
                        doc={doc}
                        problems={problems}
                        readOnly={readOnly}
                        selectedCount={state.selection.nodes.length}
                        onSelectNode={selectNode}
                        onChange={(next: StrategyDocument, key?: string) =>
                          store.edit(() => next, { coalesceKey: key })
                        }
                      />
                    ))}
                  {tab === 'test' && (
                    <TestPanel
                      sample={sample}
                      onSampleChange={(s) => {
                        setSample(s);
                        setFocusAction(undefined);
                      }}
                      outcome={outcome}
                      onRun={() => setLive(true)}
                      onClear={() => {
                        setLive(false);
                        setFocusAction(undefined);
                      }}
                      focusAction={focusAction}
                      onFocusAction={(id) => {
                        setFocusAction(id);
                        const where =
                          id && outcome?.ok && outcome.result.trace
                            ? outcome.result.trace.nodes.find((n) =>
                                n.dropped?.some((d) => d.actionId === id),
                              )
                            : undefined;
                        if (where) selectNode(where.nodeId);
                      }}
                      onSelectNode={selectNode}
                      testCases={testCases}
                      testResults={testResults}
                      onTestCasesChange={updateTestCases}
                    />
                  )}
                </div>
              </>
            )}
          </aside>
        </div>
        {autosave.status === 'conflict' && (
          <ConflictDialog
            busy={session.busy}
            onReload={() => void session.resolveConflict('reload')}
            onOverwrite={() => void session.resolveConflict('overwrite')}
            onCopy={() => void session.resolveConflict('copy')}
          />
        )}
      </div>
    </EditorContext.Provider>
  );
}
