import { request } from '../api/client';
import { graphql } from '../api/generated';
import type { FairnessSettingsInput } from '../api/generated/graphql';

// The fragment is spread into the query and the mutation below; codegen adds its definition to them.
graphql(`
  fragment FairnessSettingsFields on FairnessSettings {
    ratioFloor
    minGroupSize
    updatedAt
  }
`);

const FairnessSettingsQuery = graphql(`
  query FairnessSettings {
    fairnessSettings {
      ...FairnessSettingsFields
    }
  }
`);

const SetFairnessSettingsMutation = graphql(`
  mutation SetFairnessSettings($input: FairnessSettingsInput!) {
    setFairnessSettings(input: $input) {
      ...FairnessSettingsFields
    }
  }
`);

/** The two thresholds, as setFairnessSettings takes them. */
export type FairnessThresholds = FairnessSettingsInput;

/** The thresholds of the fairness check (admins only, audited). */
export interface FairnessSettingsApi {
  load(): Promise<FairnessThresholds>;
  save(input: FairnessThresholds): Promise<FairnessThresholds>;
}

export const graphqlFairnessSettingsApi: FairnessSettingsApi = {
  load: async () => (await request(FairnessSettingsQuery, {})).fairnessSettings,
  save: async (input) =>
    (await request(SetFairnessSettingsMutation, { input }, 'mutation')).setFairnessSettings,
};
