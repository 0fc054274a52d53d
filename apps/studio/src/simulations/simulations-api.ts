import { request } from '../api/client';
import { allNodes } from '../api/connection';
import { session } from '../auth/session';
import { restError } from '../datasets/upload';
import { graphql } from '../api/generated';
import type { VersionStatus } from '../strategies/strategy-source';
import type { FairnessCheck } from '../review/fairness-api';
import type { ProgressInput, SimulationStatus } from './results-model';

// The fragment is spread into the queries below; codegen adds its definition to them.
graphql(`
  fragment SimulationListFields on Simulation {
    id
    status
    createdAt
    createdBy
    rowsTotal
    strategy {
      id
      name
    }
    version {
      id
      number
      strategyId
    }
    baselineVersion {
      id
      number
    }
    dataset {
      id
      name
    }
  }
`);

const SimulationsQuery = graphql(`
  query SimulationList($strategyId: ID) {
    simulations(strategyId: $strategyId) {
      ...SimulationListFields
    }
  }
`);

const SimulationQuery = graphql(`
  query SimulationRun($id: ID!) {
    simulation(id: $id) {
      ...SimulationListFields
      error
      results
      comparison
      dataWarnings
      fairnessCheck {
        ...FairnessCheckParts
      }
      names {
        actions {
          id
          name
        }
        steps {
          id
          name
        }
      }
      completedAt
      progress {
        status
        rowsDone
        rowsTotal
        rowsPerSecond
        etaSeconds
        chunksDone
        chunkCount
      }
    }
  }
`);

const StrategyChoicesQuery = graphql(`
  query SimulationStrategyChoices($after: String) {
    strategies(page: { first: 50, after: $after }) {
      edges {
        node {
          id
          name
          publishedVersion {
            id
          }
          versions {
            id
            number
            status
          }
        }
      }
      pageInfo {
        ...PageInfoFields
      }
    }
  }
`);

const DatasetChoicesQuery = graphql(`
  query SimulationDatasetChoices {
    datasets {
      ...DatasetChoiceFields
      mapping
      report
    }
  }
`);

const PeopleQuery = graphql(`
  query SimulationPeople($ids: [ID!]!) {
    people(ids: $ids) {
      id
      displayName
    }
  }
`);

const RunSimulationMutation = graphql(`
  mutation RunSimulation(
    $versionId: ID!
    $datasetId: ID!
    $baselineVersionId: ID
    $force: Boolean
    $learning: SimulationLearningInput
  ) {
    runSimulation(
      versionId: $versionId
      datasetId: $datasetId
      baselineVersionId: $baselineVersionId
      force: $force
      learning: $learning
    ) {
      id
    }
  }
`);

const CancelSimulationMutation = graphql(`
  mutation CancelSimulation($id: ID!) {
    cancelSimulation(id: $id) {
      id
      status
    }
  }
`);

export interface SimulationListItem {
  id: string;
  status: SimulationStatus;
  createdAt: string;
  /** The display name of who started it, when known. */
  createdBy: string | null;
  rowsTotal: number;
  strategy: { id: string; name: string } | null;
  version: { id: string; number: number } | null;
  baselineVersion: { id: string; number: number } | null;
  dataset: { id: string; name: string } | null;
}

export interface SimulationDetail extends SimulationListItem {
  error: string | null;
  /** The engine's SimulationSummary (see results-model.ts). */
  results: unknown;
  /** The engine's SimulationComparison, when there was a baseline. */
  comparison: unknown;
  /** Fields the strategy reads that the dataset lacks or holds hashed, in sentences. */
  dataWarnings: string[];
  /** Per protected customer field, how each group is treated, judged with the current thresholds. */
  fairnessCheck: FairnessCheck;
  /** Names of the actions and steps the results refer to by id. */
  names: { actions: { id: string; name: string }[]; steps: { id: string; name: string }[] };
  completedAt: string | null;
  progress: ProgressInput;
}

export interface StrategyChoice {
  id: string;
  name: string;
  publishedVersionId: string | null;
  /** Newest first. */
  versions: { id: string; number: number; status: VersionStatus }[];
}

export interface DatasetChoice {
  id: string;
  name: string;
  status: string;
  rowCount: number;
  /** Whether rows carry a logged action and its outcome (what a learning replay learns from). */
  logged?: boolean;
  /** Fields that can order the rows in time (number, date or text). */
  orderColumns?: string[];
}

/** What the start form needs of a dataset's mapping and report. */
function learningFacts(mapping: unknown, report: unknown): Pick<DatasetChoice, 'logged' | 'orderColumns'> {
  const m = (mapping ?? {}) as { loggedAction?: unknown; offeredAction?: unknown; outcome?: unknown };
  const fields = ((report ?? {}) as { fields?: { name: string; type: string }[] }).fields ?? [];
  return {
    logged: (m.loggedAction !== undefined || m.offeredAction !== undefined) && m.outcome !== undefined,
    orderColumns: fields.filter((f) => ['number', 'date', 'string'].includes(f.type)).map((f) => f.name),
  };
}

export interface RunInput {
  versionId: string;
  datasetId: string;
  baselineVersionId?: string;
  force: boolean;
  /** Replay in the order of this column with the adaptive models learning. */
  learning?: { orderBy: string };
}

/** What the simulations screens ask of the API; component tests pass an in-memory one. */
export interface SimulationsApi {
  list(strategyId?: string): Promise<SimulationListItem[]>;
  get(id: string): Promise<SimulationDetail>;
  choices(): Promise<{ strategies: StrategyChoice[]; datasets: DatasetChoice[] }>;
  /** The id of the new (or reused identical) simulation. */
  run(input: RunInput): Promise<string>;
  cancel(id: string): Promise<void>;
  /** The per-customer recommendations of a completed run, as the CSV file the API streams. */
  customersCsv(id: string): Promise<{ fileName: string; file: Blob }>;
}

/** Replaces user ids by display names (ids nobody knows stay unnamed). */
async function withNames<T extends { createdBy: string | null }>(items: T[]): Promise<T[]> {
  const ids = [...new Set(items.flatMap((s) => (s.createdBy ? [s.createdBy] : [])))];
  if (ids.length === 0) return items;
  const people = new Map((await request(PeopleQuery, { ids })).people.map((p) => [p.id, p.displayName]));
  return items.map((s) => ({ ...s, createdBy: s.createdBy ? (people.get(s.createdBy) ?? null) : null }));
}

/** Only the fields the screens use (the generated type has more). */
const pick = (s: SimulationListItem): SimulationListItem => ({
  id: s.id,
  status: s.status,
  createdAt: s.createdAt,
  createdBy: s.createdBy,
  rowsTotal: s.rowsTotal,
  strategy: s.strategy && { id: s.strategy.id, name: s.strategy.name },
  version: s.version && { id: s.version.id, number: s.version.number },
  baselineVersion: s.baselineVersion && { id: s.baselineVersion.id, number: s.baselineVersion.number },
  dataset: s.dataset && { id: s.dataset.id, name: s.dataset.name },
});

/** Every strategy, page by page (the API caps what one query may cost). */
async function allStrategies(): Promise<StrategyChoice[]> {
  const nodes = await allNodes(async (after) => (await request(StrategyChoicesQuery, { after })).strategies);
  return nodes.map((node) => ({
    id: node.id,
    name: node.name,
    publishedVersionId: node.publishedVersion?.id ?? null,
    versions: node.versions.map((v) => ({ id: v.id, number: v.number, status: v.status })),
  }));
}

export const graphqlSimulationsApi: SimulationsApi = {
  list: async (strategyId) =>
    (await withNames((await request(SimulationsQuery, { strategyId })).simulations)).map(pick),
  get: async (id) => {
    const [s] = await withNames([(await request(SimulationQuery, { id })).simulation]);
    return {
      ...pick(s!),
      error: s!.error,
      results: s!.results,
      comparison: s!.comparison,
      dataWarnings: s!.dataWarnings,
      names: s!.names,
      fairnessCheck: s!.fairnessCheck,
      completedAt: s!.completedAt,
      progress: s!.progress,
    };
  },
  choices: async () => {
    const [strategies, datasets] = await Promise.all([allStrategies(), request(DatasetChoicesQuery, {})]);
    return {
      strategies,
      datasets: datasets.datasets.map((d) => ({
        id: d.id,
        name: d.name,
        status: d.status,
        rowCount: d.rowCount,
        ...learningFacts(d.mapping, d.report),
      })),
    };
  },
  run: async (input) =>
    (
      await request(
        RunSimulationMutation,
        { ...input, baselineVersionId: input.baselineVersionId ?? null },
        'mutation',
      )
    ).runSimulation.id,
  cancel: async (id) => void (await request(CancelSimulationMutation, { id }, 'mutation')),
  customersCsv: async (id) => {
    // A GraphQL call first refreshes an expired access token, which a REST call cannot.
    await request(PeopleQuery, { ids: [] });
    const token = session.get()?.accessToken;
    const res = await fetch(`/api/v1/simulations/${encodeURIComponent(id)}/recommendations.csv`, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
    if (!res.ok) throw restError(res.status, await res.json().catch(() => undefined));
    return { fileName: `simulation-${id.slice(0, 8)}-customers.csv`, file: await res.blob() };
  },
};
