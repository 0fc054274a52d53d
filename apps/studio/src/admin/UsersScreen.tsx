import type { SessionUser } from '../auth/session';

// Placeholder: being built.
export function UsersScreen(props: { user: SessionUser }) {
  void props;
  return <main className="page-main">Users</main>;
}
