import type { SessionUser } from '../auth/session';

// Placeholder: being built.
export function ApiKeysScreen(props: { user: SessionUser }) {
  void props;
  return <main className="page-main">API keys</main>;
}
