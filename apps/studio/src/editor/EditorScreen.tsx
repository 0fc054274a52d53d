import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { ReactFlowProvider, useReactFlow, useStoreApi } from '@xyflow/react';
import { Button, InputErrorsContext } from '../shared/ui';
import type { StrategySource } from '../strategies/strategy-source';
import { autoLayout } from './canvas/auto-layout';
import { useShowReadable } from './canvas/readable-view';
import { StrategyCanvas } from './canvas/StrategyCanvas';
import { BranchToggleContext } from './canvas/collapsed-branches';
import { GroupExpandContext } from './canvas/collapsed-groups';
import { useCanvasView, useSelectStep } from './canvas/use-canvas-view';
import { useStrategyChecks } from './checks/use-strategy-checks';
import { moveNodes } from './document-edits';
import { EditorBanners } from './EditorBanners';
import { EditorContext, type EditorContextValue, type EditorEnvironment } from './editor-context';
import { EditorSidebar, type SidebarTab } from './EditorSidebar';
import { EditorToolbar } from './EditorToolbar';
import { canRedo, canUndo } from './history/history';
import { Palette } from './palette/Palette';
import { ConflictDialog } from './panels/ConflictDialog';
import { countErrors, problemCountText } from './problems';
import { useTestRun } from './test-panel/use-test-run';
import { useAddStep } from './use-add-step';
import { useEditorSession } from './use-editor-session';
import { useEditorShortcuts } from './use-editor-shortcuts';
import { useInputErrors } from './use-input-errors';

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

function Editor({
  session,
  env,
  onBack,
  strategyId,
  onReview,
  newDraftDenied,
}: {
  session: ReturnType<typeof useEditorSession>;
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
  const sizesRef = useRef<() => Map<string, { width: number; height: number }>>(() => new Map());
  const [hint, setHint] = useState<string>();
  const [tab, showTab] = useState<SidebarTab>('settings');
  // The side panel folds away to give the canvas the room of a large strategy; showing a tab unfolds it.
  const [panelOpen, setPanelOpen] = useState(true);
  const setTab = useCallback((next: SidebarTab) => {
    showTab(next);
    setPanelOpen(true);
  }, []);
  const [inputErrors, reportInputError] = useInputErrors();
  const test = useTestRun(strategyId, env, session.savedDoc);
  const checks = useStrategyChecks(doc, env, test.live ? test.sample.input : undefined, test.focusAction);
  const problems = useMemo(() => checks.problems ?? [], [checks.problems]);
  const outcome = checks.outcome;
  const labels = useMemo(() => ({ schema: env.schema }), [env.schema]);

  const view = useCanvasView(doc, strategyId, labels, problems, outcome, test.focusAction);
  const { folds, groups, decorations } = view;
  const context: EditorContextValue = useMemo(
    () => ({ doc, env, labels, sample: test.sample }),
    [doc, env, labels, test.sample],
  );

  const announce = useCallback((message: string) => setHint(message), []);
  useEffect(() => {
    if (!hint) return;
    const t = setTimeout(() => setHint(undefined), 5000);
    return () => clearTimeout(t);
  }, [hint]);

  const showSettings = useCallback(() => setTab('settings'), [setTab]);
  const addStep = useAddStep(store, readOnly, announce, showSettings);
  const runLayout = useCallback(async () => {
    const { width, height } = flowSize.getState();
    // Width / height of the canvas: Tidy up wraps a long flow into rows of about this shape.
    const aspect = width > 0 && height > 0 ? width / height : 1.6;
    const positions = await autoLayout(store.doc, sizesRef.current(), aspect);
    store.edit((d) => moveNodes(d, positions));
    setTimeout(() => showReadable(300), 200);
  }, [store, flowSize, showReadable]);
  const fit = useCallback(() => void flow.fitView({ padding: 0.08, maxZoom: 1.1, duration: 300 }), [flow]);

  const selectNode = useSelectStep(store, view);
  const focusStep = useCallback(
    (nodeId: string) => {
      selectNode(nodeId);
      setTab('settings');
    },
    [selectNode, setTab],
  );
  const startTest = useCallback(() => {
    test.start();
    setTab('test');
  }, [test, setTab]);

  useEditorShortcuts(store, readOnly, {
    save: session.saveNow,
    test: startTest,
    layout: () => void runLayout(),
    announce,
  });

  const { errors } = countErrors(problems);
  return (
    <EditorContext.Provider value={context}>
      <InputErrorsContext.Provider value={reportInputError}>
        {/* data-checking: the latest edit is still being checked (the steps' marks may change). */}
        <div className="editor" data-checking={checks.checking}>
          <EditorToolbar
            version={version}
            doc={doc}
            readOnly={readOnly}
            canUndo={canUndo(state.history)}
            canRedo={canRedo(state.history)}
            autosave={autosave}
            problemText={checks.problems ? problemCountText(problems, inputErrors.length) : 'checking…'}
            hasErrors={errors + inputErrors.length > 0}
            testResults={test.testCases.length ? test.testResults : []}
            onBack={onBack}
            onReview={onReview}
            onUndo={() => store.undo()}
            onRedo={() => store.redo()}
            onLayout={() => void runLayout()}
            onFit={fit}
            onFocusStep={focusStep}
            onShowTests={() => setTab('test')}
            onTest={startTest}
            onSave={session.saveNow}
          />
          <EditorBanners session={session} readOnly={readOnly} newDraftDenied={newDraftDenied} />
          <div
            className="editor-body"
            // A version that can no longer change has no use for the palette: the canvas takes its room.
            style={{ gridTemplateColumns: `${readOnly ? '' : '232px '}1fr ${panelOpen ? '430px' : '44px'}` }}
          >
            {!readOnly && <Palette onAdd={(type) => addStep(type)} disabled={readOnly} />}
            <main className="canvas-area">
              <BranchToggleContext.Provider value={folds.toggle}>
                <GroupExpandContext.Provider value={view.expandGroup}>
                  <StrategyCanvas
                    store={store}
                    doc={doc}
                    generation={state.generation}
                    decorations={decorations}
                    readOnly={readOnly}
                    onAddNode={addStep}
                    onHint={announce}
                    onStepClick={showSettings}
                    sizesRef={sizesRef}
                    onCollapseGroup={groups.collapse}
                  />
                </GroupExpandContext.Provider>
              </BranchToggleContext.Provider>
              <div className="hint" role="status" aria-live="polite">
                {hint}
              </div>
            </main>
            <EditorSidebar
              store={store}
              doc={doc}
              selectedCount={state.selection.nodes.length}
              selectedNodeId={state.selection.nodes.length === 1 ? state.selection.nodes[0] : undefined}
              problems={problems}
              readOnly={readOnly}
              tab={tab}
              onTab={setTab}
              open={panelOpen}
              onToggle={() => setPanelOpen((open) => !open)}
              test={test}
              outcome={outcome}
              followedAction={checks.followed}
              onSelectNode={selectNode}
            />
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
      </InputErrorsContext.Provider>
    </EditorContext.Provider>
  );
}
