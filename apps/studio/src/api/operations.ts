import { graphql } from './generated';

/** Every GraphQL operation the studio sends; `npm run codegen -w apps/studio` types them from schema.graphql. */

/** The signed-in user as the studio keeps it: who, and what the server lets them do. */
export const SessionUserFields = graphql(`
  fragment SessionUserFields on User {
    id
    email
    displayName
    roles
    permissions
    deniedPermissions {
      permission
      reason
    }
  }
`);

/** What signing in and refreshing answer: the tokens and the user. */
export const AuthPayloadFields = graphql(`
  fragment AuthPayloadFields on AuthPayload {
    accessToken
    refreshToken
    expiresIn
    user {
      ...SessionUserFields
    }
  }
`);

/** Read again when the user comes back to the page: roles may have changed meanwhile. */
export const MyPermissionsQuery = graphql(`
  query MyPermissions {
    me {
      ...SessionUserFields
    }
  }
`);

export const LoginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      ...AuthPayloadFields
    }
  }
`);

export const RefreshTokenMutation = graphql(`
  mutation RefreshToken($refreshToken: String!) {
    refreshToken(refreshToken: $refreshToken) {
      ...AuthPayloadFields
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
          createdBy
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
        ...PageInfoFields
      }
    }
  }
`);

/** A version as the editor lists it: the revision is what its next save must name. */
export const VersionRevisionFields = graphql(`
  fragment VersionRevisionFields on StrategyVersion {
    id
    number
    status
    revision
  }
`);

export const StrategyQuery = graphql(`
  query Strategy($id: ID!) {
    strategy(id: $id) {
      id
      name
      description
      versions {
        ...VersionRevisionFields
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

export const ImportJsonRulesEngineRulesMutation = graphql(`
  mutation ImportJsonRulesEngineRules($name: String!, $rules: JSON!) {
    importJsonRulesEngineRules(name: $name, rules: $rules) {
      strategy {
        id
      }
      versionId
      imported
      total
      createdActions
      matchedActions
      report {
        rule
        name
        field
        message
        carriedOver
      }
    }
  }
`);

export const CreateStrategyMutation = graphql(`
  mutation CreateStrategy($input: CreateStrategyInput!) {
    createStrategy(input: $input) {
      id
      name
      versions {
        ...VersionRevisionFields
      }
    }
  }
`);

export const CloneVersionMutation = graphql(`
  mutation CloneVersion($versionId: ID!) {
    cloneVersion(versionId: $versionId) {
      ...VersionRevisionFields
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

export const ReviewStrategyQuery = graphql(`
  query ReviewStrategy($id: ID!) {
    me {
      ...SessionUserFields
    }
    strategy(id: $id) {
      id
      name
      description
      publishedVersion {
        id
        number
      }
      versions {
        id
        strategyId
        number
        status
        revision
        contentHash
        createdAt
        createdBy
        updatedAt
        submittedAt
        submittedBy
        approvedAt
        approvedBy
        publishedAt
        publishedBy
        retiredAt
        basedOnVersionId
        editors
        evidence {
          id
          status
          completedAt
          rowsTotal
          progress {
            rowsDone
            rowsTotal
          }
          dataset {
            name
          }
          fairnessCheck {
            ...FairnessCheckParts
          }
        }
      }
    }
  }
`);

/** What a step of a version's lifecycle (submit, approve, reject, publish, roll back) answers. */
export const VersionTransitionFields = graphql(`
  fragment VersionTransitionFields on StrategyVersion {
    id
    status
  }
`);

export const SubmitVersionMutation = graphql(`
  mutation SubmitVersion($versionId: ID!, $expectedRevision: Int) {
    submitVersion(versionId: $versionId, expectedRevision: $expectedRevision) {
      ...VersionTransitionFields
    }
  }
`);

export const ApproveVersionMutation = graphql(`
  mutation ApproveVersion($versionId: ID!, $comment: String, $justification: String) {
    approveVersion(versionId: $versionId, comment: $comment, justification: $justification) {
      ...VersionTransitionFields
    }
  }
`);

export const RejectVersionMutation = graphql(`
  mutation RejectVersion($versionId: ID!, $comment: String!) {
    rejectVersion(versionId: $versionId, comment: $comment) {
      ...VersionTransitionFields
    }
  }
`);

export const PublishVersionMutation = graphql(`
  mutation PublishVersion($versionId: ID!) {
    publishVersion(versionId: $versionId) {
      ...VersionTransitionFields
    }
  }
`);

export const RollbackStrategyMutation = graphql(`
  mutation RollbackStrategy($strategyId: ID!, $toVersionId: ID!, $reason: String!) {
    rollbackStrategy(strategyId: $strategyId, toVersionId: $toVersionId, reason: $reason) {
      ...VersionTransitionFields
    }
  }
`);

export const DiffNodeFields = graphql(`
  fragment DiffNodeFields on DiffNode {
    id
    label
    type
    summary
  }
`);

export const DiffQuery = graphql(`
  query Diff($fromVersionId: ID!, $toVersionId: ID!) {
    diff(fromVersionId: $fromVersionId, toVersionId: $toVersionId) {
      fromVersionId
      toVersionId
      unchanged
      environment
      nodes {
        added {
          ...DiffNodeFields
        }
        removed {
          ...DiffNodeFields
        }
        changed {
          id
          label
          type
          summary
          before
          moved
          changes {
            field
            beforeText
            afterText
          }
        }
      }
    }
  }
`);

export const ReviewCommentFields = graphql(`
  fragment ReviewCommentFields on ReviewComment {
    id
    authorId
    body
    createdAt
    kind
    nodeId
    versionId
  }
`);

export const CommentsQuery = graphql(`
  query Comments($versionId: ID!) {
    comments(versionId: $versionId) {
      ...ReviewCommentFields
    }
  }
`);

export const AddCommentMutation = graphql(`
  mutation AddComment($input: AddCommentInput!) {
    addComment(input: $input) {
      ...ReviewCommentFields
    }
  }
`);

export const AuditLogQuery = graphql(`
  query AuditLog($filter: AuditFilterInput, $after: String) {
    auditLog(filter: $filter, page: { first: 25, after: $after }) {
      edges {
        node {
          seq
          action
          entityType
          entityId
          entityName
          actorId
          actorEmail
          occurredAt
          comment
          beforeHash
          afterHash
          hash
        }
      }
      pageInfo {
        ...PageInfoFields
      }
    }
  }
`);

export const AuditFacetsQuery = graphql(`
  query AuditFacets {
    auditFacets {
      entityTypes
      actions
      actorIds
    }
  }
`);

export const VerifyAuditChainQuery = graphql(`
  query VerifyAuditChain {
    verifyAuditChain {
      valid
      checkedEntries
      firstBrokenSeq
      reason
      headHash
    }
  }
`);
