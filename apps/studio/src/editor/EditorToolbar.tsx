import type { StrategyDocument } from '@arbiter/engine';
import { Button } from '../shared/ui';
import { Icon } from '../shared/icons';
import type { OpenedVersion } from '../strategies/strategy-source';
import { statusText, type AutosaveState } from './autosave/autosave-machine';
import { StepSearch } from './step-search/StepSearch';
import type { TestCaseResult } from './test-panel/test-cases';

export interface EditorToolbarProps {
  version: OpenedVersion | undefined;
  doc: StrategyDocument;
  readOnly: boolean;
  canUndo: boolean;
  canRedo: boolean;
  autosave: AutosaveState;
  /** "3 problems, 1 warning"; "Checking…" while the latest edit is being checked. */
  problemText: string;
  hasErrors: boolean;
  testResults: TestCaseResult[];
  onBack(): void;
  onReview?: () => void;
  onUndo(): void;
  onRedo(): void;
  onLayout(): void;
  onFit(): void;
  onFocusStep(id: string): void;
  onShowTests(): void;
  onTest(): void;
  onSave(): void;
}

export function EditorToolbar(p: EditorToolbarProps) {
  const { version, autosave } = p;
  const passed = p.testResults.filter((r) => r.passed).length;
  const allPassed = passed === p.testResults.length;
  const saveLabel =
    autosave.status === 'saved' ? 'Saved' : autosave.status === 'saving' ? 'Saving…' : 'Save now';
  return (
    <header className="toolbar" role="toolbar" aria-label="Strategy editor">
      <Button variant="ghost" onClick={p.onBack} title="Back to all strategies">
        <Icon name="back" /> Strategies
      </Button>
      <div className="toolbar-title">
        <h1>{version?.strategyName}</h1>
        <span className={`status-pill status-${version?.status.toLowerCase()}`}>
          Version {version?.number} ·{' '}
          {version?.status === 'DRAFT' ? 'Draft' : version?.status.replace('_', ' ').toLowerCase()}
        </span>
      </div>
      {p.onReview && (
        <Button
          variant="ghost"
          onClick={p.onReview}
          title="Version history, review, publish and compare versions"
        >
          Versions &amp; review
        </Button>
      )}
      <div className="toolbar-group">
        <Button
          variant="ghost"
          onClick={p.onUndo}
          disabled={!p.canUndo || p.readOnly}
          shortcut="Ctrl+Z"
          title="Undo"
          aria-label="Undo"
        >
          <Icon name="undo" />
        </Button>
        <Button
          variant="ghost"
          onClick={p.onRedo}
          disabled={!p.canRedo || p.readOnly}
          shortcut="Ctrl+Shift+Z"
          title="Redo"
          aria-label="Redo"
        >
          <Icon name="redo" />
        </Button>
        <Button
          variant="ghost"
          onClick={p.onLayout}
          disabled={p.readOnly || p.doc.nodes.length === 0}
          shortcut="Ctrl+Shift+L"
          title="Tidy up: arrange the steps left to right"
          aria-label="Tidy up layout"
        >
          <Icon name="layout" /> Tidy up
        </Button>
        <Button
          variant="ghost"
          onClick={p.onFit}
          title="Zoom to fit the whole strategy"
          aria-label="Zoom to fit"
        >
          <Icon name="fit" />
        </Button>
        <StepSearch doc={p.doc} onFocusStep={p.onFocusStep} />
      </div>
      <div className="toolbar-group toolbar-right">
        {p.testResults.length > 0 && (
          <button
            type="button"
            className={`test-summary ${allPassed ? 'ok' : 'bad'}`}
            onClick={p.onShowTests}
            title="Saved test cases, run after every save"
          >
            Tests {passed}/{p.testResults.length} {allPassed ? '✓' : '✗'}
          </button>
        )}
        <Button
          variant="secondary"
          onClick={p.onTest}
          shortcut="Ctrl+Enter"
          title="Run the strategy for a test customer"
        >
          <Icon name="play" size={14} /> Test
        </Button>
        <span className={`save-status save-${autosave.status}`} role="status" aria-live="polite">
          {statusText(autosave)}
        </span>
        <Button
          variant={p.hasErrors || autosave.status === 'saved' ? 'secondary' : 'primary'}
          onClick={p.onSave}
          disabled={p.readOnly || autosave.status === 'saved' || autosave.status === 'saving'}
          shortcut="Ctrl+S"
          title="Save the draft now (it also saves by itself)"
          className="save-button"
        >
          <Icon name="save" size={14} /> {saveLabel}
          <span className={`save-problems ${p.hasErrors ? 'has-errors' : ''}`}> · {p.problemText}</span>
        </Button>
      </div>
    </header>
  );
}
