import { Button, Dialog, ErrorCallout } from '../shared/ui';
import type { CatalogAction } from './catalog-api';
import { needsConfirmation, type ChangeImpact } from './change-impact';
import { ChangeImpactList } from './ChangeImpactList';

export interface Deleting {
  action: CatalogAction;
  error?: string;
  busy?: boolean;
  impact?: ChangeImpact;
}

/** Before deleting: what it does, and which strategy versions read the action. */
export function DeleteActionDialog({
  deleting,
  onCancel,
  onConfirm,
}: {
  deleting: Deleting;
  onCancel(): void;
  onConfirm(): void;
}) {
  return (
    <Dialog
      title={`Delete ${deleting.action.id}?`}
      onClose={onCancel}
      actions={
        <>
          <Button onClick={onCancel}>Cancel</Button>
          <Button variant="danger" disabled={deleting.busy || deleting.impact?.refused} onClick={onConfirm}>
            Delete action
          </Button>
        </>
      }
    >
      <p>
        “{deleting.action.name}” leaves the catalog. Strategies that refer to{' '}
        <span className="mono">{deleting.action.id}</span> will no longer find it.
      </p>
      {needsConfirmation(deleting.impact) && (
        <ChangeImpactList impact={deleting.impact!} subject={`“${deleting.action.name}”`} />
      )}
      {deleting.error && <ErrorCallout>{deleting.error}</ErrorCallout>}
    </Dialog>
  );
}

/** Before saving an edit that strategy versions read: which ones, and what it does to them. */
export function SaveAnywayDialog({
  subject,
  impact,
  onBack,
  onSave,
}: {
  subject: string;
  impact: ChangeImpact;
  onBack(): void;
  onSave(): void;
}) {
  return (
    <Dialog
      title={`Save “${subject}”?`}
      onClose={onBack}
      actions={
        <>
          <Button onClick={onBack}>Back to editing</Button>
          <Button
            variant="primary"
            disabled={impact.refused}
            title={impact.refused ? 'The server would refuse it: see why above.' : undefined}
            onClick={onSave}
          >
            Save anyway
          </Button>
        </>
      }
    >
      <ChangeImpactList impact={impact} subject={`“${subject}”`} />
    </Dialog>
  );
}
