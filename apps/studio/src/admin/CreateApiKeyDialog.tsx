import { useState } from 'react';
import { useServerQuery } from '../api/use-server-query';
import { Button, Dialog, Field, TextInput, ErrorCallout } from '../shared/ui';
import type { ApiKey, ApiKeysApi } from './admin-api';
import { adminError } from './admin-error';

const MAX_RATE = 1_000_000;

/** Name, scope (all strategies or chosen ones) and an optional rate limit of a new API key. */
export function CreateApiKeyDialog({
  api,
  onCreated,
  onCancel,
}: {
  api: ApiKeysApi;
  onCreated(created: { apiKey: ApiKey; secret: string }): void;
  onCancel(): void;
}) {
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'all' | 'chosen'>('all');
  const [chosen, setChosen] = useState<string[]>([]);
  const [rateText, setRateText] = useState('');
  const names = useServerQuery(() => api.strategies(), [api]);
  const strategies = names.data;
  const loadError = names.error === undefined ? undefined : adminError(names.failure);
  const [error, setError] = useState<string>();
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);

  const nameError = !name.trim()
    ? 'Give the key a name: which system uses it, e.g. “web shop”.'
    : name.trim().length > 100
      ? 'At most 100 characters.'
      : undefined;
  const rate = rateText.trim() === '' ? undefined : Number(rateText.trim());
  const rateError =
    rate !== undefined && !(Number.isInteger(rate) && rate >= 1 && rate <= MAX_RATE)
      ? 'Enter a whole number from 1 to 1,000,000, or leave it empty.'
      : undefined;
  const scopeError =
    scope === 'chosen' && chosen.length === 0 ? 'Choose at least one strategy, or allow all.' : undefined;

  const create = async () => {
    setTried(true);
    if (nameError || scopeError || rateError) return;
    setBusy(true);
    setError(undefined);
    try {
      onCreated(
        await api.create({
          name: name.trim(),
          strategyIds: scope === 'all' ? null : chosen,
          rateLimitPerSecond: rate ?? null,
        }),
      );
    } catch (err) {
      setError(adminError(err));
      setBusy(false);
    }
  };

  const toggle = (id: string, on: boolean) =>
    setChosen((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));

  return (
    <Dialog
      title="New API key"
      onClose={onCancel}
      actions={
        <>
          <Button onClick={onCancel}>Cancel</Button>
          <Button variant="primary" onClick={() => void create()} disabled={busy}>
            {busy ? 'Creating…' : 'Create key'}
          </Button>
        </>
      }
    >
      <form
        className="admin-form"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <Field
          label="Name"
          htmlFor="key-name"
          hint="Which calling system uses it, e.g. “web shop”."
          errors={tried && nameError ? [nameError] : undefined}
        >
          <TextInput
            id="key-name"
            label="Name"
            value={name}
            onChange={setName}
            invalid={tried && !!nameError}
            placeholder="web shop"
          />
        </Field>
        <fieldset className="key-scope">
          <legend className="field-label">May decide with</legend>
          <label className="choice">
            <input type="radio" name="key-scope" checked={scope === 'all'} onChange={() => setScope('all')} />{' '}
            All strategies, including future ones
          </label>
          <label className="choice">
            <input
              type="radio"
              name="key-scope"
              checked={scope === 'chosen'}
              onChange={() => setScope('chosen')}
            />{' '}
            Only the strategies chosen below
          </label>
          {scope === 'chosen' && (
            <div className="key-strategies" role="group" aria-label="Strategies this key may use">
              {loadError && <p className="callout callout-error">{loadError}</p>}
              {!strategies && !loadError && <p className="muted small">Loading strategies…</p>}
              {strategies?.length === 0 && <p className="muted small">There are no strategies yet.</p>}
              {strategies?.map((s) => (
                <label key={s.id} className="choice">
                  <input
                    type="checkbox"
                    checked={chosen.includes(s.id)}
                    onChange={(e) => toggle(s.id, e.target.checked)}
                  />{' '}
                  {s.name}
                </label>
              ))}
            </div>
          )}
          {tried && scopeError && (
            <div className="field-error" role="alert">
              {scopeError}
            </div>
          )}
        </fieldset>
        <Field
          label="Rate limit (requests per second)"
          htmlFor="key-rate"
          hint="Per API instance. Leave empty for the server’s default."
          errors={rateError ? [rateError] : undefined}
        >
          <TextInput
            id="key-rate"
            label="Rate limit (requests per second)"
            value={rateText}
            onChange={setRateText}
            invalid={!!rateError}
            placeholder="default"
          />
        </Field>
        {error && <ErrorCallout>{error}</ErrorCallout>}
      </form>
    </Dialog>
  );
}
