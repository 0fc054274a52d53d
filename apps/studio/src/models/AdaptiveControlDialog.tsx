import { useId, useState } from 'react';
import { errorMessage } from '../shared/error-message';
import { Button, Dialog, Field, ErrorCallout } from '../shared/ui';

/** What a publisher does to an adaptive model (each asks for a reason, kept in the audit log). */
export type Control =
  | { kind: 'freeze' }
  | { kind: 'unfreeze' }
  | { kind: 'reset' }
  | { kind: 'rollback'; snapshotId: string; name: string };

// Freezing needs no word of its own: the frozen banner says it.
export const DONE_WORDS: Record<Control['kind'], (c: Control) => string | undefined> = {
  freeze: () => undefined,
  unfreeze: () => 'Learning again, first from the outcomes recorded while it was frozen.',
  reset: () => 'Reset: the model starts again from its prior; earlier snapshots stay listed.',
  rollback: (c) =>
    `Rolled back: decisions use what snapshot ${c.kind === 'rollback' ? c.name : ''} had learned, and learning goes on from there.`,
};

const CONTROL_WORDS: Record<Control['kind'], { title: string; body: string; confirm: string }> = {
  freeze: {
    title: 'Freeze learning',
    body: 'Decisions keep using the snapshot served now. Outcomes are recorded, and learned from once it is unfrozen.',
    confirm: 'Freeze',
  },
  unfreeze: {
    title: 'Unfreeze learning',
    body: 'The model learns again, first from the outcomes recorded while it was frozen.',
    confirm: 'Unfreeze',
  },
  reset: {
    title: 'Reset the model',
    body: 'The model starts again from its prior (or from nothing) and learns on from new outcomes. Earlier snapshots stay listed and can be rolled back to.',
    confirm: 'Reset',
  },
  rollback: {
    title: 'Roll back',
    body: 'Decisions use what the chosen snapshot had learned, and learning goes on from there (a new snapshot).',
    confirm: 'Roll back',
  },
};

/** Asks for the reason (it goes to the audit log) and confirms; a refusal stays in the dialog. */
export function ControlDialog({
  control,
  modelName,
  onClose,
  onConfirm,
}: {
  control: Control;
  modelName: string;
  onClose(): void;
  onConfirm(reason: string): Promise<void>;
}) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const words = CONTROL_WORDS[control.kind];
  const confirm = async () => {
    if (!reason.trim()) return setError('Give a reason: it is recorded in the audit log.');
    setBusy(true);
    setError(undefined);
    try {
      await onConfirm(reason.trim());
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={`${words.title}${control.kind === 'rollback' ? ` to snapshot ${control.name}` : ''}: ${modelName}`}
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant={control.kind === 'reset' ? 'danger' : 'primary'}
            disabled={busy}
            onClick={() => void confirm()}
          >
            {busy ? 'Working…' : words.confirm}
          </Button>
        </>
      }
    >
      <p>{words.body}</p>
      <Field label="Reason (recorded in the audit log)" htmlFor={`${id}-reason`}>
        <textarea
          id={`${id}-reason`}
          rows={3}
          value={reason}
          aria-invalid={error && !reason.trim() ? true : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
      </Field>
      {error && <ErrorCallout>{error}</ErrorCallout>}
    </Dialog>
  );
}
