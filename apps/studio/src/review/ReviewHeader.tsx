import { Button } from '../shared/ui';

export function ReviewHeader({
  title,
  onBack,
  onOpenEditor,
  onOpenExperiments,
  roles,
}: {
  title: string;
  onBack(): void;
  onOpenEditor?: () => void;
  onOpenExperiments?: () => void;
  roles?: readonly string[];
}) {
  return (
    <header className="toolbar review-toolbar">
      <Button variant="ghost" onClick={onBack} title="Back to all strategies">
        ← Strategies
      </Button>
      <div className="toolbar-title">
        <h1>{title}</h1>
        <span className="muted small">Versions and review</span>
      </div>
      <span className="toolbar-spacer" />
      {roles && <span className="muted small">Your roles: {roles.join(', ') || 'none'}</span>}
      {onOpenExperiments && <Button onClick={onOpenExperiments}>Experiments</Button>}
      {onOpenEditor && <Button onClick={onOpenEditor}>Open in editor</Button>}
    </header>
  );
}
