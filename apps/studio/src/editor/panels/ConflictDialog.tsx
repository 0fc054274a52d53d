import { Button, Dialog } from '../../shared/ui';

/** Someone saved the draft in between: the designer decides; nothing is thrown away silently. */
export function ConflictDialog({
  onReload,
  onOverwrite,
  onCopy,
  busy,
}: {
  onReload(): void;
  onOverwrite(): void;
  onCopy(): void;
  busy: boolean;
}) {
  return (
    <Dialog
      title="Someone else saved this draft"
      actions={
        <>
          <Button variant="secondary" onClick={onReload} disabled={busy}>
            Load their version
          </Button>
          <Button variant="secondary" onClick={onCopy} disabled={busy}>
            Save mine as a copy
          </Button>
          <Button variant="danger" onClick={onOverwrite} disabled={busy}>
            Overwrite with mine
          </Button>
        </>
      }
    >
      <p>
        While you were editing, this draft was saved by someone else (or in another tab). Your changes are
        safe in this window. Choose what to do:
      </p>
      <ul>
        <li>
          <strong>Load their version</strong>: discard your unsaved changes and continue from theirs.
        </li>
        <li>
          <strong>Save mine as a copy</strong>: keep both; your version becomes a new strategy.
        </li>
        <li>
          <strong>Overwrite with mine</strong>: replace their changes with yours.
        </li>
      </ul>
    </Dialog>
  );
}
