import type { SessionUser } from '../auth/session';
import { graphqlSimulationsApi, type SimulationsApi } from './simulations-api';
import { SimulationList } from './SimulationList';
import { SimulationRun } from './SimulationRun';

/** `#/simulations` (recent runs and the start form) or `#/simulations/<id>` (one run). */
export function SimulationsScreen({
  user,
  simulationId,
  versionId,
  api = graphqlSimulationsApi,
}: {
  user: SessionUser;
  simulationId?: string;
  versionId?: string;
  api?: SimulationsApi;
}) {
  return simulationId ? (
    <SimulationRun user={user} simulationId={simulationId} api={api} />
  ) : (
    <SimulationList user={user} versionId={versionId} api={api} />
  );
}
