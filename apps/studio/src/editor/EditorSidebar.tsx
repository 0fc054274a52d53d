import { useMemo } from 'react';
import type { StrategyDocument, ValidationProblem } from '@arbiter/engine';
import { Button, Tabs } from '../shared/ui';
import { Icon } from '../shared/icons';
import type { RunOutcome } from './test-panel/run-strategy';
import {
  connect,
  dropDanglingBranchEdges,
  edgeKey,
  removeElements,
  setNodeConfig,
  setNodeLabel,
} from './document-edits';
import type { EditorStore } from './editor-store';
import { PropertyPanel } from './panels/PropertyPanel';
import { StrategyOverview } from './panels/StrategyOverview';
import { TestPanel } from './test-panel/TestPanel';
import type { TestRun } from './test-panel/use-test-run';

export type SidebarTab = 'settings' | 'test';

/** The side panel: the selected step's settings (or the strategy's), and the test. It folds away. */
export function EditorSidebar({
  store,
  doc,
  selectedCount,
  selectedNodeId,
  problems,
  readOnly,
  tab,
  onTab,
  open,
  onToggle,
  test,
  outcome,
  followedAction,
  onSelectNode,
}: {
  store: EditorStore;
  doc: StrategyDocument;
  selectedCount: number;
  selectedNodeId: string | undefined;
  problems: ValidationProblem[];
  readOnly: boolean;
  tab: SidebarTab;
  onTab(tab: SidebarTab): void;
  open: boolean;
  onToggle(): void;
  test: TestRun;
  outcome: RunOutcome | undefined;
  /** The action the outcome's trace follows. */
  followedAction: string | undefined;
  onSelectNode(id: string): void;
}) {
  const node = selectedNodeId ? doc.nodes.find((n) => n.id === selectedNodeId) : undefined;
  // The same list while the checks say the same: the step's settings do not render again for it.
  const nodeProblems = useMemo(
    () => problems.filter((p) => p.nodeId === selectedNodeId),
    [problems, selectedNodeId],
  );
  return (
    <aside className={`sidebar ${open ? '' : 'sidebar-folded'}`} aria-label="Settings and test">
      <Button
        variant="ghost"
        className="sidebar-fold"
        onClick={onToggle}
        title={open ? 'Hide the side panel: more room for the canvas' : 'Show the side panel'}
        aria-expanded={open}
      >
        <Icon name={open ? 'forward' : 'back'} size={14} />
        <span className="sr-only">{open ? 'Hide the side panel' : 'Show the side panel'}</span>
      </Button>
      {open && (
        <>
          <Tabs<SidebarTab>
            label="Side panel"
            active={tab}
            onChange={onTab}
            tabs={[
              { value: 'settings', label: node ? 'Step settings' : 'Strategy' },
              { value: 'test', label: 'Test' },
            ]}
          />
          <div className="sidebar-body" role="tabpanel">
            {tab === 'settings' &&
              (node ? (
                <PropertyPanel
                  key={node.id}
                  node={node}
                  problems={nodeProblems}
                  readOnly={readOnly}
                  onConfig={(config, key) =>
                    store.edit((d) => dropDanglingBranchEdges(setNodeConfig(d, node.id, config), node.id), {
                      coalesceKey: key && `${node.id}:${key}`,
                    })
                  }
                  onLabel={(label) =>
                    store.edit((d) => setNodeLabel(d, node.id, label), { coalesceKey: `${node.id}:label` })
                  }
                  onConnect={(handle, target) => store.edit((d) => connect(d, node.id, handle, target))}
                  onDisconnect={(handle, target) =>
                    store.edit((d) =>
                      removeElements(d, [], [edgeKey({ source: node.id, sourceHandle: handle, target })]),
                    )
                  }
                  onDelete={() => store.edit((d) => removeElements(d, [node.id]))}
                />
              ) : (
                <StrategyOverview
                  doc={doc}
                  problems={problems}
                  readOnly={readOnly}
                  selectedCount={selectedCount}
                  onSelectNode={onSelectNode}
                  onChange={(next: StrategyDocument, key?: string) =>
                    store.edit(() => next, { coalesceKey: key })
                  }
                />
              ))}
            {tab === 'test' && (
              <TestPanel
                sample={test.sample}
                onSampleChange={test.chooseSample}
                outcome={outcome}
                onRun={test.start}
                onClear={test.stop}
                focusAction={test.focusAction}
                followedAction={followedAction}
                onFocusAction={test.setFocusAction}
                onSelectNode={onSelectNode}
                testCases={test.testCases}
                testResults={test.testResults}
                onTestCasesChange={test.saveTestCases}
              />
            )}
          </div>
        </>
      )}
    </aside>
  );
}
