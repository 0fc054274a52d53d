import type { SessionUser } from '../auth/session';

// Placeholder: being built.
export function ActionsScreen(props: { user: SessionUser }) {
  void props;
  return <main className="page-main">Actions</main>;
}
