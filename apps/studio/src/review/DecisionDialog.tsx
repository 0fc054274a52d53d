import { useState } from 'react';
import { Button, Dialog } from '../shared/ui';

/** Actions that ask before they change anything: a decision with a comment, or a change of what is live. */
export type ConfirmKind = 'approve' | 'reject' | 'publish' | 'rollback';

function confirmWords(kind: ConfirmKind, versionNumber: number, publishedNumber?: number) {
  const live = publishedNumber === undefined ? '' : ` Version ${publishedNumber}, live now, will be retired.`;
  switch (kind) {
    case 'approve':
      return { title: 'Approve this version', confirm: 'Approve' };
    case 'reject':
      return { title: 'Reject this version', confirm: 'Reject' };
    case 'publish':
      return {
        title: `Publish version ${versionNumber}?`,
        confirm: 'Publish',
        text: `Version ${versionNumber} will answer every decision from now on.${live}`,
      };
    case 'rollback':
      return {
        title: `Roll back to version ${versionNumber}?`,
        confirm: 'Roll back',
        text: `Version ${versionNumber} will answer every decision again.${live}`,
      };
  }
}

const COMMENT_LABEL: Record<Exclude<ConfirmKind, 'publish'>, string> = {
  approve: 'Comment (optional)',
  reject: 'What must change (required)',
  rollback: 'Why roll back (required)',
};

export function DecisionDialog({
  kind,
  versionNumber,
  publishedNumber,
  busy,
  fairness,
  onCancel,
  onConfirm,
}: {
  kind: ConfirmKind;
  versionNumber: number;
  publishedNumber?: number;
  busy: boolean;
  /** Approve: what the failed fairness checks found; a written justification is required then. */
  fairness: readonly string[];
  onCancel(): void;
  onConfirm(comment: string, justification?: string): void;
}) {
  const [comment, setComment] = useState('');
  const [justification, setJustification] = useState('');
  const [missing, setMissing] = useState(false);
  const words = confirmWords(kind, versionNumber, publishedNumber);
  // A rejection says what must change; a rollback why (the audit log keeps it).
  const needs = kind === 'reject' || kind === 'rollback';
  const needsJustification = fairness.length > 0;
  const confirm = () => {
    if (needs && !comment.trim()) {
      setMissing(true);
      document.getElementById('decision-comment')?.focus();
      return;
    }
    if (needsJustification && !justification.trim()) {
      setMissing(true);
      document.getElementById('decision-justification')?.focus();
      return;
    }
    onConfirm(comment.trim(), needsJustification ? justification.trim() : undefined);
  };
  return (
    <Dialog
      title={words.title}
      onClose={onCancel}
      actions={
        <>
          <Button onClick={onCancel}>Cancel</Button>
          <Button variant={kind === 'reject' ? 'danger' : 'primary'} disabled={busy} onClick={confirm}>
            {words.confirm}
          </Button>
        </>
      }
    >
      {words.text && <p>{words.text}</p>}
      {needsJustification && (
        <>
          <div className="callout callout-warning">
            <p>The fairness check of this version’s simulation failed:</p>
            <ul>
              {fairness.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          </div>
          <label className="field-label" htmlFor="decision-justification">
            Justification (required: why approve it anyway)
          </label>
          <textarea
            id="decision-justification"
            rows={4}
            value={justification}
            aria-invalid={missing && !justification.trim() ? true : undefined}
            aria-describedby={missing && !justification.trim() ? 'decision-justification-missing' : undefined}
            onChange={(e) => setJustification(e.target.value)}
          />
          {missing && !justification.trim() && (
            <p id="decision-justification-missing" className="callout callout-error" role="alert">
              Write why approving is justified: it is kept with the review and in the audit log.
            </p>
          )}
        </>
      )}
      {kind !== 'publish' && (
        <>
          <label className="field-label" htmlFor="decision-comment">
            {COMMENT_LABEL[kind]}
          </label>
          <textarea
            id="decision-comment"
            rows={4}
            value={comment}
            aria-invalid={needs && missing && !comment.trim() ? true : undefined}
            aria-describedby={needs && missing ? 'decision-comment-missing' : undefined}
            onChange={(e) => setComment(e.target.value)}
          />
          {needs && missing && !comment.trim() && (
            <p id="decision-comment-missing" className="callout callout-error" role="alert">
              {kind === 'rollback'
                ? 'Say why: the reason is kept in the audit log with the rollback.'
                : 'Say what must change: the designer gets the version back as a draft with this comment.'}
            </p>
          )}
        </>
      )}
    </Dialog>
  );
}
