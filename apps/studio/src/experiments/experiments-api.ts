import { request } from '../api/client';
import { graphql } from '../api/generated';
import type { ExperimentResultsQuery, ExperimentStrategyQuery } from '../api/generated/graphql';

const ExperimentStrategyDocument = graphql(`
  query ExperimentStrategy($id: ID!) {
    strategy(id: $id) {
      id
      name
      publishedVersion {
        id
        number
      }
      versions {
        id
        number
        status
      }
    }
  }
`);

const ExperimentResultsDocument = graphql(`
  query ExperimentResults($strategyId: ID!, $version: Int, $positiveOutcomes: [String!]) {
    experimentResults(strategyId: $strategyId, version: $version, positiveOutcomes: $positiveOutcomes) {
      versionId
      version
      status
      positiveOutcomes
      alpha
      minDecisions
      splits {
        splitStepId
        label
        verdict
        winner
        summary
        comparisonAlpha
        arms {
          arm
          label
          percent
          champion
          decisions
          outcomes
          positives
          rate
          rateLow
          rateHigh
          difference
          differenceLow
          differenceHigh
          pValue
          verdict
        }
      }
    }
  }
`);

const PromoteExperimentArmDocument = graphql(`
  mutation PromoteExperimentArm(
    $strategyId: ID!
    $version: Int!
    $splitStepId: String!
    $arm: String!
    $positiveOutcomes: [String!]
  ) {
    promoteExperimentArm(
      strategyId: $strategyId
      version: $version
      splitStepId: $splitStepId
      arm: $arm
      positiveOutcomes: $positiveOutcomes
    ) {
      id
      number
    }
  }
`);

export type ExperimentStrategy = ExperimentStrategyQuery;
export type ExperimentResults = ExperimentResultsQuery['experimentResults'];
export type SplitExperiment = ExperimentResults['splits'][number];
export type ExperimentArm = SplitExperiment['arms'][number];

/** What the experiments screen asks of the API; component tests pass a fake. */
export interface ExperimentsApi {
  strategy(strategyId: string): Promise<ExperimentStrategy>;
  results(
    strategyId: string,
    version: number,
    positiveOutcomes: readonly string[],
  ): Promise<ExperimentResults>;
  /** The new draft's number. */
  promote(
    strategyId: string,
    version: number,
    splitStepId: string,
    arm: string,
    positiveOutcomes: readonly string[],
  ): Promise<number>;
}

export const graphqlExperimentsApi: ExperimentsApi = {
  strategy: (id) => request(ExperimentStrategyDocument, { id }),
  results: async (strategyId, version, positiveOutcomes) =>
    (
      await request(ExperimentResultsDocument, {
        strategyId,
        version,
        positiveOutcomes: [...positiveOutcomes],
      })
    ).experimentResults,
  promote: async (strategyId, version, splitStepId, arm, positiveOutcomes) =>
    (
      await request(
        PromoteExperimentArmDocument,
        { strategyId, version, splitStepId, arm, positiveOutcomes: [...positiveOutcomes] },
        'mutation',
      )
    ).promoteExperimentArm.number,
};
