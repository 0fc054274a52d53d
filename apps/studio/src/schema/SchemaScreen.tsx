import type { SessionUser } from '../auth/session';

// Placeholder: being built.
export function SchemaScreen(props: { user: SessionUser }) {
  void props;
  return <main className="page-main">Customer schema</main>;
}
