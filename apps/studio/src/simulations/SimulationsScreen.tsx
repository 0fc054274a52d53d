import type { SessionUser } from '../auth/session';

// Placeholder: being built.
export function SimulationsScreen(props: { user: SessionUser; simulationId?: string; versionId?: string }) {
  void props;
  return <main className="page-main">Simulations</main>;
}
