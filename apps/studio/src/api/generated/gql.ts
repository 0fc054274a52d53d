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
    "\n  query AdminApiKeys {\n    apiKeys {\n      ...AdminApiKey\n    }\n  }\n  fragment AdminApiKey on ApiKey {\n    id\n    name\n    prefix\n    strategyIds\n    rateLimitPerSecond\n    createdAt\n    revokedAt\n  }\n": typeof types.AdminApiKeysDocument,
    "\n  query AdminStrategyNames($after: String) {\n    strategies(page: { first: 100, after: $after }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AdminStrategyNamesDocument,
    "\n  mutation AdminCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        ...AdminApiKey\n      }\n    }\n  }\n": typeof types.AdminCreateApiKeyDocument,
    "\n  mutation AdminRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...AdminApiKey\n    }\n  }\n": typeof types.AdminRevokeApiKeyDocument,
    "\n  query AdminUsers($after: String) {\n    users(page: { first: 50, after: $after }) {\n      edges {\n        node {\n          ...AdminUser\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n  fragment AdminUser on User {\n    id\n    email\n    displayName\n    roles\n    active\n    createdAt\n  }\n": typeof types.AdminUsersDocument,
    "\n  mutation AdminCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...AdminUser\n    }\n  }\n": typeof types.AdminCreateUserDocument,
    "\n  mutation AdminSetUserRoles($userId: ID!, $roles: [Role!]!) {\n    setUserRoles(userId: $userId, roles: $roles) {\n      ...AdminUser\n    }\n  }\n": typeof types.AdminSetUserRolesDocument,
    "\n  mutation AdminSetUserActive($userId: ID!, $active: Boolean!) {\n    setUserActive(userId: $userId, active: $active) {\n      ...AdminUser\n    }\n  }\n": typeof types.AdminSetUserActiveDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      accessToken\n      refreshToken\n      expiresIn\n      user {\n        id\n        email\n        displayName\n        roles\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation RefreshToken($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) {\n      accessToken\n      refreshToken\n      expiresIn\n      user {\n        id\n        email\n        displayName\n        roles\n      }\n    }\n  }\n": typeof types.RefreshTokenDocument,
    "\n  query Strategies($after: String) {\n    strategies(page: { first: 25, after: $after }) {\n      edges {\n        node {\n          id\n          name\n          description\n          createdBy\n          updatedAt\n          publishedVersion {\n            id\n            number\n          }\n          versions {\n            id\n            number\n            status\n            updatedAt\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.StrategiesDocument,
    "\n  query Strategy($id: ID!) {\n    strategy(id: $id) {\n      id\n      name\n      description\n      versions {\n        id\n        number\n        status\n        revision\n        updatedAt\n      }\n    }\n  }\n": typeof types.StrategyDocument,
    "\n  query Version($id: ID!) {\n    version(id: $id) {\n      id\n      strategyId\n      number\n      status\n      revision\n      document\n      contentHash\n      updatedAt\n    }\n  }\n": typeof types.VersionDocument,
    "\n  mutation CreateStrategy($input: CreateStrategyInput!) {\n    createStrategy(input: $input) {\n      id\n      name\n      versions {\n        id\n        number\n        status\n        revision\n      }\n    }\n  }\n": typeof types.CreateStrategyDocument,
    "\n  mutation CloneVersion($versionId: ID!) {\n    cloneVersion(versionId: $versionId) {\n      id\n      number\n      status\n      revision\n    }\n  }\n": typeof types.CloneVersionDocument,
    "\n  mutation SaveDraft($input: SaveDraftInput!) {\n    saveDraft(input: $input) {\n      valid\n      version {\n        id\n        revision\n        contentHash\n        updatedAt\n      }\n    }\n  }\n": typeof types.SaveDraftDocument,
    "\n  query ReviewStrategy($id: ID!) {\n    me {\n      id\n      email\n      displayName\n      roles\n    }\n    strategy(id: $id) {\n      id\n      name\n      description\n      publishedVersion {\n        id\n        number\n      }\n      versions {\n        id\n        strategyId\n        number\n        status\n        revision\n        contentHash\n        createdAt\n        createdBy\n        updatedAt\n        submittedAt\n        submittedBy\n        approvedAt\n        approvedBy\n        publishedAt\n        publishedBy\n        retiredAt\n        basedOnVersionId\n        editors\n        evidence {\n          id\n          status\n          completedAt\n          rowsTotal\n          progress {\n            rowsDone\n            rowsTotal\n          }\n        }\n      }\n    }\n  }\n": typeof types.ReviewStrategyDocument,
    "\n  mutation SubmitVersion($versionId: ID!, $expectedRevision: Int) {\n    submitVersion(versionId: $versionId, expectedRevision: $expectedRevision) {\n      id\n      status\n    }\n  }\n": typeof types.SubmitVersionDocument,
    "\n  mutation ApproveVersion($versionId: ID!, $comment: String) {\n    approveVersion(versionId: $versionId, comment: $comment) {\n      id\n      status\n    }\n  }\n": typeof types.ApproveVersionDocument,
    "\n  mutation RejectVersion($versionId: ID!, $comment: String!) {\n    rejectVersion(versionId: $versionId, comment: $comment) {\n      id\n      status\n    }\n  }\n": typeof types.RejectVersionDocument,
    "\n  mutation PublishVersion($versionId: ID!) {\n    publishVersion(versionId: $versionId) {\n      id\n      status\n    }\n  }\n": typeof types.PublishVersionDocument,
    "\n  mutation RollbackStrategy($strategyId: ID!, $toVersionId: ID!, $reason: String!) {\n    rollbackStrategy(strategyId: $strategyId, toVersionId: $toVersionId, reason: $reason) {\n      id\n      status\n    }\n  }\n": typeof types.RollbackStrategyDocument,
    "\n  query Diff($fromVersionId: ID!, $toVersionId: ID!) {\n    diff(fromVersionId: $fromVersionId, toVersionId: $toVersionId) {\n      fromVersionId\n      toVersionId\n      unchanged\n      environment\n      nodes {\n        added {\n          id\n          label\n          type\n          summary\n        }\n        removed {\n          id\n          label\n          type\n          summary\n        }\n        changed {\n          id\n          label\n          type\n          summary\n          before\n          moved\n          changes {\n            field\n            beforeText\n            afterText\n          }\n        }\n      }\n    }\n  }\n": typeof types.DiffDocument,
    "\n  query Comments($versionId: ID!) {\n    comments(versionId: $versionId) {\n      id\n      authorId\n      body\n      createdAt\n      kind\n      nodeId\n      versionId\n    }\n  }\n": typeof types.CommentsDocument,
    "\n  mutation AddComment($input: AddCommentInput!) {\n    addComment(input: $input) {\n      id\n      authorId\n      body\n      createdAt\n      kind\n      nodeId\n      versionId\n    }\n  }\n": typeof types.AddCommentDocument,
    "\n  query AuditLog($filter: AuditFilterInput, $after: String) {\n    auditLog(filter: $filter, page: { first: 25, after: $after }) {\n      edges {\n        node {\n          seq\n          action\n          entityType\n          entityId\n          actorId\n          actorEmail\n          occurredAt\n          comment\n          beforeHash\n          afterHash\n          hash\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  query VerifyAuditChain {\n    verifyAuditChain {\n      valid\n      checkedEntries\n      firstBrokenSeq\n      reason\n      headHash\n    }\n  }\n": typeof types.VerifyAuditChainDocument,
    "\n  fragment CatalogActionFields on Action {\n    id\n    name\n    group\n    channel\n    value\n    cost\n    validFrom\n    validTo\n    tags\n    attributes\n    revision\n  }\n": typeof types.CatalogActionFieldsFragmentDoc,
    "\n  # 50 a page: the API caps a query at 1000 points (fields × page size).\n  query CatalogPage($after: String) {\n    actions(page: { first: 50, after: $after }) {\n      edges {\n        node {\n          ...CatalogActionFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.CatalogPageDocument,
    "\n  query CatalogAction($id: String!) {\n    action(id: $id) {\n      ...CatalogActionFields\n    }\n  }\n": typeof types.CatalogActionDocument,
    "\n  mutation CreateCatalogAction($input: CreateActionInput!) {\n    createAction(input: $input) {\n      ...CatalogActionFields\n    }\n  }\n": typeof types.CreateCatalogActionDocument,
    "\n  mutation UpdateCatalogAction($id: String!, $input: UpdateActionInput!) {\n    updateAction(id: $id, input: $input) {\n      ...CatalogActionFields\n    }\n  }\n": typeof types.UpdateCatalogActionDocument,
    "\n  mutation DeleteCatalogAction($id: String!, $expectedRevision: Int!) {\n    deleteAction(id: $id, expectedRevision: $expectedRevision) {\n      id\n    }\n  }\n": typeof types.DeleteCatalogActionDocument,
    "\n  fragment DatasetSummaryFields on Dataset {\n    id\n    name\n    format\n    status\n    rowsRead\n    rowCount\n    bytesRead\n    totalBytes\n    createdAt\n    createdBy\n    error\n  }\n": typeof types.DatasetSummaryFieldsFragmentDoc,
    "\n  query Datasets {\n    datasets {\n      ...DatasetSummaryFields\n    }\n  }\n": typeof types.DatasetsDocument,
    "\n  query Dataset($id: ID!) {\n    dataset(id: $id) {\n      ...DatasetSummaryFields\n      mapping\n      personalColumns\n      report\n    }\n  }\n": typeof types.DatasetDocument,
    "\n  mutation DeleteDataset($id: ID!) {\n    deleteDataset(id: $id) {\n      id\n    }\n  }\n": typeof types.DeleteDatasetDocument,
    "\n  query DatasetCustomerSchema {\n    dataSchema {\n      customer {\n        name\n        type\n        label\n        personal\n      }\n    }\n  }\n": typeof types.DatasetCustomerSchemaDocument,
    "\n  query SchemaFields {\n    dataSchema {\n      customer {\n        ...SchemaFieldParts\n      }\n      context {\n        ...SchemaFieldParts\n      }\n    }\n  }\n  fragment SchemaFieldParts on SchemaField {\n    scope\n    name\n    type\n    label\n    description\n    allowedValues\n    personal\n  }\n": typeof types.SchemaFieldsDocument,
    "\n  mutation DefineSchemaField($input: DefineSchemaFieldInput!) {\n    defineSchemaField(input: $input) {\n      ...SchemaFieldParts\n    }\n  }\n": typeof types.DefineSchemaFieldDocument,
    "\n  mutation RemoveSchemaField($scope: SchemaScope!, $name: String!) {\n    removeSchemaField(scope: $scope, name: $name) {\n      name\n    }\n  }\n": typeof types.RemoveSchemaFieldDocument,
    "\n  query People($ids: [ID!]!) {\n    people(ids: $ids) {\n      id\n      displayName\n    }\n  }\n": typeof types.PeopleDocument,
    "\n  fragment SimulationListFields on Simulation {\n    id\n    status\n    createdAt\n    createdBy\n    rowsTotal\n    strategy {\n      id\n      name\n    }\n    version {\n      id\n      number\n      strategyId\n    }\n    baselineVersion {\n      id\n      number\n    }\n    dataset {\n      id\n      name\n    }\n  }\n": typeof types.SimulationListFieldsFragmentDoc,
    "\n  query SimulationList($strategyId: ID) {\n    simulations(strategyId: $strategyId) {\n      ...SimulationListFields\n    }\n  }\n": typeof types.SimulationListDocument,
    "\n  query SimulationRun($id: ID!) {\n    simulation(id: $id) {\n      ...SimulationListFields\n      error\n      results\n      comparison\n      dataWarnings\n      completedAt\n      progress {\n        status\n        rowsDone\n        rowsTotal\n        rowsPerSecond\n        etaSeconds\n        chunksDone\n        chunkCount\n      }\n    }\n  }\n": typeof types.SimulationRunDocument,
    "\n  query SimulationStrategyChoices($after: String) {\n    strategies(page: { first: 50, after: $after }) {\n      edges {\n        node {\n          id\n          name\n          publishedVersion {\n            id\n          }\n          versions {\n            id\n            number\n            status\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.SimulationStrategyChoicesDocument,
    "\n  query SimulationDatasetChoices {\n    datasets {\n      id\n      name\n      status\n      rowCount\n    }\n  }\n": typeof types.SimulationDatasetChoicesDocument,
    "\n  query SimulationPeople($ids: [ID!]!) {\n    people(ids: $ids) {\n      id\n      displayName\n    }\n  }\n": typeof types.SimulationPeopleDocument,
    "\n  mutation RunSimulation($versionId: ID!, $datasetId: ID!, $baselineVersionId: ID, $force: Boolean) {\n    runSimulation(\n      versionId: $versionId\n      datasetId: $datasetId\n      baselineVersionId: $baselineVersionId\n      force: $force\n    ) {\n      id\n    }\n  }\n": typeof types.RunSimulationDocument,
    "\n  mutation CancelSimulation($id: ID!) {\n    cancelSimulation(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.CancelSimulationDocument,
};
const documents: Documents = {
    "\n  query AdminApiKeys {\n    apiKeys {\n      ...AdminApiKey\n    }\n  }\n  fragment AdminApiKey on ApiKey {\n    id\n    name\n    prefix\n    strategyIds\n    rateLimitPerSecond\n    createdAt\n    revokedAt\n  }\n": types.AdminApiKeysDocument,
    "\n  query AdminStrategyNames($after: String) {\n    strategies(page: { first: 100, after: $after }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AdminStrategyNamesDocument,
    "\n  mutation AdminCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        ...AdminApiKey\n      }\n    }\n  }\n": types.AdminCreateApiKeyDocument,
    "\n  mutation AdminRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...AdminApiKey\n    }\n  }\n": types.AdminRevokeApiKeyDocument,
    "\n  query AdminUsers($after: String) {\n    users(page: { first: 50, after: $after }) {\n      edges {\n        node {\n          ...AdminUser\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n  fragment AdminUser on User {\n    id\n    email\n    displayName\n    roles\n    active\n    createdAt\n  }\n": types.AdminUsersDocument,
    "\n  mutation AdminCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...AdminUser\n    }\n  }\n": types.AdminCreateUserDocument,
    "\n  mutation AdminSetUserRoles($userId: ID!, $roles: [Role!]!) {\n    setUserRoles(userId: $userId, roles: $roles) {\n      ...AdminUser\n    }\n  }\n": types.AdminSetUserRolesDocument,
    "\n  mutation AdminSetUserActive($userId: ID!, $active: Boolean!) {\n    setUserActive(userId: $userId, active: $active) {\n      ...AdminUser\n    }\n  }\n": types.AdminSetUserActiveDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      accessToken\n      refreshToken\n      expiresIn\n      user {\n        id\n        email\n        displayName\n        roles\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation RefreshToken($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) {\n      accessToken\n      refreshToken\n      expiresIn\n      user {\n        id\n        email\n        displayName\n        roles\n      }\n    }\n  }\n": types.RefreshTokenDocument,
    "\n  query Strategies($after: String) {\n    strategies(page: { first: 25, after: $after }) {\n      edges {\n        node {\n          id\n          name\n          description\n          createdBy\n          updatedAt\n          publishedVersion {\n            id\n            number\n          }\n          versions {\n            id\n            number\n            status\n            updatedAt\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.StrategiesDocument,
    "\n  query Strategy($id: ID!) {\n    strategy(id: $id) {\n      id\n      name\n      description\n      versions {\n        id\n        number\n        status\n        revision\n        updatedAt\n      }\n    }\n  }\n": types.StrategyDocument,
    "\n  query Version($id: ID!) {\n    version(id: $id) {\n      id\n      strategyId\n      number\n      status\n      revision\n      document\n      contentHash\n      updatedAt\n    }\n  }\n": types.VersionDocument,
    "\n  mutation CreateStrategy($input: CreateStrategyInput!) {\n    createStrategy(input: $input) {\n      id\n      name\n      versions {\n        id\n        number\n        status\n        revision\n      }\n    }\n  }\n": types.CreateStrategyDocument,
    "\n  mutation CloneVersion($versionId: ID!) {\n    cloneVersion(versionId: $versionId) {\n      id\n      number\n      status\n      revision\n    }\n  }\n": types.CloneVersionDocument,
    "\n  mutation SaveDraft($input: SaveDraftInput!) {\n    saveDraft(input: $input) {\n      valid\n      version {\n        id\n        revision\n        contentHash\n        updatedAt\n      }\n    }\n  }\n": types.SaveDraftDocument,
    "\n  query ReviewStrategy($id: ID!) {\n    me {\n      id\n      email\n      displayName\n      roles\n    }\n    strategy(id: $id) {\n      id\n      name\n      description\n      publishedVersion {\n        id\n        number\n      }\n      versions {\n        id\n        strategyId\n        number\n        status\n        revision\n        contentHash\n        createdAt\n        createdBy\n        updatedAt\n        submittedAt\n        submittedBy\n        approvedAt\n        approvedBy\n        publishedAt\n        publishedBy\n        retiredAt\n        basedOnVersionId\n        editors\n        evidence {\n          id\n          status\n          completedAt\n          rowsTotal\n          progress {\n            rowsDone\n            rowsTotal\n          }\n        }\n      }\n    }\n  }\n": types.ReviewStrategyDocument,
    "\n  mutation SubmitVersion($versionId: ID!, $expectedRevision: Int) {\n    submitVersion(versionId: $versionId, expectedRevision: $expectedRevision) {\n      id\n      status\n    }\n  }\n": types.SubmitVersionDocument,
    "\n  mutation ApproveVersion($versionId: ID!, $comment: String) {\n    approveVersion(versionId: $versionId, comment: $comment) {\n      id\n      status\n    }\n  }\n": types.ApproveVersionDocument,
    "\n  mutation RejectVersion($versionId: ID!, $comment: String!) {\n    rejectVersion(versionId: $versionId, comment: $comment) {\n      id\n      status\n    }\n  }\n": types.RejectVersionDocument,
    "\n  mutation PublishVersion($versionId: ID!) {\n    publishVersion(versionId: $versionId) {\n      id\n      status\n    }\n  }\n": types.PublishVersionDocument,
    "\n  mutation RollbackStrategy($strategyId: ID!, $toVersionId: ID!, $reason: String!) {\n    rollbackStrategy(strategyId: $strategyId, toVersionId: $toVersionId, reason: $reason) {\n      id\n      status\n    }\n  }\n": types.RollbackStrategyDocument,
    "\n  query Diff($fromVersionId: ID!, $toVersionId: ID!) {\n    diff(fromVersionId: $fromVersionId, toVersionId: $toVersionId) {\n      fromVersionId\n      toVersionId\n      unchanged\n      environment\n      nodes {\n        added {\n          id\n          label\n          type\n          summary\n        }\n        removed {\n          id\n          label\n          type\n          summary\n        }\n        changed {\n          id\n          label\n          type\n          summary\n          before\n          moved\n          changes {\n            field\n            beforeText\n            afterText\n          }\n        }\n      }\n    }\n  }\n": types.DiffDocument,
    "\n  query Comments($versionId: ID!) {\n    comments(versionId: $versionId) {\n      id\n      authorId\n      body\n      createdAt\n      kind\n      nodeId\n      versionId\n    }\n  }\n": types.CommentsDocument,
    "\n  mutation AddComment($input: AddCommentInput!) {\n    addComment(input: $input) {\n      id\n      authorId\n      body\n      createdAt\n      kind\n      nodeId\n      versionId\n    }\n  }\n": types.AddCommentDocument,
    "\n  query AuditLog($filter: AuditFilterInput, $after: String) {\n    auditLog(filter: $filter, page: { first: 25, after: $after }) {\n      edges {\n        node {\n          seq\n          action\n          entityType\n          entityId\n          actorId\n          actorEmail\n          occurredAt\n          comment\n          beforeHash\n          afterHash\n          hash\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AuditLogDocument,
    "\n  query VerifyAuditChain {\n    verifyAuditChain {\n      valid\n      checkedEntries\n      firstBrokenSeq\n      reason\n      headHash\n    }\n  }\n": types.VerifyAuditChainDocument,
    "\n  fragment CatalogActionFields on Action {\n    id\n    name\n    group\n    channel\n    value\n    cost\n    validFrom\n    validTo\n    tags\n    attributes\n    revision\n  }\n": types.CatalogActionFieldsFragmentDoc,
    "\n  # 50 a page: the API caps a query at 1000 points (fields × page size).\n  query CatalogPage($after: String) {\n    actions(page: { first: 50, after: $after }) {\n      edges {\n        node {\n          ...CatalogActionFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.CatalogPageDocument,
    "\n  query CatalogAction($id: String!) {\n    action(id: $id) {\n      ...CatalogActionFields\n    }\n  }\n": types.CatalogActionDocument,
    "\n  mutation CreateCatalogAction($input: CreateActionInput!) {\n    createAction(input: $input) {\n      ...CatalogActionFields\n    }\n  }\n": types.CreateCatalogActionDocument,
    "\n  mutation UpdateCatalogAction($id: String!, $input: UpdateActionInput!) {\n    updateAction(id: $id, input: $input) {\n      ...CatalogActionFields\n    }\n  }\n": types.UpdateCatalogActionDocument,
    "\n  mutation DeleteCatalogAction($id: String!, $expectedRevision: Int!) {\n    deleteAction(id: $id, expectedRevision: $expectedRevision) {\n      id\n    }\n  }\n": types.DeleteCatalogActionDocument,
    "\n  fragment DatasetSummaryFields on Dataset {\n    id\n    name\n    format\n    status\n    rowsRead\n    rowCount\n    bytesRead\n    totalBytes\n    createdAt\n    createdBy\n    error\n  }\n": types.DatasetSummaryFieldsFragmentDoc,
    "\n  query Datasets {\n    datasets {\n      ...DatasetSummaryFields\n    }\n  }\n": types.DatasetsDocument,
    "\n  query Dataset($id: ID!) {\n    dataset(id: $id) {\n      ...DatasetSummaryFields\n      mapping\n      personalColumns\n      report\n    }\n  }\n": types.DatasetDocument,
    "\n  mutation DeleteDataset($id: ID!) {\n    deleteDataset(id: $id) {\n      id\n    }\n  }\n": types.DeleteDatasetDocument,
    "\n  query DatasetCustomerSchema {\n    dataSchema {\n      customer {\n        name\n        type\n        label\n        personal\n      }\n    }\n  }\n": types.DatasetCustomerSchemaDocument,
    "\n  query SchemaFields {\n    dataSchema {\n      customer {\n        ...SchemaFieldParts\n      }\n      context {\n        ...SchemaFieldParts\n      }\n    }\n  }\n  fragment SchemaFieldParts on SchemaField {\n    scope\n    name\n    type\n    label\n    description\n    allowedValues\n    personal\n  }\n": types.SchemaFieldsDocument,
    "\n  mutation DefineSchemaField($input: DefineSchemaFieldInput!) {\n    defineSchemaField(input: $input) {\n      ...SchemaFieldParts\n    }\n  }\n": types.DefineSchemaFieldDocument,
    "\n  mutation RemoveSchemaField($scope: SchemaScope!, $name: String!) {\n    removeSchemaField(scope: $scope, name: $name) {\n      name\n    }\n  }\n": types.RemoveSchemaFieldDocument,
    "\n  query People($ids: [ID!]!) {\n    people(ids: $ids) {\n      id\n      displayName\n    }\n  }\n": types.PeopleDocument,
    "\n  fragment SimulationListFields on Simulation {\n    id\n    status\n    createdAt\n    createdBy\n    rowsTotal\n    strategy {\n      id\n      name\n    }\n    version {\n      id\n      number\n      strategyId\n    }\n    baselineVersion {\n      id\n      number\n    }\n    dataset {\n      id\n      name\n    }\n  }\n": types.SimulationListFieldsFragmentDoc,
    "\n  query SimulationList($strategyId: ID) {\n    simulations(strategyId: $strategyId) {\n      ...SimulationListFields\n    }\n  }\n": types.SimulationListDocument,
    "\n  query SimulationRun($id: ID!) {\n    simulation(id: $id) {\n      ...SimulationListFields\n      error\n      results\n      comparison\n      dataWarnings\n      completedAt\n      progress {\n        status\n        rowsDone\n        rowsTotal\n        rowsPerSecond\n        etaSeconds\n        chunksDone\n        chunkCount\n      }\n    }\n  }\n": types.SimulationRunDocument,
    "\n  query SimulationStrategyChoices($after: String) {\n    strategies(page: { first: 50, after: $after }) {\n      edges {\n        node {\n          id\n          name\n          publishedVersion {\n            id\n          }\n          versions {\n            id\n            number\n            status\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.SimulationStrategyChoicesDocument,
    "\n  query SimulationDatasetChoices {\n    datasets {\n      id\n      name\n      status\n      rowCount\n    }\n  }\n": types.SimulationDatasetChoicesDocument,
    "\n  query SimulationPeople($ids: [ID!]!) {\n    people(ids: $ids) {\n      id\n      displayName\n    }\n  }\n": types.SimulationPeopleDocument,
    "\n  mutation RunSimulation($versionId: ID!, $datasetId: ID!, $baselineVersionId: ID, $force: Boolean) {\n    runSimulation(\n      versionId: $versionId\n      datasetId: $datasetId\n      baselineVersionId: $baselineVersionId\n      force: $force\n    ) {\n      id\n    }\n  }\n": types.RunSimulationDocument,
    "\n  mutation CancelSimulation($id: ID!) {\n    cancelSimulation(id: $id) {\n      id\n      status\n    }\n  }\n": types.CancelSimulationDocument,
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
export function graphql(source: "\n  query AdminApiKeys {\n    apiKeys {\n      ...AdminApiKey\n    }\n  }\n  fragment AdminApiKey on ApiKey {\n    id\n    name\n    prefix\n    strategyIds\n    rateLimitPerSecond\n    createdAt\n    revokedAt\n  }\n"): (typeof documents)["\n  query AdminApiKeys {\n    apiKeys {\n      ...AdminApiKey\n    }\n  }\n  fragment AdminApiKey on ApiKey {\n    id\n    name\n    prefix\n    strategyIds\n    rateLimitPerSecond\n    createdAt\n    revokedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminStrategyNames($after: String) {\n    strategies(page: { first: 100, after: $after }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminStrategyNames($after: String) {\n    strategies(page: { first: 100, after: $after }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        ...AdminApiKey\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        ...AdminApiKey\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...AdminApiKey\n    }\n  }\n"): (typeof documents)["\n  mutation AdminRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...AdminApiKey\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUsers($after: String) {\n    users(page: { first: 50, after: $after }) {\n      edges {\n        node {\n          ...AdminUser\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n  fragment AdminUser on User {\n    id\n    email\n    displayName\n    roles\n    active\n    createdAt\n  }\n"): (typeof documents)["\n  query AdminUsers($after: String) {\n    users(page: { first: 50, after: $after }) {\n      edges {\n        node {\n          ...AdminUser\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n  fragment AdminUser on User {\n    id\n    email\n    displayName\n    roles\n    active\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...AdminUser\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...AdminUser\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSetUserRoles($userId: ID!, $roles: [Role!]!) {\n    setUserRoles(userId: $userId, roles: $roles) {\n      ...AdminUser\n    }\n  }\n"): (typeof documents)["\n  mutation AdminSetUserRoles($userId: ID!, $roles: [Role!]!) {\n    setUserRoles(userId: $userId, roles: $roles) {\n      ...AdminUser\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSetUserActive($userId: ID!, $active: Boolean!) {\n    setUserActive(userId: $userId, active: $active) {\n      ...AdminUser\n    }\n  }\n"): (typeof documents)["\n  mutation AdminSetUserActive($userId: ID!, $active: Boolean!) {\n    setUserActive(userId: $userId, active: $active) {\n      ...AdminUser\n    }\n  }\n"];
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
export function graphql(source: "\n  query Strategies($after: String) {\n    strategies(page: { first: 25, after: $after }) {\n      edges {\n        node {\n          id\n          name\n          description\n          createdBy\n          updatedAt\n          publishedVersion {\n            id\n            number\n          }\n          versions {\n            id\n            number\n            status\n            updatedAt\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Strategies($after: String) {\n    strategies(page: { first: 25, after: $after }) {\n      edges {\n        node {\n          id\n          name\n          description\n          createdBy\n          updatedAt\n          publishedVersion {\n            id\n            number\n          }\n          versions {\n            id\n            number\n            status\n            updatedAt\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  query ReviewStrategy($id: ID!) {\n    me {\n      id\n      email\n      displayName\n      roles\n    }\n    strategy(id: $id) {\n      id\n      name\n      description\n      publishedVersion {\n        id\n        number\n      }\n      versions {\n        id\n        strategyId\n        number\n        status\n        revision\n        contentHash\n        createdAt\n        createdBy\n        updatedAt\n        submittedAt\n        submittedBy\n        approvedAt\n        approvedBy\n        publishedAt\n        publishedBy\n        retiredAt\n        basedOnVersionId\n        editors\n        evidence {\n          id\n          status\n          completedAt\n          rowsTotal\n          progress {\n            rowsDone\n            rowsTotal\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReviewStrategy($id: ID!) {\n    me {\n      id\n      email\n      displayName\n      roles\n    }\n    strategy(id: $id) {\n      id\n      name\n      description\n      publishedVersion {\n        id\n        number\n      }\n      versions {\n        id\n        strategyId\n        number\n        status\n        revision\n        contentHash\n        createdAt\n        createdBy\n        updatedAt\n        submittedAt\n        submittedBy\n        approvedAt\n        approvedBy\n        publishedAt\n        publishedBy\n        retiredAt\n        basedOnVersionId\n        editors\n        evidence {\n          id\n          status\n          completedAt\n          rowsTotal\n          progress {\n            rowsDone\n            rowsTotal\n          }\n        }\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  mutation RollbackStrategy($strategyId: ID!, $toVersionId: ID!, $reason: String!) {\n    rollbackStrategy(strategyId: $strategyId, toVersionId: $toVersionId, reason: $reason) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation RollbackStrategy($strategyId: ID!, $toVersionId: ID!, $reason: String!) {\n    rollbackStrategy(strategyId: $strategyId, toVersionId: $toVersionId, reason: $reason) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Diff($fromVersionId: ID!, $toVersionId: ID!) {\n    diff(fromVersionId: $fromVersionId, toVersionId: $toVersionId) {\n      fromVersionId\n      toVersionId\n      unchanged\n      environment\n      nodes {\n        added {\n          id\n          label\n          type\n          summary\n        }\n        removed {\n          id\n          label\n          type\n          summary\n        }\n        changed {\n          id\n          label\n          type\n          summary\n          before\n          moved\n          changes {\n            field\n            beforeText\n            afterText\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Diff($fromVersionId: ID!, $toVersionId: ID!) {\n    diff(fromVersionId: $fromVersionId, toVersionId: $toVersionId) {\n      fromVersionId\n      toVersionId\n      unchanged\n      environment\n      nodes {\n        added {\n          id\n          label\n          type\n          summary\n        }\n        removed {\n          id\n          label\n          type\n          summary\n        }\n        changed {\n          id\n          label\n          type\n          summary\n          before\n          moved\n          changes {\n            field\n            beforeText\n            afterText\n          }\n        }\n      }\n    }\n  }\n"];
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
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CatalogActionFields on Action {\n    id\n    name\n    group\n    channel\n    value\n    cost\n    validFrom\n    validTo\n    tags\n    attributes\n    revision\n  }\n"): (typeof documents)["\n  fragment CatalogActionFields on Action {\n    id\n    name\n    group\n    channel\n    value\n    cost\n    validFrom\n    validTo\n    tags\n    attributes\n    revision\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  # 50 a page: the API caps a query at 1000 points (fields × page size).\n  query CatalogPage($after: String) {\n    actions(page: { first: 50, after: $after }) {\n      edges {\n        node {\n          ...CatalogActionFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  # 50 a page: the API caps a query at 1000 points (fields × page size).\n  query CatalogPage($after: String) {\n    actions(page: { first: 50, after: $after }) {\n      edges {\n        node {\n          ...CatalogActionFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogAction($id: String!) {\n    action(id: $id) {\n      ...CatalogActionFields\n    }\n  }\n"): (typeof documents)["\n  query CatalogAction($id: String!) {\n    action(id: $id) {\n      ...CatalogActionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCatalogAction($input: CreateActionInput!) {\n    createAction(input: $input) {\n      ...CatalogActionFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCatalogAction($input: CreateActionInput!) {\n    createAction(input: $input) {\n      ...CatalogActionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCatalogAction($id: String!, $input: UpdateActionInput!) {\n    updateAction(id: $id, input: $input) {\n      ...CatalogActionFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCatalogAction($id: String!, $input: UpdateActionInput!) {\n    updateAction(id: $id, input: $input) {\n      ...CatalogActionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteCatalogAction($id: String!, $expectedRevision: Int!) {\n    deleteAction(id: $id, expectedRevision: $expectedRevision) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteCatalogAction($id: String!, $expectedRevision: Int!) {\n    deleteAction(id: $id, expectedRevision: $expectedRevision) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DatasetSummaryFields on Dataset {\n    id\n    name\n    format\n    status\n    rowsRead\n    rowCount\n    bytesRead\n    totalBytes\n    createdAt\n    createdBy\n    error\n  }\n"): (typeof documents)["\n  fragment DatasetSummaryFields on Dataset {\n    id\n    name\n    format\n    status\n    rowsRead\n    rowCount\n    bytesRead\n    totalBytes\n    createdAt\n    createdBy\n    error\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Datasets {\n    datasets {\n      ...DatasetSummaryFields\n    }\n  }\n"): (typeof documents)["\n  query Datasets {\n    datasets {\n      ...DatasetSummaryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dataset($id: ID!) {\n    dataset(id: $id) {\n      ...DatasetSummaryFields\n      mapping\n      personalColumns\n      report\n    }\n  }\n"): (typeof documents)["\n  query Dataset($id: ID!) {\n    dataset(id: $id) {\n      ...DatasetSummaryFields\n      mapping\n      personalColumns\n      report\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteDataset($id: ID!) {\n    deleteDataset(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteDataset($id: ID!) {\n    deleteDataset(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DatasetCustomerSchema {\n    dataSchema {\n      customer {\n        name\n        type\n        label\n        personal\n      }\n    }\n  }\n"): (typeof documents)["\n  query DatasetCustomerSchema {\n    dataSchema {\n      customer {\n        name\n        type\n        label\n        personal\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchemaFields {\n    dataSchema {\n      customer {\n        ...SchemaFieldParts\n      }\n      context {\n        ...SchemaFieldParts\n      }\n    }\n  }\n  fragment SchemaFieldParts on SchemaField {\n    scope\n    name\n    type\n    label\n    description\n    allowedValues\n    personal\n  }\n"): (typeof documents)["\n  query SchemaFields {\n    dataSchema {\n      customer {\n        ...SchemaFieldParts\n      }\n      context {\n        ...SchemaFieldParts\n      }\n    }\n  }\n  fragment SchemaFieldParts on SchemaField {\n    scope\n    name\n    type\n    label\n    description\n    allowedValues\n    personal\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DefineSchemaField($input: DefineSchemaFieldInput!) {\n    defineSchemaField(input: $input) {\n      ...SchemaFieldParts\n    }\n  }\n"): (typeof documents)["\n  mutation DefineSchemaField($input: DefineSchemaFieldInput!) {\n    defineSchemaField(input: $input) {\n      ...SchemaFieldParts\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveSchemaField($scope: SchemaScope!, $name: String!) {\n    removeSchemaField(scope: $scope, name: $name) {\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveSchemaField($scope: SchemaScope!, $name: String!) {\n    removeSchemaField(scope: $scope, name: $name) {\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query People($ids: [ID!]!) {\n    people(ids: $ids) {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  query People($ids: [ID!]!) {\n    people(ids: $ids) {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SimulationListFields on Simulation {\n    id\n    status\n    createdAt\n    createdBy\n    rowsTotal\n    strategy {\n      id\n      name\n    }\n    version {\n      id\n      number\n      strategyId\n    }\n    baselineVersion {\n      id\n      number\n    }\n    dataset {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment SimulationListFields on Simulation {\n    id\n    status\n    createdAt\n    createdBy\n    rowsTotal\n    strategy {\n      id\n      name\n    }\n    version {\n      id\n      number\n      strategyId\n    }\n    baselineVersion {\n      id\n      number\n    }\n    dataset {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SimulationList($strategyId: ID) {\n    simulations(strategyId: $strategyId) {\n      ...SimulationListFields\n    }\n  }\n"): (typeof documents)["\n  query SimulationList($strategyId: ID) {\n    simulations(strategyId: $strategyId) {\n      ...SimulationListFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SimulationRun($id: ID!) {\n    simulation(id: $id) {\n      ...SimulationListFields\n      error\n      results\n      comparison\n      dataWarnings\n      completedAt\n      progress {\n        status\n        rowsDone\n        rowsTotal\n        rowsPerSecond\n        etaSeconds\n        chunksDone\n        chunkCount\n      }\n    }\n  }\n"): (typeof documents)["\n  query SimulationRun($id: ID!) {\n    simulation(id: $id) {\n      ...SimulationListFields\n      error\n      results\n      comparison\n      dataWarnings\n      completedAt\n      progress {\n        status\n        rowsDone\n        rowsTotal\n        rowsPerSecond\n        etaSeconds\n        chunksDone\n        chunkCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SimulationStrategyChoices($after: String) {\n    strategies(page: { first: 50, after: $after }) {\n      edges {\n        node {\n          id\n          name\n          publishedVersion {\n            id\n          }\n          versions {\n            id\n            number\n            status\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query SimulationStrategyChoices($after: String) {\n    strategies(page: { first: 50, after: $after }) {\n      edges {\n        node {\n          id\n          name\n          publishedVersion {\n            id\n          }\n          versions {\n            id\n            number\n            status\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SimulationDatasetChoices {\n    datasets {\n      id\n      name\n      status\n      rowCount\n    }\n  }\n"): (typeof documents)["\n  query SimulationDatasetChoices {\n    datasets {\n      id\n      name\n      status\n      rowCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SimulationPeople($ids: [ID!]!) {\n    people(ids: $ids) {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  query SimulationPeople($ids: [ID!]!) {\n    people(ids: $ids) {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RunSimulation($versionId: ID!, $datasetId: ID!, $baselineVersionId: ID, $force: Boolean) {\n    runSimulation(\n      versionId: $versionId\n      datasetId: $datasetId\n      baselineVersionId: $baselineVersionId\n      force: $force\n    ) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RunSimulation($versionId: ID!, $datasetId: ID!, $baselineVersionId: ID, $force: Boolean) {\n    runSimulation(\n      versionId: $versionId\n      datasetId: $datasetId\n      baselineVersionId: $baselineVersionId\n      force: $force\n    ) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelSimulation($id: ID!) {\n    cancelSimulation(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation CancelSimulation($id: ID!) {\n    cancelSimulation(id: $id) {\n      id\n      status\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;