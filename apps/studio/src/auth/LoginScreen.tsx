import { useState, type FormEvent } from 'react';
import { ApiError, request } from '../api/client';
import { LoginMutation } from '../api/operations';
import { session } from './session';
import { Field } from '../shared/ui';

export function LoginScreen() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const data = await request(LoginMutation, { email, password }, 'mutation');
      const { accessToken, refreshToken, user } = data.login;
      session.set({ accessToken, refreshToken, user });
    } catch (err) {
      setError(
        err instanceof ApiError && err.code === 'UNAUTHENTICATED'
          ? 'That email and password do not match. Check them and try again.'
          : (err as Error).message,
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="login">
      <form className="login-card" onSubmit={(e) => void submit(e)} aria-labelledby="login-title">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            A
          </span>
          Arbiter Studio
        </div>
        <h1 id="login-title">Sign in</h1>
        <p className="muted">Design the next best action for every customer.</p>
        <Field label="Email" htmlFor="login-email">
          <input
            id="login-email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            autoFocus
          />
        </Field>
        <Field label="Password" htmlFor="login-password">
          <input
            id="login-password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn-primary btn-wide" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="small muted">
          No server at hand? <a href="?local#/">Try the studio with example strategies</a> (saved in this
          browser only).
        </p>
      </form>
    </main>
  );
}
