import { useState, type FormEvent } from 'react';
import type { Role } from '../api/generated/graphql';
import { errorsOf, TextField } from '../shared/labelled-fields';
import { Button, Field, ErrorCallout } from '../shared/ui';
import type { NewUser, User, UsersApi } from './admin-api';
import { adminError } from './admin-error';
import { ROLES } from './roles';
import { MIN_PASSWORD, newUserErrors, newUserWarning } from './user-validation';

const EMPTY: NewUser = { email: '', displayName: '', password: '', roles: [] };

/** A new user's email, name, first password and roles; checked before it is sent. */
export function CreateUserForm({
  api,
  onCreated,
  onCancel,
}: {
  api: UsersApi;
  onCreated(user: User): void;
  onCancel(): void;
}) {
  const [input, setInput] = useState<NewUser>(EMPTY);
  const [tried, setTried] = useState(false);
  // No role is allowed but rarely meant: the first submit without one only warns.
  const [warned, setWarned] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const errors = tried ? newUserErrors(input) : {};
  const warning = warned ? newUserWarning(input) : undefined;
  const set = (change: Partial<NewUser>) => setInput((current) => ({ ...current, ...change }));
  const toggleRole = (role: Role, on: boolean) =>
    set({ roles: on ? [...input.roles, role] : input.roles.filter((r) => r !== role) });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (Object.keys(newUserErrors(input)).length) return;
    if (newUserWarning(input) && !warned) return setWarned(true);
    setBusy(true);
    setError(undefined);
    try {
      onCreated(
        await api.create({ ...input, email: input.email.trim(), displayName: input.displayName.trim() }),
      );
      setInput(EMPTY);
      setTried(false);
      setWarned(false);
    } catch (err) {
      setError(adminError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="admin-card create-user"
      aria-label="New user"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h2>New user</h2>
      <div className="create-user-fields">
        <TextField
          id="user-email"
          label="Email"
          errors={errorsOf(errors.email)}
          value={input.email}
          onChange={(email) => set({ email })}
          placeholder="ana@example.com"
        />
        <TextField
          id="user-name"
          label="Name"
          errors={errorsOf(errors.displayName)}
          value={input.displayName}
          onChange={(displayName) => set({ displayName })}
          placeholder="Ana Silva"
        />
        <Field
          label="First password"
          htmlFor="user-password"
          hint={`At least ${MIN_PASSWORD} characters; tell it to the person in a safe way.`}
          errors={errorsOf(errors.password)}
        >
          <input
            id="user-password"
            type="password"
            autoComplete="new-password"
            aria-invalid={!!errors.password || undefined}
            className={errors.password ? 'invalid' : undefined}
            value={input.password}
            onChange={(e) => set({ password: e.target.value })}
          />
        </Field>
      </div>
      <fieldset className="create-user-roles">
        <legend className="field-label">Roles</legend>
        {ROLES.map(({ role, allows }) => (
          <label key={role} className="choice">
            <input
              type="checkbox"
              checked={input.roles.includes(role)}
              onChange={(e) => toggleRole(role, e.target.checked)}
            />{' '}
            <strong>{role}</strong> <span className="muted small">{allows}</span>
          </label>
        ))}
        {warning && <div className="field-warning">{warning}</div>}
      </fieldset>
      {error && <ErrorCallout>{error}</ErrorCallout>}
      <div className="form-actions">
        <Button onClick={onCancel}>Cancel</Button>
        <Button variant="primary" type="submit" disabled={busy}>
          {busy ? 'Creating…' : warning ? 'Create without a role' : 'Create user'}
        </Button>
      </div>
    </form>
  );
}
