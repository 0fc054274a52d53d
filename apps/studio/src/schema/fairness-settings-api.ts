import { request } from '../api/client';
import { graphql } from '../api/generated';

const FairnessSettingsQuery = graphql(`
  query FairnessSettings {
    fairnessSettings {
      ratioFloor
      minGroupSize
      updatedAt
    }
  }
`);

const SetFairnessSettingsMutation = graphql(`
  mutation SetFairnessSettings($input: FairnessSettingsInput!) {
    setFairnessSettings(input: $input) {
      ratioFloor
      minGroupSize
      updatedAt
    }
  }
`);

export interface FairnessThresholds {
  ratioFloor: number;
  minGroupSize: number;
}

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
