import { useRef, useState } from 'react';
import { Button, Dialog } from '../shared/ui';

/**
 * The new key's secret, shown this once (the API stores only its hash), with a copy button and how
 * to call the decision API with it.
 */
export function SecretDialog({
  name,
  secret,
  strategy,
  onClose,
}: {
  name: string;
  secret: string;
  /** The name of the first strategy the key may decide with; undefined for a key scoped to all. */
  strategy?: string;
  onClose(): void;
}) {
  const [copied, setCopied] = useState<'yes' | 'failed'>();
  const field = useRef<HTMLInputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      field.current?.select();
      setCopied('failed');
    }
  };
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  return (
    <Dialog
      title={`API key “${name}” created`}
      onClose={onClose}
      actions={
        <Button variant="primary" onClick={onClose}>
          I have stored it, close
        </Button>
      }
    >
      <p className="callout callout-warning" role="note">
        <strong>Copy the key now: you will not see it again.</strong> Arbiter keeps only a fingerprint of it.
        If it is lost, create a new key and revoke this one.
      </p>
      <div className="secret-row">
        <input
          ref={field}
          className="secret-value code"
          aria-label="The new API key"
          value={secret}
          readOnly
          onFocus={(e) => e.target.select()}
        />
        <Button onClick={() => void copy()}>Copy</Button>
      </div>
      <p className="small muted" aria-live="polite">
        {copied === 'yes' && 'Copied to the clipboard.'}
        {copied === 'failed' && 'The browser did not allow copying: the key is selected, press Ctrl+C.'}
      </p>
      <p className="small">
        The calling system sends it on every decision request, as{' '}
        <code>Authorization: Bearer &lt;key&gt;</code> (or <code>X-API-Key: &lt;key&gt;</code>):
      </p>
      <pre className="usage-example code">
        {`curl -X POST ${origin}/api/v1/decisions \\
  -H "Authorization: Bearer ${secret}" \\
  -H "Content-Type: application/json" \\
  -d '${JSON.stringify({ strategy: strategy ?? '<strategy name or id>', customer: { id: 'c-42' } }).replace(/'/g, "'\\''")}'`}
      </pre>
    </Dialog>
  );
}
