import { graphql } from './generated';

/** Every GraphQL operation the studio sends; `npm run codegen -w apps/studio` types them from schema.graphql. */

export const LoginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      accessToken
      refreshToken
      expiresIn
      user {
        id
        email
        displayName
        roles
      }
    }
  }
`);

export const RefreshTokenMutation = graphql(`
  mutation RefreshToken($refreshToken: String!) {
    refreshToken(refreshToken: $refreshToken) {
      accessToken
      refreshToken
      expiresIn
      user {
        id
        email
        displayName
        roles
      }
    }
  }
`);

export const StrategiesQuery = graphql(`
  query Strategies($after: String) {
    strategies(page: { first: 25, after: $after }) {
      edges {
        node {
          id
          name
          description
          updatedAt
          publishedVersion {
            id
            number
          }
          versions {
            id
            number
            status
            updatedAt
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const StrategyQuery = graphql(`
  query Strategy($id: ID!) {
    strategy(id: $id) {
      id
      name
      description
      versions {
        id
        number
        status
        revision
        updatedAt
      }
    }
  }
`);

export const VersionQuery = graphql(`
  query Version($id: ID!) {
    version(id: $id) {
      id
      strategyId
      number
      status
      revision
      document
      contentHash
      updatedAt
    }
  }
`);

export const CreateStrategyMutation = graphql(`
  mutation CreateStrategy($input: CreateStrategyInput!) {
    createStrategy(input: $input) {
      id
      name
      versions {
        id
        number
        status
        revision
      }
    }
  }
`);

export const CloneVersionMutation = graphql(`
  mutation CloneVersion($versionId: ID!) {
    cloneVersion(versionId: $versionId) {
      id
      number
      status
      revision
    }
  }
`);

export const SaveDraftMutation = graphql(`
  mutation SaveDraft($input: SaveDraftInput!) {
    saveDraft(input: $input) {
      valid
      version {
        id
        revision
        contentHash
        updatedAt
      }
    }
  }
`);

export const EnvironmentQuery = graphql(`
  query Environment($after: String) {
    dataSchema {
      customer {
        name
        type
        label
        description
        allowedValues
        personal
      }
      context {
        name
        type
        label
        description
        allowedValues
        personal
      }
    }
    actions(page: { first: 50, after: $after }) {
      edges {
        node {
          id
          name
          group
          channel
          value
          cost
          validFrom
          validTo
          tags
          attributes
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const ActionsPageQuery = graphql(`
  query ActionsPage($after: String) {
    actions(page: { first: 50, after: $after }) {
      edges {
        node {
          id
          name
          group
          channel
          value
          cost
          validFrom
          validTo
          tags
          attributes
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
