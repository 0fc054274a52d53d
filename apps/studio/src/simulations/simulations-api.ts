import { request } from '../api/client';
import { allNodes } from '../api/connection';
import { freshBearerHeader } from '../api/rest-auth';
import { restError } from '../datasets/upload';
import { PeopleQuery } from '../shared/people';
import { graphql } from '../api/generated';
import type {
  DatasetChoiceFieldsFragment,
  SimulationLearningInput,
  SimulationListFieldsFragment,
  SimulationRunQuery as SimulationRunData,
  SimulationStrategyChoicesQuery,
} from '../api/generated/graphql';

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
      deleteRefusal
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

const DeleteSimulationMutation = graphql(`
  mutation DeleteSimulation($id: ID!) {
    deleteSimulation(id: $id) {
      id
    }
  }
`);

/** `createdBy` is the display name of who started it, when known (see withNames). */
export type SimulationListItem = SimulationListFieldsFragment;

/**
 * A run with its results: `results` is the engine's SimulationSummary and `comparison` its
 * SimulationComparison when there was a baseline (see results-model.ts); `dataWarnings` names, in
 * sentences, fields the strategy reads that the dataset lacks or holds hashed; `fairnessCheck` is
 * judged with the current thresholds; `names` names the actions and steps the results refer to by id.
 */
export type SimulationDetail = SimulationRunData['simulation'];

/** A strategy the start form offers; its versions newest first. */
export type StrategyChoice = SimulationStrategyChoicesQuery['strategies']['edges'][number]['node'];

/** What the start form needs of a dataset's mapping and report. */
interface LearningFacts {
  /** Whether rows carry a logged action and its outcome (what a learning replay learns from). */
  logged?: boolean;
  /** Fields that can order the rows in time (number, date or text). */
  orderColumns?: string[];
}

export type DatasetChoice = DatasetChoiceFieldsFragment & LearningFacts;

function learningFacts(mapping: unknown, report: unknown): LearningFacts {
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
  learning?: SimulationLearningInput;
}

/** What the simulations screens ask of the API; component tests pass an in-memory one. */
export interface SimulationsApi {
  list(strategyId?: string): Promise<SimulationListItem[]>;
  get(id: string): Promise<SimulationDetail>;
  choices(): Promise<{ strategies: StrategyChoice[]; datasets: DatasetChoice[] }>;
  /** The id of the new (or reused identical) simulation. */
  run(input: RunInput): Promise<string>;
  cancel(id: string): Promise<void>;
  /** Deletes a finished simulation and its results (refused while it is a version's approval evidence). */
  remove(id: string): Promise<void>;
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

/** Every strategy, page by page (the API caps what one query may cost). */
const allStrategies = (): Promise<StrategyChoice[]> =>
  allNodes(async (after) => (await request(StrategyChoicesQuery, { after })).strategies);

export const graphqlSimulationsApi: SimulationsApi = {
  list: async (strategyId) => withNames((await request(SimulationsQuery, { strategyId })).simulations),
  get: async (id) => (await withNames([(await request(SimulationQuery, { id })).simulation]))[0]!,
  choices: async () => {
    const [strategies, datasets] = await Promise.all([allStrategies(), request(DatasetChoicesQuery, {})]);
    return {
      strategies,
      datasets: datasets.datasets.map(({ mapping, report, ...choice }) => ({
        ...choice,
        ...learningFacts(mapping, report),
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
  remove: async (id) => void (await request(DeleteSimulationMutation, { id }, 'mutation')),
  customersCsv: async (id) => {
    const res = await fetch(`/api/v1/simulations/${encodeURIComponent(id)}/recommendations.csv`, {
      headers: await freshBearerHeader(PeopleQuery, { ids: [] }),
    });
    if (!res.ok) throw restError(res.status, await res.json().catch(() => undefined));
    return { fileName: `simulation-${id.slice(0, 8)}-customers.csv`, file: await res.blob() };
  },
};
