import { request } from '../api/client';
import { graphql } from '../api/generated';
import type {
  CustomerProfileQuery as CustomerProfileData,
  ProfileQualityQuery as ProfileQualityData,
} from '../api/generated/graphql';

const CustomerProfileQuery = graphql(`
  query CustomerProfile($customerId: String!) {
    customerProfile(customerId: $customerId) {
      customerId
      fields {
        name
        value
        source
        updatedAt
        ageDays
        personal
        hashed
        masked
      }
      recentDecisions
    }
  }
`);

const CustomerHistoryQuery = graphql(`
  query CustomerHistory($customerId: String!) {
    customerInteractions(customerId: $customerId) {
      interactions
    }
  }
`);

const ProfileQualityQuery = graphql(`
  query ProfileQuality {
    profileQuality {
      customers
      staleAfterDays
      sources {
        source
        description
        fields {
          field
          customers
          completeness
          medianAgeDays
          maxAgeDays
          staleCustomers
        }
      }
    }
  }
`);

/** One field of the profile: value, where it came from and how old it is. */
export type ProfileFieldView = CustomerProfileData['customerProfile']['fields'][number];

export interface RecentDecision {
  id: string;
  decidedAt: string;
  strategyId: string;
  versionNumber: number;
  actions: { actionId: string; rank: number }[];
  /** Sentences on what was recommended and the customer data it was decided on (personal values masked). */
  explanation?: string[];
}

export interface InteractionView {
  actionId: string;
  outcome: string;
  at: string;
  channel?: string;
}

export interface CustomerView {
  customerId: string;
  fields: ProfileFieldView[];
  recentDecisions: RecentDecision[];
  /** Absent when the caller's role may not read interaction histories (admins). */
  interactions?: InteractionView[];
}

export type ProfileQualityView = ProfileQualityData['profileQuality'];
export type SourceFieldQuality = ProfileQualityView['sources'][number]['fields'][number];

export interface CustomersApi {
  customer(customerId: string, withHistory: boolean): Promise<CustomerView>;
  quality(): Promise<ProfileQualityView>;
}

export const graphqlCustomersApi: CustomersApi = {
  customer: async (customerId, withHistory) => {
    const [profile, history] = await Promise.all([
      request(CustomerProfileQuery, { customerId }),
      withHistory ? request(CustomerHistoryQuery, { customerId }) : Promise.resolve(undefined),
    ]);
    const p = profile.customerProfile;
    return {
      customerId: p.customerId,
      fields: p.fields,
      recentDecisions: (p.recentDecisions ?? []) as RecentDecision[],
      ...(history && { interactions: history.customerInteractions.interactions as InteractionView[] }),
    };
  },
  quality: async () => (await request(ProfileQualityQuery, {})).profileQuality,
};
