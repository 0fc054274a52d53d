/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      accessToken\n      refreshToken\n      expiresIn\n      user {\n        id\n        email\n        displayName\n        roles\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation RefreshToken($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) {\n      accessToken\n      refreshToken\n      expiresIn\n      user {\n        id\n        email\n        displayName\n        roles\n      }\n    }\n  }\n": typeof types.RefreshTokenDocument,
    "\n  query Strategies($after: String) {\n    strategies(page: { first: 25, after: $after }) {\n      edges {\n        node {\n          id\n          name\n          description\n          updatedAt\n          publishedVersion {\n            id\n            number\n          }\n          versions {\n            id\n            number\n            status\n            updatedAt\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.StrategiesDocument,
    "\n  query Strategy($id: ID!) {\n    strategy(id: $id) {\n      id\n      name\n      description\n      versions {\n        id\n        number\n        status\n        revision\n        updatedAt\n      }\n    }\n  }\n": typeof types.StrategyDocument,
    "\n  query Version($id: ID!) {\n    version(id: $id) {\n      id\n      strategyId\n      number\n      status\n      revision\n      document\n      contentHash\n      updatedAt\n    }\n  }\n": typeof types.VersionDocument,
    "\n  mutation CreateStrategy($input: CreateStrategyInput!) {\n    createStrategy(input: $input) {\n      id\n      name\n      versions {\n        id\n        number\n        status\n        revision\n      }\n    }\n  }\n": typeof types.CreateStrategyDocument,
    "\n  mutation CloneVersion($versionId: ID!) {\n    cloneVersion(versionId: $versionId) {\n      id\n      number\n      status\n      revision\n    }\n  }\n": typeof types.CloneVersionDocument,
    "\n  mutation SaveDraft($input: SaveDraftInput!) {\n    saveDraft(input: $input) {\n      valid\n      version {\n        id\n        revision\n        contentHash\n        updatedAt\n      }\n    }\n  }\n": typeof types.SaveDraftDocument,
    "\n  query Environment($after: String) {\n    dataSchema {\n      customer {\n        name\n        type\n        label\n        description\n        allowedValues\n        personal\n      }\n      context {\n        name\n        type\n        label\n        description\n        allowedValues\n        personal\n      }\n    }\n    actions(page: { first: 50, after: $after }) {\n      edges {\n        node {\n          id\n          name\n          group\n          channel\n          value\n          cost\n          validFrom\n          validTo\n          tags\n          attributes\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.EnvironmentDocument,
    "\n  query ActionsPage($after: String) {\n    actions(page: { first: 50, after: $after }) {\n      edges {\n        node {\n          id\n          name\n          group\n          channel\n          value\n          cost\n          validFrom\n          validTo\n          tags\n          attributes\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ActionsPageDocument,
    "\n  query ReviewStrategy($id: ID!) {\n    me {\n      id\n      email\n      displayName\n      roles\n    }\n    strategy(id: $id) {\n      id\n      name\n      description\n      publishedVersion {\n        id\n        number\n      }\n      versions {\n        id\n        strategyId\n        number\n        status\n        revision\n        contentHash\n        createdAt\n        createdBy\n        updatedAt\n        submittedAt\n        submittedBy\n        approvedAt\n        approvedBy\n        publishedAt\n        publishedBy\n        retiredAt\n        basedOnVersionId\n        editors\n        evidence {\n          id\n          status\n          completedAt\n          rowsTotal\n        }\n      }\n    }\n  }\n": typeof types.ReviewStrategyDocument,
    "\n  mutation SubmitVersion($versionId: ID!, $expectedRevision: Int) {\n    submitVersion(versionId: $versionId, expectedRevision: $expectedRevision) {\n      id\n      status\n    }\n  }\n": typeof types.SubmitVersionDocument,
    "\n  mutation ApproveVersion($versionId: ID!, $comment: String) {\n    approveVersion(versionId: $versionId, comment: $comment) {\n      id\n      status\n    }\n  }\n": typeof types.ApproveVersionDocument,
    "\n  mutation RejectVersion($versionId: ID!, $comment: String!) {\n    rejectVersion(versionId: $versionId, comment: $comment) {\n      id\n      status\n    }\n  }\n": typeof types.RejectVersionDocument,
    "\n  mutation PublishVersion($versionId: ID!) {\n    publishVersion(versionId: $versionId) {\n      id\n      status\n    }\n  }\n": typeof types.PublishVersionDocument,
    "\n  mutation RollbackStrategy($strategyId: ID!, $toVersionId: ID!) {\n    rollbackStrategy(strategyId: $strategyId, toVersionId: $toVersionId) {\n      id\n      status\n    }\n  }\n": typeof types.RollbackStrategyDocument,
    "\n  query Diff($fromVersionId: ID!, $toVersionId: ID!) {\n    diff(fromVersionId: $fromVersionId, toVersionId: $toVersionId) {\n      fromVersionId\n      toVersionId\n      unchanged\n      nodes {\n        added {\n          id\n          label\n          type\n          summary\n        }\n        removed {\n          id\n          label\n          type\n          summary\n        }\n        changed {\n          id\n          label\n          type\n          summary\n          before\n          moved\n          changes {\n            field\n            beforeText\n            afterText\n          }\n        }\n      }\n    }\n  }\n": typeof types.DiffDocument,
    "\n  query Comments($versionId: ID!) {\n    comments(versionId: $versionId) {\n      id\n      authorId\n      body\n      createdAt\n      kind\n      nodeId\n      versionId\n    }\n  }\n": typeof types.CommentsDocument,
    "\n  mutation AddComment($input: AddCommentInput!) {\n    addComment(input: $input) {\n      id\n      authorId\n      body\n      createdAt\n      kind\n      nodeId\n      versionId\n    }\n  }\n": typeof types.AddCommentDocument,
    "\n  query AuditLog($filter: AuditFilterInput, $after: String) {\n    auditLog(filter: $filter, page: { first: 25, after: $after }) {\n      edges {\n        node {\n          seq\n          action\n          entityType\n          entityId\n          actorId\n          actorEmail\n          occurredAt\n          comment\n          beforeHash\n          afterHash\n          hash\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  query VerifyAuditChain {\n    verifyAuditChain {\n      valid\n      checkedEntries\n      firstBrokenSeq\n      reason\n      headHash\n    }\n  }\n": typeof types.VerifyAuditChainDocument,
};
const documents: Documents = {
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      accessToken\n      refreshToken\n      expiresIn\n      user {\n        id\n        email\n        displayName\n        roles\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation RefreshToken($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) {\n      accessToken\n      refreshToken\n      expiresIn\n      user {\n        id\n        email\n        displayName\n        roles\n      }\n    }\n  }\n": types.RefreshTokenDocument,
    "\n  query Strategies($after: String) {\n    strategies(page: { first: 25, after: $after }) {\n      edges {\n        node {\n          id\n          name\n          description\n          updatedAt\n          publishedVersion {\n            id\n            number\n          }\n          versions {\n            id\n            number\n            status\n            updatedAt\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.StrategiesDocument,
    "\n  query Strategy($id: ID!) {\n    strategy(id: $id) {\n      id\n      name\n      description\n      versions {\n        id\n        number\n        status\n        revision\n        updatedAt\n      }\n    }\n  }\n": types.StrategyDocument,
    "\n  query Version($id: ID!) {\n    version(id: $id) {\n      id\n      strategyId\n      number\n      status\n      revision\n      document\n      contentHash\n      updatedAt\n    }\n  }\n": types.VersionDocument,
    "\n  mutation CreateStrategy($input: CreateStrategyInput!) {\n    createStrategy(input: $input) {\n      id\n      name\n      versions {\n        id\n        number\n        status\n        revision\n      }\n    }\n  }\n": types.CreateStrategyDocument,
    "\n  mutation CloneVersion($versionId: ID!) {\n    cloneVersion(versionId: $versionId) {\n      id\n      number\n      status\n      revision\n    }\n  }\n": types.CloneVersionDocument,
    "\n  mutation SaveDraft($input: SaveDraftInput!) {\n    saveDraft(input: $input) {\n      valid\n      version {\n        id\n        revision\n        contentHash\n        updatedAt\n      }\n    }\n  }\n": types.SaveDraftDocument,
    "\n  query Environment($after: String) {\n    dataSchema {\n      customer {\n        name\n        type\n        label\n        description\n        allowedValues\n        personal\n      }\n      context {\n        name\n        type\n        label\n        description\n        allowedValues\n        personal\n      }\n    }\n    actions(page: { first: 50, after: $after }) {\n      edges {\n        node {\n          id\n          name\n          group\n          channel\n          value\n          cost\n          validFrom\n          validTo\n          tags\n          attributes\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.EnvironmentDocument,
    "\n  query ActionsPage($after: String) {\n    actions(page: { first: 50, after: $after }) {\n      edges {\n        node {\n          id\n          name\n          group\n          channel\n          value\n          cost\n          validFrom\n          validTo\n          tags\n          attributes\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ActionsPageDocument,
    "\n  query ReviewStrategy($id: ID!) {\n    me {\n      id\n      email\n      displayName\n      roles\n    }\n    strategy(id: $id) {\n      id\n      name\n      description\n      publishedVersion {\n        id\n        number\n      }\n      versions {\n        id\n        strategyId\n        number\n        status\n        revision\n        contentHash\n        createdAt\n        createdBy\n        updatedAt\n        submittedAt\n        submittedBy\n        approvedAt\n        approvedBy\n        publishedAt\n        publishedBy\n        retiredAt\n        basedOnVersionId\n        editors\n        evidence {\n          id\n          status\n          completedAt\n          rowsTotal\n        }\n      }\n    }\n  }\n": types.ReviewStrategyDocument,
    "\n  mutation SubmitVersion($versionId: ID!, $expectedRevision: Int) {\n    submitVersion(versionId: $versionId, expectedRevision: $expectedRevision) {\n      id\n      status\n    }\n  }\n": types.SubmitVersionDocument,
    "\n  mutation ApproveVersion($versionId: ID!, $comment: String) {\n    approveVersion(versionId: $versionId, comment: $comment) {\n      id\n      status\n    }\n  }\n": types.ApproveVersionDocument,
    "\n  mutation RejectVersion($versionId: ID!, $comment: String!) {\n    rejectVersion(versionId: $versionId, comment: $comment) {\n      id\n      status\n    }\n  }\n": types.RejectVersionDocument,
    "\n  mutation PublishVersion($versionId: ID!) {\n    publishVersion(versionId: $versionId) {\n      id\n      status\n    }\n  }\n": types.PublishVersionDocument,
    "\n  mutation RollbackStrategy($strategyId: ID!, $toVersionId: ID!) {\n    rollbackStrategy(strategyId: $strategyId, toVersionId: $toVersionId) {\n      id\n      status\n    }\n  }\n": types.RollbackStrategyDocument,
    "\n  query Diff($fromVersionId: ID!, $toVersionId: ID!) {\n    diff(fromVersionId: $fromVersionId, toVersionId: $toVersionId) {\n      fromVersionId\n      toVersionId\n      unchanged\n      nodes {\n        added {\n          id\n          label\n          type\n          summary\n        }\n        removed {\n          id\n          label\n          type\n          summary\n        }\n        changed {\n          id\n          label\n          type\n          summary\n          before\n          moved\n          changes {\n            field\n            beforeText\n            afterText\n          }\n        }\n      }\n    }\n  }\n": types.DiffDocument,
    "\n  query Comments($versionId: ID!) {\n    comments(versionId: $versionId) {\n      id\n      authorId\n      body\n      createdAt\n      kind\n      nodeId\n      versionId\n    }\n  }\n": types.CommentsDocument,
    "\n  mutation AddComment($input: AddCommentInput!) {\n    addComment(input: $input) {\n      id\n      authorId\n      body\n      createdAt\n      kind\n      nodeId\n      versionId\n    }\n  }\n": types.AddCommentDocument,
    "\n  query AuditLog($filter: AuditFilterInput, $after: String) {\n    auditLog(filter: $filter, page: { first: 25, after: $after }) {\n      edges {\n        node {\n          seq\n          action\n          entityType\n          entityId\n          actorId\n          actorEmail\n          occurredAt\n          comment\n          beforeHash\n          afterHash\n          hash\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AuditLogDocument,
    "\n  query VerifyAuditChain {\n    verifyAuditChain {\n      valid\n      checkedEntries\n      firstBrokenSeq\n      reason\n      headHash\n    }\n  }\n": types.VerifyAuditChainDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      accessToken\n      refreshToken\n      expiresIn\n      user {\n        id\n        email\n        displayName\n        roles\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      accessToken\n      refreshToken\n      expiresIn\n      user {\n        id\n        email\n        displayName\n        roles\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshToken($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) {\n      accessToken\n      refreshToken\n      expiresIn\n      user {\n        id\n        email\n        displayName\n        roles\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshToken($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) {\n      accessToken\n      refreshToken\n      expiresIn\n      user {\n        id\n        email\n        displayName\n        roles\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Strategies($after: String) {\n    strategies(page: { first: 25, after: $after }) {\n      edges {\n        node {\n          id\n          name\n          description\n          updatedAt\n          publishedVersion {\n            id\n            number\n          }\n          versions {\n            id\n            number\n            status\n            updatedAt\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Strategies($after: String) {\n    strategies(page: { first: 25, after: $after }) {\n      edges {\n        node {\n          id\n          name\n          description\n          updatedAt\n          publishedVersion {\n            id\n            number\n          }\n          versions {\n            id\n            number\n            status\n            updatedAt\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Strategy($id: ID!) {\n    strategy(id: $id) {\n      id\n      name\n      description\n      versions {\n        id\n        number\n        status\n        revision\n        updatedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query Strategy($id: ID!) {\n    strategy(id: $id) {\n      id\n      name\n      description\n      versions {\n        id\n        number\n        status\n        revision\n        updatedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Version($id: ID!) {\n    version(id: $id) {\n      id\n      strategyId\n      number\n      status\n      revision\n      document\n      contentHash\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  query Version($id: ID!) {\n    version(id: $id) {\n      id\n      strategyId\n      number\n      status\n      revision\n      document\n      contentHash\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateStrategy($input: CreateStrategyInput!) {\n    createStrategy(input: $input) {\n      id\n      name\n      versions {\n        id\n        number\n        status\n        revision\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateStrategy($input: CreateStrategyInput!) {\n    createStrategy(input: $input) {\n      id\n      name\n      versions {\n        id\n        number\n        status\n        revision\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloneVersion($versionId: ID!) {\n    cloneVersion(versionId: $versionId) {\n      id\n      number\n      status\n      revision\n    }\n  }\n"): (typeof documents)["\n  mutation CloneVersion($versionId: ID!) {\n    cloneVersion(versionId: $versionId) {\n      id\n      number\n      status\n      revision\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveDraft($input: SaveDraftInput!) {\n    saveDraft(input: $input) {\n      valid\n      version {\n        id\n        revision\n        contentHash\n        updatedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SaveDraft($input: SaveDraftInput!) {\n    saveDraft(input: $input) {\n      valid\n      version {\n        id\n        revision\n        contentHash\n        updatedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Environment($after: String) {\n    dataSchema {\n      customer {\n        name\n        type\n        label\n        description\n        allowedValues\n        personal\n      }\n      context {\n        name\n        type\n        label\n        description\n        allowedValues\n        personal\n      }\n    }\n    actions(page: { first: 50, after: $after }) {\n      edges {\n        node {\n          id\n          name\n          group\n          channel\n          value\n          cost\n          validFrom\n          validTo\n          tags\n          attributes\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Environment($after: String) {\n    dataSchema {\n      customer {\n        name\n        type\n        label\n        description\n        allowedValues\n        personal\n      }\n      context {\n        name\n        type\n        label\n        description\n        allowedValues\n        personal\n      }\n    }\n    actions(page: { first: 50, after: $after }) {\n      edges {\n        node {\n          id\n          name\n          group\n          channel\n          value\n          cost\n          validFrom\n          validTo\n          tags\n          attributes\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ActionsPage($after: String) {\n    actions(page: { first: 50, after: $after }) {\n      edges {\n        node {\n          id\n          name\n          group\n          channel\n          value\n          cost\n          validFrom\n          validTo\n          tags\n          attributes\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ActionsPage($after: String) {\n    actions(page: { first: 50, after: $after }) {\n      edges {\n        node {\n          id\n          name\n          group\n          channel\n          value\n          cost\n          validFrom\n          validTo\n          tags\n          attributes\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewStrategy($id: ID!) {\n    me {\n      id\n      email\n      displayName\n      roles\n    }\n    strategy(id: $id) {\n      id\n      name\n      description\n      publishedVersion {\n        id\n        number\n      }\n      versions {\n        id\n        strategyId\n        number\n        status\n        revision\n        contentHash\n        createdAt\n        createdBy\n        updatedAt\n        submittedAt\n        submittedBy\n        approvedAt\n        approvedBy\n        publishedAt\n        publishedBy\n        retiredAt\n        basedOnVersionId\n        editors\n        evidence {\n          id\n          status\n          completedAt\n          rowsTotal\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReviewStrategy($id: ID!) {\n    me {\n      id\n      email\n      displayName\n      roles\n    }\n    strategy(id: $id) {\n      id\n      name\n      description\n      publishedVersion {\n        id\n        number\n      }\n      versions {\n        id\n        strategyId\n        number\n        status\n        revision\n        contentHash\n        createdAt\n        createdBy\n        updatedAt\n        submittedAt\n        submittedBy\n        approvedAt\n        approvedBy\n        publishedAt\n        publishedBy\n        retiredAt\n        basedOnVersionId\n        editors\n        evidence {\n          id\n          status\n          completedAt\n          rowsTotal\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitVersion($versionId: ID!, $expectedRevision: Int) {\n    submitVersion(versionId: $versionId, expectedRevision: $expectedRevision) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitVersion($versionId: ID!, $expectedRevision: Int) {\n    submitVersion(versionId: $versionId, expectedRevision: $expectedRevision) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveVersion($versionId: ID!, $comment: String) {\n    approveVersion(versionId: $versionId, comment: $comment) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveVersion($versionId: ID!, $comment: String) {\n    approveVersion(versionId: $versionId, comment: $comment) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectVersion($versionId: ID!, $comment: String!) {\n    rejectVersion(versionId: $versionId, comment: $comment) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation RejectVersion($versionId: ID!, $comment: String!) {\n    rejectVersion(versionId: $versionId, comment: $comment) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishVersion($versionId: ID!) {\n    publishVersion(versionId: $versionId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation PublishVersion($versionId: ID!) {\n    publishVersion(versionId: $versionId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RollbackStrategy($strategyId: ID!, $toVersionId: ID!) {\n    rollbackStrategy(strategyId: $strategyId, toVersionId: $toVersionId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation RollbackStrategy($strategyId: ID!, $toVersionId: ID!) {\n    rollbackStrategy(strategyId: $strategyId, toVersionId: $toVersionId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Diff($fromVersionId: ID!, $toVersionId: ID!) {\n    diff(fromVersionId: $fromVersionId, toVersionId: $toVersionId) {\n      fromVersionId\n      toVersionId\n      unchanged\n      nodes {\n        added {\n          id\n          label\n          type\n          summary\n        }\n        removed {\n          id\n          label\n          type\n          summary\n        }\n        changed {\n          id\n          label\n          type\n          summary\n          before\n          moved\n          changes {\n            field\n            beforeText\n            afterText\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Diff($fromVersionId: ID!, $toVersionId: ID!) {\n    diff(fromVersionId: $fromVersionId, toVersionId: $toVersionId) {\n      fromVersionId\n      toVersionId\n      unchanged\n      nodes {\n        added {\n          id\n          label\n          type\n          summary\n        }\n        removed {\n          id\n          label\n          type\n          summary\n        }\n        changed {\n          id\n          label\n          type\n          summary\n          before\n          moved\n          changes {\n            field\n            beforeText\n            afterText\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Comments($versionId: ID!) {\n    comments(versionId: $versionId) {\n      id\n      authorId\n      body\n      createdAt\n      kind\n      nodeId\n      versionId\n    }\n  }\n"): (typeof documents)["\n  query Comments($versionId: ID!) {\n    comments(versionId: $versionId) {\n      id\n      authorId\n      body\n      createdAt\n      kind\n      nodeId\n      versionId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddComment($input: AddCommentInput!) {\n    addComment(input: $input) {\n      id\n      authorId\n      body\n      createdAt\n      kind\n      nodeId\n      versionId\n    }\n  }\n"): (typeof documents)["\n  mutation AddComment($input: AddCommentInput!) {\n    addComment(input: $input) {\n      id\n      authorId\n      body\n      createdAt\n      kind\n      nodeId\n      versionId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($filter: AuditFilterInput, $after: String) {\n    auditLog(filter: $filter, page: { first: 25, after: $after }) {\n      edges {\n        node {\n          seq\n          action\n          entityType\n          entityId\n          actorId\n          actorEmail\n          occurredAt\n          comment\n          beforeHash\n          afterHash\n          hash\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($filter: AuditFilterInput, $after: String) {\n    auditLog(filter: $filter, page: { first: 25, after: $after }) {\n      edges {\n        node {\n          seq\n          action\n          entityType\n          entityId\n          actorId\n          actorEmail\n          occurredAt\n          comment\n          beforeHash\n          afterHash\n          hash\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyAuditChain {\n    verifyAuditChain {\n      valid\n      checkedEntries\n      firstBrokenSeq\n      reason\n      headHash\n    }\n  }\n"): (typeof documents)["\n  query VerifyAuditChain {\n    verifyAuditChain {\n      valid\n      checkedEntries\n      firstBrokenSeq\n      reason\n      headHash\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;