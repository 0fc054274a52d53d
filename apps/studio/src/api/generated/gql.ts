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

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;