import { NEW_DRAFT_LABEL } from '../review/review-rules';
import { Button } from '../shared/ui';
import type { useEditorSession } from './use-editor-session';

/** The notes above the canvas: a version that can no longer change, changes from elsewhere, restored work. */
export function EditorBanners({
  session,
  readOnly,
  newDraftDenied,
}: {
  session: ReturnType<typeof useEditorSession>;
  readOnly: boolean;
  newDraftDenied?: string;
}) {
  const { version } = session;
  return (
    <>
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
          Changed since you opened this strategy: {session.environmentNote} The steps are checked against the
          current catalog and schema.{' '}
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
    </>
  );
}
