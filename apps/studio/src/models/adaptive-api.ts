import { toActionDefinition } from '@arbiter/engine/catalog';
import { request } from '../api/client';
import { graphql } from '../api/generated';
import { fieldOptions } from '../editor/fields/field-catalog';
import { graphqlSchemaApi } from '../schema/schema-api';
import { graphqlCatalogApi } from '../catalog/catalog-api';
import type { AdaptiveApi } from './adaptive-model';
import { graphqlModelsApi } from './models-api';

graphql(`
  fragment AdaptiveStatusFields on AdaptiveModelStatus {
    modelId
    version
    config {
      predictors {
        input
        type
        center
        spread
      }
      positiveOutcomes
      negativeOutcomes
      noResponseHours
      priorModelId
      priorVersion
      explorationShare
      maturity
      groupBy
      aucFloor
      calibrationFloor
    }
    frozen
    servingSnapshotId
    evidence
    positives
    successRate
    rollingAuc
    calibrationError
    mature
    lastUpdatedAt
    learnerLagSeconds
    alert {
      kind
      message
      since
    }
    history {
      at
      evidence
      positives
      rollingAuc
      calibrationError
    }
    groups {
      key
      name
      evidence
      positives
      successRate
      mature
    }
    predictors {
      name
      input
      importance
      bins {
        label
        weight
        sd
      }
    }
    snapshots {
      id
      seq
      evidence
      positives
      hash
      reason
      comment
      createdAt
      createdBy
    }
    overrides {
      actionId
      actionName
      shown
      overridden
      rate
    }
  }
`);

const AdaptiveModelStatusQuery = graphql(`
  query AdaptiveModelStatus($modelId: ID!, $version: Int!) {
    adaptiveModelStatus(modelId: $modelId, version: $version) {
      ...AdaptiveStatusFields
    }
  }
`);

const CreateAdaptiveModelMutation = graphql(`
  mutation CreateAdaptiveModel($input: AdaptiveModelInput!) {
    createAdaptiveModel(input: $input) {
      id
    }
  }
`);

const ReconfigureAdaptiveModelMutation = graphql(`
  mutation ReconfigureAdaptiveModel($modelId: ID!, $input: AdaptiveModelInput!) {
    reconfigureAdaptiveModel(modelId: $modelId, input: $input) {
      id
    }
  }
`);

const FreezeAdaptiveModelMutation = graphql(`
  mutation FreezeAdaptiveModel($modelId: ID!, $version: Int!, $frozen: Boolean!, $reason: String!) {
    freezeAdaptiveModel(modelId: $modelId, version: $version, frozen: $frozen, reason: $reason) {
      ...AdaptiveStatusFields
    }
  }
`);

const ResetAdaptiveModelMutation = graphql(`
  mutation ResetAdaptiveModel($modelId: ID!, $version: Int!, $reason: String!) {
    resetAdaptiveModel(modelId: $modelId, version: $version, reason: $reason) {
      ...AdaptiveStatusFields
    }
  }
`);

const RollBackAdaptiveModelMutation = graphql(`
  mutation RollBackAdaptiveModel($modelId: ID!, $version: Int!, $snapshotId: ID!, $reason: String!) {
    rollBackAdaptiveModel(modelId: $modelId, version: $version, snapshotId: $snapshotId, reason: $reason) {
      ...AdaptiveStatusFields
    }
  }
`);

export const graphqlAdaptiveApi: AdaptiveApi = {
  create: async (input) => {
    const { createAdaptiveModel } = await request(CreateAdaptiveModelMutation, { input }, 'mutation');
    return graphqlModelsApi.get(createAdaptiveModel.id);
  },
  reconfigure: async (modelId, input) => {
    await request(ReconfigureAdaptiveModelMutation, { modelId, input }, 'mutation');
    return graphqlModelsApi.get(modelId);
  },
  status: async (modelId, version) =>
    (await request(AdaptiveModelStatusQuery, { modelId, version })).adaptiveModelStatus,
  freeze: async (modelId, version, frozen, reason) =>
    (await request(FreezeAdaptiveModelMutation, { modelId, version, frozen, reason }, 'mutation'))
      .freezeAdaptiveModel,
  reset: async (modelId, version, reason) =>
    (await request(ResetAdaptiveModelMutation, { modelId, version, reason }, 'mutation')).resetAdaptiveModel,
  rollBack: async (modelId, version, snapshotId, reason) =>
    (await request(RollBackAdaptiveModelMutation, { modelId, version, snapshotId, reason }, 'mutation'))
      .rollBackAdaptiveModel,
  inputs: async () => {
    const [declared, actions] = await Promise.all([graphqlSchemaApi.load(), graphqlCatalogApi.all()]);
    const field = (f: (typeof declared.customer)[number]) => ({
      name: f.name,
      type: f.type,
      label: f.label ?? undefined,
      description: f.description ?? undefined,
    });
    return fieldOptions(
      {
        schema: { customer: declared.customer.map(field), context: declared.context.map(field) },
        actions: actions.map(toActionDefinition),
      },
      undefined,
      ['customer', 'context', 'action'],
    );
  },
};
