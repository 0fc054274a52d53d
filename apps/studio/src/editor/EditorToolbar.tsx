import type { StrategyDocument } from '@arbiter/engine';
import { Button } from '../shared/ui';
import { Icon, type IconName } from '../shared/icons';
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
        <ToolButton
          icon="undo"
          label="Undo"
          onClick={p.onUndo}
          disabled={!p.canUndo || p.readOnly}
          shortcut="Ctrl+Z"
        />
        <ToolButton
          icon="redo"
          label="Redo"
          onClick={p.onRedo}
          disabled={!p.canRedo || p.readOnly}
          shortcut="Ctrl+Shift+Z"
        />
        <ToolButton
          icon="layout"
          label="Tidy up layout"
          text="Tidy up"
          title="Tidy up: arrange the steps left to right"
          onClick={p.onLayout}
          disabled={p.readOnly || p.doc.nodes.length === 0}
          shortcut="Ctrl+Shift+L"
        />
        <ToolButton icon="fit" label="Zoom to fit" title="Zoom to fit the whole strategy" onClick={p.onFit} />
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

/** A ghost button of the canvas tools: an icon, named by `label` (also its tooltip unless `title`). */
function ToolButton({
  icon,
  label,
  text,
  title = label,
  ...rest
}: {
  icon: IconName;
  label: string;
  /** Words shown after the icon. */
  text?: string;
  title?: string;
  onClick(): void;
  disabled?: boolean;
  shortcut?: string;
}) {
  return (
    <Button variant="ghost" title={title} aria-label={label} {...rest}>
      <Icon name={icon} />
      {text && ` ${text}`}
    </Button>
  );
}
