import { useEffect, useId, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { errorMessage } from '../shared/error-message';
import { Button } from '../shared/ui';
import { graphqlFairnessSettingsApi, type FairnessSettingsApi } from './fairness-settings-api';

/** Where an admin sets the thresholds every fairness check is judged with (the four-fifths rule). */
export function FairnessSettingsPanel({ api = graphqlFairnessSettingsApi }: { api?: FairnessSettingsApi }) {
  const id = useId();
  const [form, setForm] = useState<{ ratioFloor: string; minGroupSize: string }>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  useEffect(() => {
    api.load().then(
      (s) => setForm({ ratioFloor: String(s.ratioFloor), minGroupSize: String(s.minGroupSize) }),
      (err: unknown) =>
        setMessage({ ok: false, text: `Could not load the thresholds: ${errorMessage(err)}` }),
    );
  }, [api]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!form) return;
    const ratioFloor = Number(form.ratioFloor.replace(',', '.'));
    const minGroupSize = Number(form.minGroupSize);
    const problems: Record<string, string> = {};
    if (!form.ratioFloor.trim() || !(ratioFloor > 0 && ratioFloor <= 1))
      problems.ratioFloor = 'must be more than 0 and at most 1';
    if (!Number.isInteger(minGroupSize) || minGroupSize < 1)
      problems.minGroupSize = 'must be a whole number, at least 1';
    setErrors(problems);
    if (Object.keys(problems).length) return;
    try {
      const saved = await api.save({ ratioFloor, minGroupSize });
      setForm({ ratioFloor: String(saved.ratioFloor), minGroupSize: String(saved.minGroupSize) });
      setMessage({
        ok: true,
        text: 'Saved: every fairness check is judged with these thresholds from now on.',
      });
    } catch (err) {
      const details =
        err instanceof ApiError && Array.isArray(err.details)
          ? (err.details as { field?: string; message?: string }[])
          : [];
      setErrors(
        Object.fromEntries(
          details.map((d) => [String(d.field).replace(/^input\./, ''), d.message ?? 'is not valid']),
        ),
      );
      setMessage({ ok: false, text: `Not saved: ${errorMessage(err)}` });
    }
  };

  return (
    <section className="schema-section fairness-settings" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Fairness check thresholds</h2>
      <p className="muted small">
        Every simulation reports, per protected field, how often each group gets each action first. A group
        getting an action at less than the ratio floor times the best-served group's rate fails the check
        (0.8: the four-fifths rule); approving such a version then needs a written justification. Groups
        smaller than the minimum size are shown but not judged.
      </p>
      {form && (
        <form className="fairness-settings-form" onSubmit={(e) => void submit(e)}>
          <ThresholdInput
            id={`${id}-floor`}
            label="Ratio floor"
            name="Ratio floor"
            inputMode="decimal"
            value={form.ratioFloor}
            error={errors.ratioFloor}
            onChange={(ratioFloor) => setForm({ ...form, ratioFloor })}
          />
          <ThresholdInput
            id={`${id}-size`}
            label="Minimum group size (customers)"
            name="Minimum group size"
            inputMode="numeric"
            value={form.minGroupSize}
            error={errors.minGroupSize}
            onChange={(minGroupSize) => setForm({ ...form, minGroupSize })}
          />
          <Button type="submit" variant="primary">
            Save thresholds
          </Button>
        </form>
      )}
      {message && (
        <p
          className={message.ok ? 'ok-text' : 'callout callout-error'}
          role={message.ok ? 'status' : 'alert'}
        >
          {message.text}
        </p>
      )}
    </section>
  );
}

/** A threshold's label, input and problem; `name` starts the problem's sentence. */
function ThresholdInput({
  id,
  label,
  name,
  inputMode,
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  name: string;
  inputMode: 'decimal' | 'numeric';
  value: string;
  error: string | undefined;
  onChange(value: string): void;
}) {
  return (
    <>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        inputMode={inputMode}
        value={value}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <p className="field-error">
          {name} {error}
        </p>
      )}
    </>
  );
}
