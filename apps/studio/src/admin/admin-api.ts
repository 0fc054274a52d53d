import { request } from '../api/client';
import { allNodes, nextCursor } from '../api/connection';
import { graphql } from '../api/generated';
import type {
  AdminApiKeyFragment,
  AdminStrategyNamesQuery,
  AdminUserFragment,
  CreateApiKeyInput,
  CreateUserInput,
  Role,
} from '../api/generated/graphql';

/** `strategyIds` null: every strategy; `rateLimitPerSecond` null: the API's configured default. */
export type ApiKey = AdminApiKeyFragment;

/** `strategyIds` and `rateLimitPerSecond` null: as for ApiKey. */
export type NewApiKey = CreateApiKeyInput;

export type StrategyName = AdminStrategyNamesQuery['strategies']['edges'][number]['node'];

export interface ApiKeysApi {
  list(): Promise<ApiKey[]>;
  strategies(): Promise<StrategyName[]>;
  create(input: NewApiKey): Promise<{ apiKey: ApiKey; secret: string }>;
  revoke(id: string): Promise<ApiKey>;
}

export type User = AdminUserFragment;

export type NewUser = CreateUserInput;

export interface UsersApi {
  page(after?: string): Promise<{ users: User[]; next?: string }>;
  create(input: NewUser): Promise<User>;
  setRoles(userId: string, roles: Role[]): Promise<User>;
  setActive(userId: string, active: boolean): Promise<User>;
}

const ApiKeysQuery = graphql(`
  query AdminApiKeys {
    apiKeys {
      ...AdminApiKey
    }
  }
  fragment AdminApiKey on ApiKey {
    id
    name
    prefix
    strategyIds
    rateLimitPerSecond
    createdAt
    revokedAt
  }
`);

const StrategyNamesQuery = graphql(`
  query AdminStrategyNames($after: String) {
    strategies(page: { first: 100, after: $after }) {
      edges {
        node {
          id
          name
        }
      }
      pageInfo {
        ...PageInfoFields
      }
    }
  }
`);

const CreateApiKeyMutation = graphql(`
  mutation AdminCreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      apiKey {
        ...AdminApiKey
      }
    }
  }
`);

const RevokeApiKeyMutation = graphql(`
  mutation AdminRevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      ...AdminApiKey
    }
  }
`);

const UsersQuery = graphql(`
  query AdminUsers($after: String) {
    users(page: { first: 50, after: $after }) {
      edges {
        node {
          ...AdminUser
        }
      }
      pageInfo {
        ...PageInfoFields
      }
    }
  }
  fragment AdminUser on User {
    id
    email
    displayName
    roles
    active
    createdAt
  }
`);

const CreateUserMutation = graphql(`
  mutation AdminCreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      ...AdminUser
    }
  }
`);

const SetUserRolesMutation = graphql(`
  mutation AdminSetUserRoles($userId: ID!, $roles: [Role!]!) {
    setUserRoles(userId: $userId, roles: $roles) {
      ...AdminUser
    }
  }
`);

const SetUserActiveMutation = graphql(`
  mutation AdminSetUserActive($userId: ID!, $active: Boolean!) {
    setUserActive(userId: $userId, active: $active) {
      ...AdminUser
    }
  }
`);

export const graphqlApiKeysApi: ApiKeysApi = {
  list: async () => (await request(ApiKeysQuery, {})).apiKeys,
  strategies: () => allNodes(async (after) => (await request(StrategyNamesQuery, { after })).strategies),
  create: async (input) => (await request(CreateApiKeyMutation, { input }, 'mutation')).createApiKey,
  revoke: async (id) => (await request(RevokeApiKeyMutation, { id }, 'mutation')).revokeApiKey,
};

export const graphqlUsersApi: UsersApi = {
  page: async (after) => {
    const { users } = await request(UsersQuery, { after });
    return {
      users: users.edges.map((e) => e.node),
      next: nextCursor(users),
    };
  },
  create: async (input) => (await request(CreateUserMutation, { input }, 'mutation')).createUser,
  setRoles: async (userId, roles) =>
    (await request(SetUserRolesMutation, { userId, roles }, 'mutation')).setUserRoles,
  setActive: async (userId, active) =>
    (await request(SetUserActiveMutation, { userId, active }, 'mutation')).setUserActive,
};
