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
    "\n  query AdminStrategyNames($after: String) {\n    strategies(page: { first: 100, after: $after }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n": typeof types.AdminStrategyNamesDocument,
    "\n  mutation AdminCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        ...AdminApiKey\n      }\n    }\n  }\n": typeof types.AdminCreateApiKeyDocument,
    "\n  mutation AdminRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...AdminApiKey\n    }\n  }\n": typeof types.AdminRevokeApiKeyDocument,
    "\n  query AdminUsers($after: String) {\n    users(page: { first: 50, after: $after }) {\n      edges {\n        node {\n          ...AdminUser\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n  fragment AdminUser on User {\n    id\n    email\n    displayName\n    roles\n    active\n    createdAt\n  }\n": typeof types.AdminUsersDocument,
    "\n  mutation AdminCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...AdminUser\n    }\n  }\n": typeof types.AdminCreateUserDocument,
    "\n  mutation AdminSetUserRoles($userId: ID!, $roles: [Role!]!) {\n    setUserRoles(userId: $userId, roles: $roles) {\n      ...AdminUser\n    }\n  }\n": typeof types.AdminSetUserRolesDocument,
    "\n  mutation AdminSetUserActive($userId: ID!, $active: Boolean!) {\n    setUserActive(userId: $userId, active: $active) {\n      ...AdminUser\n    }\n  }\n": typeof types.AdminSetUserActiveDocument,
    "\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    endCursor\n  }\n": typeof types.PageInfoFieldsFragmentDoc,
    "\n  fragment SessionUserFields on User {\n    id\n    email\n    displayName\n    roles\n    permissions\n    deniedPermissions {\n      permission\n      reason\n    }\n  }\n": typeof types.SessionUserFieldsFragmentDoc,
    "\n  fragment AuthPayloadFields on AuthPayload {\n    accessToken\n    refreshToken\n    expiresIn\n    user {\n      ...SessionUserFields\n    }\n  }\n": typeof types.AuthPayloadFieldsFragmentDoc,
    "\n  query MyPermissions {\n    me {\n      ...SessionUserFields\n    }\n  }\n": typeof types.MyPermissionsDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...AuthPayloadFields\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation RefreshToken($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) {\n      ...AuthPayloadFields\n    }\n  }\n": typeof types.RefreshTokenDocument,
    "\n  query Strategies($after: String) {\n    strategies(page: { first: 25, after: $after }) {\n      edges {\n        node {\n          id\n          name\n          description\n          createdBy\n          updatedAt\n          publishedVersion {\n            id\n            number\n          }\n          versions {\n            id\n            number\n            status\n            updatedAt\n          }\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n": typeof types.StrategiesDocument,
    "\n  fragment VersionRevisionFields on StrategyVersion {\n    id\n    number\n    status\n    revision\n  }\n": typeof types.VersionRevisionFieldsFragmentDoc,
    "\n  query Strategy($id: ID!) {\n    strategy(id: $id) {\n      id\n      name\n      description\n      versions {\n        ...VersionRevisionFields\n        updatedAt\n      }\n    }\n  }\n": typeof types.StrategyDocument,
    "\n  query Version($id: ID!) {\n    version(id: $id) {\n      id\n      strategyId\n      number\n      status\n      revision\n      document\n      contentHash\n      updatedAt\n    }\n  }\n": typeof types.VersionDocument,
    "\n  mutation ImportJsonRulesEngineRules($name: String!, $rules: JSON!) {\n    importJsonRulesEngineRules(name: $name, rules: $rules) {\n      strategy {\n        id\n      }\n      versionId\n      imported\n      total\n      createdActions\n      matchedActions\n      report {\n        rule\n        name\n        field\n        message\n        carriedOver\n      }\n    }\n  }\n": typeof types.ImportJsonRulesEngineRulesDocument,
    "\n  mutation CreateStrategy($input: CreateStrategyInput!) {\n    createStrategy(input: $input) {\n      id\n      name\n      versions {\n        ...VersionRevisionFields\n      }\n    }\n  }\n": typeof types.CreateStrategyDocument,
    "\n  mutation CloneVersion($versionId: ID!) {\n    cloneVersion(versionId: $versionId) {\n      ...VersionRevisionFields\n    }\n  }\n": typeof types.CloneVersionDocument,
    "\n  mutation SaveDraft($input: SaveDraftInput!) {\n    saveDraft(input: $input) {\n      valid\n      version {\n        id\n        revision\n        contentHash\n        updatedAt\n      }\n    }\n  }\n": typeof types.SaveDraftDocument,
    "\n  query ReviewStrategy($id: ID!) {\n    me {\n      ...SessionUserFields\n    }\n    strategy(id: $id) {\n      id\n      name\n      description\n      publishedVersion {\n        id\n        number\n      }\n      versions {\n        id\n        strategyId\n        number\n        status\n        revision\n        contentHash\n        createdAt\n        createdBy\n        updatedAt\n        submittedAt\n        submittedBy\n        approvedAt\n        approvedBy\n        publishedAt\n        publishedBy\n        retiredAt\n        basedOnVersionId\n        editors\n        evidence {\n          id\n          status\n          completedAt\n          rowsTotal\n          progress {\n            rowsDone\n            rowsTotal\n          }\n          dataset {\n            name\n          }\n          fairnessCheck {\n            ...FairnessCheckParts\n          }\n        }\n      }\n    }\n  }\n": typeof types.ReviewStrategyDocument,
    "\n  fragment VersionTransitionFields on StrategyVersion {\n    id\n    status\n  }\n": typeof types.VersionTransitionFieldsFragmentDoc,
    "\n  mutation SubmitVersion($versionId: ID!, $expectedRevision: Int) {\n    submitVersion(versionId: $versionId, expectedRevision: $expectedRevision) {\n      ...VersionTransitionFields\n    }\n  }\n": typeof types.SubmitVersionDocument,
    "\n  mutation ApproveVersion($versionId: ID!, $comment: String, $justification: String) {\n    approveVersion(versionId: $versionId, comment: $comment, justification: $justification) {\n      ...VersionTransitionFields\n    }\n  }\n": typeof types.ApproveVersionDocument,
    "\n  mutation RejectVersion($versionId: ID!, $comment: String!) {\n    rejectVersion(versionId: $versionId, comment: $comment) {\n      ...VersionTransitionFields\n    }\n  }\n": typeof types.RejectVersionDocument,
    "\n  mutation PublishVersion($versionId: ID!) {\n    publishVersion(versionId: $versionId) {\n      ...VersionTransitionFields\n    }\n  }\n": typeof types.PublishVersionDocument,
    "\n  mutation RollbackStrategy($strategyId: ID!, $toVersionId: ID!, $reason: String!) {\n    rollbackStrategy(strategyId: $strategyId, toVersionId: $toVersionId, reason: $reason) {\n      ...VersionTransitionFields\n    }\n  }\n": typeof types.RollbackStrategyDocument,
    "\n  fragment DiffNodeFields on DiffNode {\n    id\n    label\n    type\n    summary\n  }\n": typeof types.DiffNodeFieldsFragmentDoc,
    "\n  query Diff($fromVersionId: ID!, $toVersionId: ID!) {\n    diff(fromVersionId: $fromVersionId, toVersionId: $toVersionId) {\n      fromVersionId\n      toVersionId\n      unchanged\n      environment\n      nodes {\n        added {\n          ...DiffNodeFields\n        }\n        removed {\n          ...DiffNodeFields\n        }\n        changed {\n          id\n          label\n          type\n          summary\n          before\n          moved\n          changes {\n            field\n            beforeText\n            afterText\n          }\n        }\n      }\n    }\n  }\n": typeof types.DiffDocument,
    "\n  fragment ReviewCommentFields on ReviewComment {\n    id\n    authorId\n    body\n    createdAt\n    kind\n    nodeId\n    versionId\n  }\n": typeof types.ReviewCommentFieldsFragmentDoc,
    "\n  query Comments($versionId: ID!) {\n    comments(versionId: $versionId) {\n      ...ReviewCommentFields\n    }\n  }\n": typeof types.CommentsDocument,
    "\n  mutation AddComment($input: AddCommentInput!) {\n    addComment(input: $input) {\n      ...ReviewCommentFields\n    }\n  }\n": typeof types.AddCommentDocument,
    "\n  query AuditLog($filter: AuditFilterInput, $after: String) {\n    auditLog(filter: $filter, page: { first: 25, after: $after }) {\n      edges {\n        node {\n          seq\n          action\n          entityType\n          entityId\n          entityName\n          actorId\n          actorEmail\n          occurredAt\n          comment\n          beforeHash\n          afterHash\n          hash\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  query AuditFacets {\n    auditFacets {\n      entityTypes\n      actions\n      actorIds\n    }\n  }\n": typeof types.AuditFacetsDocument,
    "\n  query VerifyAuditChain {\n    verifyAuditChain {\n      valid\n      checkedEntries\n      firstBrokenSeq\n      reason\n      headHash\n    }\n  }\n": typeof types.VerifyAuditChainDocument,
    "\n  fragment CatalogActionFields on Action {\n    id\n    name\n    group\n    channel\n    value\n    cost\n    validFrom\n    validTo\n    tags\n    attributes\n    revision\n  }\n": typeof types.CatalogActionFieldsFragmentDoc,
    "\n  query CatalogPage($filter: ActionFilterInput, $first: Int!, $after: String) {\n    actions(filter: $filter, page: { first: $first, after: $after }) {\n      edges {\n        node {\n          ...CatalogActionFields\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n": typeof types.CatalogPageDocument,
    "\n  query CatalogSummary($filter: ActionFilterInput) {\n    actionCatalogSummary(filter: $filter) {\n      total\n      matching\n      groups\n      channels\n      changedAt\n    }\n  }\n": typeof types.CatalogSummaryDocument,
    "\n  query CatalogAction($id: String!) {\n    action(id: $id) {\n      ...CatalogActionFields\n    }\n  }\n": typeof types.CatalogActionDocument,
    "\n  mutation CreateCatalogAction($input: CreateActionInput!) {\n    createAction(input: $input) {\n      ...CatalogActionFields\n    }\n  }\n": typeof types.CreateCatalogActionDocument,
    "\n  mutation UpdateCatalogAction($id: String!, $input: UpdateActionInput!) {\n    updateAction(id: $id, input: $input) {\n      ...CatalogActionFields\n    }\n  }\n": typeof types.UpdateCatalogActionDocument,
    "\n  mutation ImportCatalogActions($input: ImportActionsInput!) {\n    importActions(input: $input) {\n      created\n      updated\n      impacts {\n        versionId\n        effect\n        message\n      }\n    }\n  }\n": typeof types.ImportCatalogActionsDocument,
    "\n  query CatalogChangeImpact($action: CreateActionInput!, $remove: Boolean!) {\n    catalogChangeImpact(action: $action, remove: $remove) {\n      ...ChangeImpactParts\n    }\n  }\n": typeof types.CatalogChangeImpactDocument,
    "\n  mutation DeleteCatalogAction($id: String!, $expectedRevision: Int!) {\n    deleteAction(id: $id, expectedRevision: $expectedRevision) {\n      id\n    }\n  }\n": typeof types.DeleteCatalogActionDocument,
    "\n  fragment ChangeImpactParts on CatalogChangeImpact {\n    refused\n    refusal\n    impacts {\n      strategyName\n      versionId\n      versionNumber\n      status\n      effect\n      message\n    }\n  }\n": typeof types.ChangeImpactPartsFragmentDoc,
    "\n  query CustomerProfile($customerId: String!) {\n    customerProfile(customerId: $customerId) {\n      customerId\n      fields {\n        name\n        value\n        source\n        updatedAt\n        ageDays\n        personal\n        hashed\n        masked\n      }\n      recentDecisions\n    }\n  }\n": typeof types.CustomerProfileDocument,
    "\n  query CustomerHistory($customerId: String!) {\n    customerInteractions(customerId: $customerId) {\n      interactions\n    }\n  }\n": typeof types.CustomerHistoryDocument,
    "\n  query ProfileQuality {\n    profileQuality {\n      customers\n      staleAfterDays\n      sources {\n        source\n        description\n        fields {\n          field\n          customers\n          completeness\n          medianAgeDays\n          maxAgeDays\n          staleCustomers\n        }\n      }\n    }\n  }\n": typeof types.ProfileQualityDocument,
    "\n  query ProfileSources {\n    profileSources {\n      name\n      description\n    }\n  }\n": typeof types.ProfileSourcesDocument,
    "\n  fragment DatasetSummaryFields on Dataset {\n    id\n    name\n    format\n    status\n    rowsRead\n    rowCount\n    bytesRead\n    totalBytes\n    createdAt\n    createdBy\n    error\n  }\n": typeof types.DatasetSummaryFieldsFragmentDoc,
    "\n  fragment DatasetChoiceFields on Dataset {\n    id\n    name\n    status\n    rowCount\n  }\n": typeof types.DatasetChoiceFieldsFragmentDoc,
    "\n  query Datasets {\n    datasets {\n      ...DatasetSummaryFields\n    }\n  }\n": typeof types.DatasetsDocument,
    "\n  query Dataset($id: ID!) {\n    dataset(id: $id) {\n      ...DatasetSummaryFields\n      mapping\n      personalColumns\n      report\n    }\n  }\n": typeof types.DatasetDocument,
    "\n  mutation DeleteDataset($id: ID!) {\n    deleteDataset(id: $id) {\n      id\n    }\n  }\n": typeof types.DeleteDatasetDocument,
    "\n  query DatasetCustomerSchema {\n    dataSchema {\n      customer {\n        name\n        type\n        label\n        personal\n      }\n    }\n  }\n": typeof types.DatasetCustomerSchemaDocument,
    "\n  query ExperimentStrategy($id: ID!) {\n    strategy(id: $id) {\n      id\n      name\n      publishedVersion {\n        id\n        number\n      }\n      versions {\n        id\n        number\n        status\n      }\n    }\n  }\n": typeof types.ExperimentStrategyDocument,
    "\n  query ExperimentResults($strategyId: ID!, $version: Int, $positiveOutcomes: [String!]) {\n    experimentResults(strategyId: $strategyId, version: $version, positiveOutcomes: $positiveOutcomes) {\n      versionId\n      version\n      status\n      positiveOutcomes\n      alpha\n      minDecisions\n      splits {\n        splitStepId\n        label\n        verdict\n        winner\n        summary\n        comparisonAlpha\n        arms {\n          arm\n          label\n          percent\n          champion\n          decisions\n          outcomes\n          positives\n          rate\n          rateLow\n          rateHigh\n          difference\n          differenceLow\n          differenceHigh\n          pValue\n          verdict\n        }\n      }\n    }\n  }\n": typeof types.ExperimentResultsDocument,
    "\n  mutation PromoteExperimentArm(\n    $strategyId: ID!\n    $version: Int!\n    $splitStepId: String!\n    $arm: String!\n    $positiveOutcomes: [String!]\n  ) {\n    promoteExperimentArm(\n      strategyId: $strategyId\n      version: $version\n      splitStepId: $splitStepId\n      arm: $arm\n      positiveOutcomes: $positiveOutcomes\n    ) {\n      id\n      number\n    }\n  }\n": typeof types.PromoteExperimentArmDocument,
    "\n  fragment AdaptiveStatusFields on AdaptiveModelStatus {\n    modelId\n    version\n    config {\n      predictors {\n        input\n        type\n        center\n        spread\n      }\n      positiveOutcomes\n      negativeOutcomes\n      noResponseHours\n      priorModelId\n      priorVersion\n      explorationShare\n      maturity\n      groupBy\n      aucFloor\n      calibrationFloor\n    }\n    frozen\n    servingSnapshotId\n    evidence\n    positives\n    successRate\n    rollingAuc\n    calibrationError\n    mature\n    lastUpdatedAt\n    learnerLagSeconds\n    alert {\n      kind\n      message\n      since\n    }\n    history {\n      at\n      evidence\n      positives\n      rollingAuc\n      calibrationError\n    }\n    groups {\n      key\n      name\n      evidence\n      positives\n      successRate\n      mature\n    }\n    predictors {\n      name\n      input\n      importance\n      bins {\n        label\n        weight\n        sd\n      }\n    }\n    snapshots {\n      id\n      seq\n      evidence\n      positives\n      hash\n      reason\n      comment\n      createdAt\n      createdBy\n    }\n    overrides {\n      actionId\n      actionName\n      shown\n      overridden\n      rate\n    }\n  }\n": typeof types.AdaptiveStatusFieldsFragmentDoc,
    "\n  query AdaptiveModelStatus($modelId: ID!, $version: Int!) {\n    adaptiveModelStatus(modelId: $modelId, version: $version) {\n      ...AdaptiveStatusFields\n    }\n  }\n": typeof types.AdaptiveModelStatusDocument,
    "\n  mutation CreateAdaptiveModel($input: AdaptiveModelInput!) {\n    createAdaptiveModel(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateAdaptiveModelDocument,
    "\n  mutation ReconfigureAdaptiveModel($modelId: ID!, $input: AdaptiveModelInput!) {\n    reconfigureAdaptiveModel(modelId: $modelId, input: $input) {\n      id\n    }\n  }\n": typeof types.ReconfigureAdaptiveModelDocument,
    "\n  mutation FreezeAdaptiveModel($modelId: ID!, $version: Int!, $frozen: Boolean!, $reason: String!) {\n    freezeAdaptiveModel(modelId: $modelId, version: $version, frozen: $frozen, reason: $reason) {\n      ...AdaptiveStatusFields\n    }\n  }\n": typeof types.FreezeAdaptiveModelDocument,
    "\n  mutation ResetAdaptiveModel($modelId: ID!, $version: Int!, $reason: String!) {\n    resetAdaptiveModel(modelId: $modelId, version: $version, reason: $reason) {\n      ...AdaptiveStatusFields\n    }\n  }\n": typeof types.ResetAdaptiveModelDocument,
    "\n  mutation RollBackAdaptiveModel($modelId: ID!, $version: Int!, $snapshotId: ID!, $reason: String!) {\n    rollBackAdaptiveModel(modelId: $modelId, version: $version, snapshotId: $snapshotId, reason: $reason) {\n      ...AdaptiveStatusFields\n    }\n  }\n": typeof types.RollBackAdaptiveModelDocument,
    "\n  fragment ModelVersionSummaryFields on ModelVersion {\n    id\n    modelId\n    version\n    algorithm\n    auc\n    createdAt\n    createdBy\n  }\n": typeof types.ModelVersionSummaryFieldsFragmentDoc,
    "\n  fragment TrainingJobFields on TrainingJob {\n    id\n    modelId\n    modelName\n    status\n    phase\n    rows\n    iteration\n    iterations\n    etaSeconds\n    error\n    versionId\n    createdAt\n    finishedAt\n    createdBy\n  }\n": typeof types.TrainingJobFieldsFragmentDoc,
    "\n  fragment ModelFields on Model {\n    id\n    kind\n    name\n    description\n    target\n    createdAt\n    createdBy\n    versions {\n      ...ModelVersionSummaryFields\n    }\n    trainings {\n      ...TrainingJobFields\n    }\n  }\n": typeof types.ModelFieldsFragmentDoc,
    "\n  query Models {\n    models {\n      ...ModelFields\n    }\n  }\n": typeof types.ModelsDocument,
    "\n  query Model($id: ID!) {\n    model(id: $id) {\n      ...ModelFields\n    }\n  }\n": typeof types.ModelDocument,
    "\n  query ModelVersion($id: ID!) {\n    modelVersion(id: $id) {\n      ...ModelVersionSummaryFields\n      modelName\n      contentHash\n      report\n      provenance\n    }\n  }\n": typeof types.ModelVersionDocument,
    "\n  query CompareModelVersions($a: ID!, $b: ID!) {\n    compareModelVersions(a: $a, b: $b) {\n      metric\n      a\n      b\n      delta\n    }\n  }\n": typeof types.CompareModelVersionsDocument,
    "\n  query TrainingDatasets {\n    datasets {\n      ...DatasetChoiceFields\n    }\n  }\n": typeof types.TrainingDatasetsDocument,
    "\n  query TrainingChoices($datasetId: ID!, $targetColumn: String) {\n    trainingChoices(datasetId: $datasetId, targetColumn: $targetColumn) {\n      rows\n      timeColumns\n      targets {\n        column\n        values\n      }\n      predictors {\n        name\n        input\n        type\n        include\n        reason\n        warning\n      }\n    }\n  }\n": typeof types.TrainingChoicesDocument,
    "\n  query TrainingJob($id: ID!) {\n    trainingJob(id: $id) {\n      ...TrainingJobFields\n    }\n  }\n": typeof types.TrainingJobDocument,
    "\n  mutation TrainModel($input: TrainModelInput!) {\n    trainModel(input: $input) {\n      ...TrainingJobFields\n    }\n  }\n": typeof types.TrainModelDocument,
    "\n  mutation CancelTraining($id: ID!) {\n    cancelTraining(id: $id) {\n      ...TrainingJobFields\n    }\n  }\n": typeof types.CancelTrainingDocument,
    "\n  query RegistrySpecs {\n    models {\n      id\n      kind\n      versions {\n        version\n        spec\n        createdAt\n      }\n    }\n  }\n": typeof types.RegistrySpecsDocument,
    "\n  query AdaptiveServingSpec($modelId: ID!, $version: Int!) {\n    adaptiveModelStatus(modelId: $modelId, version: $version) {\n      servingSpec\n    }\n  }\n": typeof types.AdaptiveServingSpecDocument,
    "\n  fragment FairnessCheckParts on FairnessCheck {\n    status\n    summary\n    findings\n    ratioFloor\n    minGroupSize\n    fields {\n      field\n      label\n      groups {\n        group\n        rows\n        judged\n      }\n      actions {\n        actionId\n        actionName\n        ratio\n        ratioAnyRank\n        belowFloor\n        rates {\n          group\n          first\n          anyRank\n        }\n      }\n    }\n  }\n": typeof types.FairnessCheckPartsFragmentDoc,
    "\n  query ReviewQueue {\n    reviewQueue {\n      strategy {\n        id\n        name\n        description\n      }\n      version {\n        id\n        number\n        submittedAt\n        submittedBy\n        evidence {\n          id\n          status\n          fairnessCheck {\n            status\n          }\n        }\n      }\n    }\n  }\n": typeof types.ReviewQueueDocument,
    "\n  fragment FairnessSettingsFields on FairnessSettings {\n    ratioFloor\n    minGroupSize\n    updatedAt\n  }\n": typeof types.FairnessSettingsFieldsFragmentDoc,
    "\n  query FairnessSettings {\n    fairnessSettings {\n      ...FairnessSettingsFields\n    }\n  }\n": typeof types.FairnessSettingsDocument,
    "\n  mutation SetFairnessSettings($input: FairnessSettingsInput!) {\n    setFairnessSettings(input: $input) {\n      ...FairnessSettingsFields\n    }\n  }\n": typeof types.SetFairnessSettingsDocument,
    "\n  query SchemaFields {\n    dataSchema {\n      customer {\n        ...SchemaFieldParts\n      }\n      context {\n        ...SchemaFieldParts\n      }\n    }\n  }\n  fragment SchemaFieldParts on SchemaField {\n    scope\n    name\n    type\n    label\n    description\n    allowedValues\n    personal\n    protected\n  }\n": typeof types.SchemaFieldsDocument,
    "\n  mutation DefineSchemaField($input: DefineSchemaFieldInput!) {\n    defineSchemaField(input: $input) {\n      ...SchemaFieldParts\n    }\n  }\n": typeof types.DefineSchemaFieldDocument,
    "\n  query SchemaChangeImpact($field: DefineSchemaFieldInput!, $remove: Boolean!) {\n    schemaChangeImpact(field: $field, remove: $remove) {\n      ...ChangeImpactParts\n    }\n  }\n": typeof types.SchemaChangeImpactDocument,
    "\n  mutation SetSchemaFieldProtected($scope: SchemaScope!, $name: String!, $protected: Boolean!) {\n    setSchemaFieldProtected(scope: $scope, name: $name, protected: $protected) {\n      ...SchemaFieldParts\n    }\n  }\n": typeof types.SetSchemaFieldProtectedDocument,
    "\n  mutation RemoveSchemaField($scope: SchemaScope!, $name: String!) {\n    removeSchemaField(scope: $scope, name: $name) {\n      name\n    }\n  }\n": typeof types.RemoveSchemaFieldDocument,
    "\n  query People($ids: [ID!]!) {\n    people(ids: $ids) {\n      id\n      displayName\n    }\n  }\n": typeof types.PeopleDocument,
    "\n  fragment SimulationListFields on Simulation {\n    id\n    status\n    createdAt\n    createdBy\n    rowsTotal\n    strategy {\n      id\n      name\n    }\n    version {\n      id\n      number\n      strategyId\n    }\n    baselineVersion {\n      id\n      number\n    }\n    dataset {\n      id\n      name\n    }\n  }\n": typeof types.SimulationListFieldsFragmentDoc,
    "\n  query SimulationList($strategyId: ID) {\n    simulations(strategyId: $strategyId) {\n      ...SimulationListFields\n    }\n  }\n": typeof types.SimulationListDocument,
    "\n  query SimulationRun($id: ID!) {\n    simulation(id: $id) {\n      ...SimulationListFields\n      error\n      deleteRefusal\n      results\n      comparison\n      dataWarnings\n      fairnessCheck {\n        ...FairnessCheckParts\n      }\n      names {\n        actions {\n          id\n          name\n        }\n        steps {\n          id\n          name\n        }\n      }\n      completedAt\n      progress {\n        status\n        rowsDone\n        rowsTotal\n        rowsPerSecond\n        etaSeconds\n        chunksDone\n        chunkCount\n      }\n    }\n  }\n": typeof types.SimulationRunDocument,
    "\n  query SimulationStrategyChoices($after: String) {\n    strategies(page: { first: 50, after: $after }) {\n      edges {\n        node {\n          id\n          name\n          publishedVersion {\n            id\n          }\n          versions {\n            id\n            number\n            status\n          }\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n": typeof types.SimulationStrategyChoicesDocument,
    "\n  query SimulationDatasetChoices {\n    datasets {\n      ...DatasetChoiceFields\n      mapping\n      report\n    }\n  }\n": typeof types.SimulationDatasetChoicesDocument,
    "\n  mutation RunSimulation(\n    $versionId: ID!\n    $datasetId: ID!\n    $baselineVersionId: ID\n    $force: Boolean\n    $learning: SimulationLearningInput\n  ) {\n    runSimulation(\n      versionId: $versionId\n      datasetId: $datasetId\n      baselineVersionId: $baselineVersionId\n      force: $force\n      learning: $learning\n    ) {\n      id\n    }\n  }\n": typeof types.RunSimulationDocument,
    "\n  mutation CancelSimulation($id: ID!) {\n    cancelSimulation(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.CancelSimulationDocument,
    "\n  mutation DeleteSimulation($id: ID!) {\n    deleteSimulation(id: $id) {\n      id\n    }\n  }\n": typeof types.DeleteSimulationDocument,
};
const documents: Documents = {
    "\n  query AdminApiKeys {\n    apiKeys {\n      ...AdminApiKey\n    }\n  }\n  fragment AdminApiKey on ApiKey {\n    id\n    name\n    prefix\n    strategyIds\n    rateLimitPerSecond\n    createdAt\n    revokedAt\n  }\n": types.AdminApiKeysDocument,
    "\n  query AdminStrategyNames($after: String) {\n    strategies(page: { first: 100, after: $after }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n": types.AdminStrategyNamesDocument,
    "\n  mutation AdminCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        ...AdminApiKey\n      }\n    }\n  }\n": types.AdminCreateApiKeyDocument,
    "\n  mutation AdminRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...AdminApiKey\n    }\n  }\n": types.AdminRevokeApiKeyDocument,
    "\n  query AdminUsers($after: String) {\n    users(page: { first: 50, after: $after }) {\n      edges {\n        node {\n          ...AdminUser\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n  fragment AdminUser on User {\n    id\n    email\n    displayName\n    roles\n    active\n    createdAt\n  }\n": types.AdminUsersDocument,
    "\n  mutation AdminCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...AdminUser\n    }\n  }\n": types.AdminCreateUserDocument,
    "\n  mutation AdminSetUserRoles($userId: ID!, $roles: [Role!]!) {\n    setUserRoles(userId: $userId, roles: $roles) {\n      ...AdminUser\n    }\n  }\n": types.AdminSetUserRolesDocument,
    "\n  mutation AdminSetUserActive($userId: ID!, $active: Boolean!) {\n    setUserActive(userId: $userId, active: $active) {\n      ...AdminUser\n    }\n  }\n": types.AdminSetUserActiveDocument,
    "\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    endCursor\n  }\n": types.PageInfoFieldsFragmentDoc,
    "\n  fragment SessionUserFields on User {\n    id\n    email\n    displayName\n    roles\n    permissions\n    deniedPermissions {\n      permission\n      reason\n    }\n  }\n": types.SessionUserFieldsFragmentDoc,
    "\n  fragment AuthPayloadFields on AuthPayload {\n    accessToken\n    refreshToken\n    expiresIn\n    user {\n      ...SessionUserFields\n    }\n  }\n": types.AuthPayloadFieldsFragmentDoc,
    "\n  query MyPermissions {\n    me {\n      ...SessionUserFields\n    }\n  }\n": types.MyPermissionsDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...AuthPayloadFields\n    }\n  }\n": types.LoginDocument,
    "\n  mutation RefreshToken($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) {\n      ...AuthPayloadFields\n    }\n  }\n": types.RefreshTokenDocument,
    "\n  query Strategies($after: String) {\n    strategies(page: { first: 25, after: $after }) {\n      edges {\n        node {\n          id\n          name\n          description\n          createdBy\n          updatedAt\n          publishedVersion {\n            id\n            number\n          }\n          versions {\n            id\n            number\n            status\n            updatedAt\n          }\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n": types.StrategiesDocument,
    "\n  fragment VersionRevisionFields on StrategyVersion {\n    id\n    number\n    status\n    revision\n  }\n": types.VersionRevisionFieldsFragmentDoc,
    "\n  query Strategy($id: ID!) {\n    strategy(id: $id) {\n      id\n      name\n      description\n      versions {\n        ...VersionRevisionFields\n        updatedAt\n      }\n    }\n  }\n": types.StrategyDocument,
    "\n  query Version($id: ID!) {\n    version(id: $id) {\n      id\n      strategyId\n      number\n      status\n      revision\n      document\n      contentHash\n      updatedAt\n    }\n  }\n": types.VersionDocument,
    "\n  mutation ImportJsonRulesEngineRules($name: String!, $rules: JSON!) {\n    importJsonRulesEngineRules(name: $name, rules: $rules) {\n      strategy {\n        id\n      }\n      versionId\n      imported\n      total\n      createdActions\n      matchedActions\n      report {\n        rule\n        name\n        field\n        message\n        carriedOver\n      }\n    }\n  }\n": types.ImportJsonRulesEngineRulesDocument,
    "\n  mutation CreateStrategy($input: CreateStrategyInput!) {\n    createStrategy(input: $input) {\n      id\n      name\n      versions {\n        ...VersionRevisionFields\n      }\n    }\n  }\n": types.CreateStrategyDocument,
    "\n  mutation CloneVersion($versionId: ID!) {\n    cloneVersion(versionId: $versionId) {\n      ...VersionRevisionFields\n    }\n  }\n": types.CloneVersionDocument,
    "\n  mutation SaveDraft($input: SaveDraftInput!) {\n    saveDraft(input: $input) {\n      valid\n      version {\n        id\n        revision\n        contentHash\n        updatedAt\n      }\n    }\n  }\n": types.SaveDraftDocument,
    "\n  query ReviewStrategy($id: ID!) {\n    me {\n      ...SessionUserFields\n    }\n    strategy(id: $id) {\n      id\n      name\n      description\n      publishedVersion {\n        id\n        number\n      }\n      versions {\n        id\n        strategyId\n        number\n        status\n        revision\n        contentHash\n        createdAt\n        createdBy\n        updatedAt\n        submittedAt\n        submittedBy\n        approvedAt\n        approvedBy\n        publishedAt\n        publishedBy\n        retiredAt\n        basedOnVersionId\n        editors\n        evidence {\n          id\n          status\n          completedAt\n          rowsTotal\n          progress {\n            rowsDone\n            rowsTotal\n          }\n          dataset {\n            name\n          }\n          fairnessCheck {\n            ...FairnessCheckParts\n          }\n        }\n      }\n    }\n  }\n": types.ReviewStrategyDocument,
    "\n  fragment VersionTransitionFields on StrategyVersion {\n    id\n    status\n  }\n": types.VersionTransitionFieldsFragmentDoc,
    "\n  mutation SubmitVersion($versionId: ID!, $expectedRevision: Int) {\n    submitVersion(versionId: $versionId, expectedRevision: $expectedRevision) {\n      ...VersionTransitionFields\n    }\n  }\n": types.SubmitVersionDocument,
    "\n  mutation ApproveVersion($versionId: ID!, $comment: String, $justification: String) {\n    approveVersion(versionId: $versionId, comment: $comment, justification: $justification) {\n      ...VersionTransitionFields\n    }\n  }\n": types.ApproveVersionDocument,
    "\n  mutation RejectVersion($versionId: ID!, $comment: String!) {\n    rejectVersion(versionId: $versionId, comment: $comment) {\n      ...VersionTransitionFields\n    }\n  }\n": types.RejectVersionDocument,
    "\n  mutation PublishVersion($versionId: ID!) {\n    publishVersion(versionId: $versionId) {\n      ...VersionTransitionFields\n    }\n  }\n": types.PublishVersionDocument,
    "\n  mutation RollbackStrategy($strategyId: ID!, $toVersionId: ID!, $reason: String!) {\n    rollbackStrategy(strategyId: $strategyId, toVersionId: $toVersionId, reason: $reason) {\n      ...VersionTransitionFields\n    }\n  }\n": types.RollbackStrategyDocument,
    "\n  fragment DiffNodeFields on DiffNode {\n    id\n    label\n    type\n    summary\n  }\n": types.DiffNodeFieldsFragmentDoc,
    "\n  query Diff($fromVersionId: ID!, $toVersionId: ID!) {\n    diff(fromVersionId: $fromVersionId, toVersionId: $toVersionId) {\n      fromVersionId\n      toVersionId\n      unchanged\n      environment\n      nodes {\n        added {\n          ...DiffNodeFields\n        }\n        removed {\n          ...DiffNodeFields\n        }\n        changed {\n          id\n          label\n          type\n          summary\n          before\n          moved\n          changes {\n            field\n            beforeText\n            afterText\n          }\n        }\n      }\n    }\n  }\n": types.DiffDocument,
    "\n  fragment ReviewCommentFields on ReviewComment {\n    id\n    authorId\n    body\n    createdAt\n    kind\n    nodeId\n    versionId\n  }\n": types.ReviewCommentFieldsFragmentDoc,
    "\n  query Comments($versionId: ID!) {\n    comments(versionId: $versionId) {\n      ...ReviewCommentFields\n    }\n  }\n": types.CommentsDocument,
    "\n  mutation AddComment($input: AddCommentInput!) {\n    addComment(input: $input) {\n      ...ReviewCommentFields\n    }\n  }\n": types.AddCommentDocument,
    "\n  query AuditLog($filter: AuditFilterInput, $after: String) {\n    auditLog(filter: $filter, page: { first: 25, after: $after }) {\n      edges {\n        node {\n          seq\n          action\n          entityType\n          entityId\n          entityName\n          actorId\n          actorEmail\n          occurredAt\n          comment\n          beforeHash\n          afterHash\n          hash\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n": types.AuditLogDocument,
    "\n  query AuditFacets {\n    auditFacets {\n      entityTypes\n      actions\n      actorIds\n    }\n  }\n": types.AuditFacetsDocument,
    "\n  query VerifyAuditChain {\n    verifyAuditChain {\n      valid\n      checkedEntries\n      firstBrokenSeq\n      reason\n      headHash\n    }\n  }\n": types.VerifyAuditChainDocument,
    "\n  fragment CatalogActionFields on Action {\n    id\n    name\n    group\n    channel\n    value\n    cost\n    validFrom\n    validTo\n    tags\n    attributes\n    revision\n  }\n": types.CatalogActionFieldsFragmentDoc,
    "\n  query CatalogPage($filter: ActionFilterInput, $first: Int!, $after: String) {\n    actions(filter: $filter, page: { first: $first, after: $after }) {\n      edges {\n        node {\n          ...CatalogActionFields\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n": types.CatalogPageDocument,
    "\n  query CatalogSummary($filter: ActionFilterInput) {\n    actionCatalogSummary(filter: $filter) {\n      total\n      matching\n      groups\n      channels\n      changedAt\n    }\n  }\n": types.CatalogSummaryDocument,
    "\n  query CatalogAction($id: String!) {\n    action(id: $id) {\n      ...CatalogActionFields\n    }\n  }\n": types.CatalogActionDocument,
    "\n  mutation CreateCatalogAction($input: CreateActionInput!) {\n    createAction(input: $input) {\n      ...CatalogActionFields\n    }\n  }\n": types.CreateCatalogActionDocument,
    "\n  mutation UpdateCatalogAction($id: String!, $input: UpdateActionInput!) {\n    updateAction(id: $id, input: $input) {\n      ...CatalogActionFields\n    }\n  }\n": types.UpdateCatalogActionDocument,
    "\n  mutation ImportCatalogActions($input: ImportActionsInput!) {\n    importActions(input: $input) {\n      created\n      updated\n      impacts {\n        versionId\n        effect\n        message\n      }\n    }\n  }\n": types.ImportCatalogActionsDocument,
    "\n  query CatalogChangeImpact($action: CreateActionInput!, $remove: Boolean!) {\n    catalogChangeImpact(action: $action, remove: $remove) {\n      ...ChangeImpactParts\n    }\n  }\n": types.CatalogChangeImpactDocument,
    "\n  mutation DeleteCatalogAction($id: String!, $expectedRevision: Int!) {\n    deleteAction(id: $id, expectedRevision: $expectedRevision) {\n      id\n    }\n  }\n": types.DeleteCatalogActionDocument,
    "\n  fragment ChangeImpactParts on CatalogChangeImpact {\n    refused\n    refusal\n    impacts {\n      strategyName\n      versionId\n      versionNumber\n      status\n      effect\n      message\n    }\n  }\n": types.ChangeImpactPartsFragmentDoc,
    "\n  query CustomerProfile($customerId: String!) {\n    customerProfile(customerId: $customerId) {\n      customerId\n      fields {\n        name\n        value\n        source\n        updatedAt\n        ageDays\n        personal\n        hashed\n        masked\n      }\n      recentDecisions\n    }\n  }\n": types.CustomerProfileDocument,
    "\n  query CustomerHistory($customerId: String!) {\n    customerInteractions(customerId: $customerId) {\n      interactions\n    }\n  }\n": types.CustomerHistoryDocument,
    "\n  query ProfileQuality {\n    profileQuality {\n      customers\n      staleAfterDays\n      sources {\n        source\n        description\n        fields {\n          field\n          customers\n          completeness\n          medianAgeDays\n          maxAgeDays\n          staleCustomers\n        }\n      }\n    }\n  }\n": types.ProfileQualityDocument,
    "\n  query ProfileSources {\n    profileSources {\n      name\n      description\n    }\n  }\n": types.ProfileSourcesDocument,
    "\n  fragment DatasetSummaryFields on Dataset {\n    id\n    name\n    format\n    status\n    rowsRead\n    rowCount\n    bytesRead\n    totalBytes\n    createdAt\n    createdBy\n    error\n  }\n": types.DatasetSummaryFieldsFragmentDoc,
    "\n  fragment DatasetChoiceFields on Dataset {\n    id\n    name\n    status\n    rowCount\n  }\n": types.DatasetChoiceFieldsFragmentDoc,
    "\n  query Datasets {\n    datasets {\n      ...DatasetSummaryFields\n    }\n  }\n": types.DatasetsDocument,
    "\n  query Dataset($id: ID!) {\n    dataset(id: $id) {\n      ...DatasetSummaryFields\n      mapping\n      personalColumns\n      report\n    }\n  }\n": types.DatasetDocument,
    "\n  mutation DeleteDataset($id: ID!) {\n    deleteDataset(id: $id) {\n      id\n    }\n  }\n": types.DeleteDatasetDocument,
    "\n  query DatasetCustomerSchema {\n    dataSchema {\n      customer {\n        name\n        type\n        label\n        personal\n      }\n    }\n  }\n": types.DatasetCustomerSchemaDocument,
    "\n  query ExperimentStrategy($id: ID!) {\n    strategy(id: $id) {\n      id\n      name\n      publishedVersion {\n        id\n        number\n      }\n      versions {\n        id\n        number\n        status\n      }\n    }\n  }\n": types.ExperimentStrategyDocument,
    "\n  query ExperimentResults($strategyId: ID!, $version: Int, $positiveOutcomes: [String!]) {\n    experimentResults(strategyId: $strategyId, version: $version, positiveOutcomes: $positiveOutcomes) {\n      versionId\n      version\n      status\n      positiveOutcomes\n      alpha\n      minDecisions\n      splits {\n        splitStepId\n        label\n        verdict\n        winner\n        summary\n        comparisonAlpha\n        arms {\n          arm\n          label\n          percent\n          champion\n          decisions\n          outcomes\n          positives\n          rate\n          rateLow\n          rateHigh\n          difference\n          differenceLow\n          differenceHigh\n          pValue\n          verdict\n        }\n      }\n    }\n  }\n": types.ExperimentResultsDocument,
    "\n  mutation PromoteExperimentArm(\n    $strategyId: ID!\n    $version: Int!\n    $splitStepId: String!\n    $arm: String!\n    $positiveOutcomes: [String!]\n  ) {\n    promoteExperimentArm(\n      strategyId: $strategyId\n      version: $version\n      splitStepId: $splitStepId\n      arm: $arm\n      positiveOutcomes: $positiveOutcomes\n    ) {\n      id\n      number\n    }\n  }\n": types.PromoteExperimentArmDocument,
    "\n  fragment AdaptiveStatusFields on AdaptiveModelStatus {\n    modelId\n    version\n    config {\n      predictors {\n        input\n        type\n        center\n        spread\n      }\n      positiveOutcomes\n      negativeOutcomes\n      noResponseHours\n      priorModelId\n      priorVersion\n      explorationShare\n      maturity\n      groupBy\n      aucFloor\n      calibrationFloor\n    }\n    frozen\n    servingSnapshotId\n    evidence\n    positives\n    successRate\n    rollingAuc\n    calibrationError\n    mature\n    lastUpdatedAt\n    learnerLagSeconds\n    alert {\n      kind\n      message\n      since\n    }\n    history {\n      at\n      evidence\n      positives\n      rollingAuc\n      calibrationError\n    }\n    groups {\n      key\n      name\n      evidence\n      positives\n      successRate\n      mature\n    }\n    predictors {\n      name\n      input\n      importance\n      bins {\n        label\n        weight\n        sd\n      }\n    }\n    snapshots {\n      id\n      seq\n      evidence\n      positives\n      hash\n      reason\n      comment\n      createdAt\n      createdBy\n    }\n    overrides {\n      actionId\n      actionName\n      shown\n      overridden\n      rate\n    }\n  }\n": types.AdaptiveStatusFieldsFragmentDoc,
    "\n  query AdaptiveModelStatus($modelId: ID!, $version: Int!) {\n    adaptiveModelStatus(modelId: $modelId, version: $version) {\n      ...AdaptiveStatusFields\n    }\n  }\n": types.AdaptiveModelStatusDocument,
    "\n  mutation CreateAdaptiveModel($input: AdaptiveModelInput!) {\n    createAdaptiveModel(input: $input) {\n      id\n    }\n  }\n": types.CreateAdaptiveModelDocument,
    "\n  mutation ReconfigureAdaptiveModel($modelId: ID!, $input: AdaptiveModelInput!) {\n    reconfigureAdaptiveModel(modelId: $modelId, input: $input) {\n      id\n    }\n  }\n": types.ReconfigureAdaptiveModelDocument,
    "\n  mutation FreezeAdaptiveModel($modelId: ID!, $version: Int!, $frozen: Boolean!, $reason: String!) {\n    freezeAdaptiveModel(modelId: $modelId, version: $version, frozen: $frozen, reason: $reason) {\n      ...AdaptiveStatusFields\n    }\n  }\n": types.FreezeAdaptiveModelDocument,
    "\n  mutation ResetAdaptiveModel($modelId: ID!, $version: Int!, $reason: String!) {\n    resetAdaptiveModel(modelId: $modelId, version: $version, reason: $reason) {\n      ...AdaptiveStatusFields\n    }\n  }\n": types.ResetAdaptiveModelDocument,
    "\n  mutation RollBackAdaptiveModel($modelId: ID!, $version: Int!, $snapshotId: ID!, $reason: String!) {\n    rollBackAdaptiveModel(modelId: $modelId, version: $version, snapshotId: $snapshotId, reason: $reason) {\n      ...AdaptiveStatusFields\n    }\n  }\n": types.RollBackAdaptiveModelDocument,
    "\n  fragment ModelVersionSummaryFields on ModelVersion {\n    id\n    modelId\n    version\n    algorithm\n    auc\n    createdAt\n    createdBy\n  }\n": types.ModelVersionSummaryFieldsFragmentDoc,
    "\n  fragment TrainingJobFields on TrainingJob {\n    id\n    modelId\n    modelName\n    status\n    phase\n    rows\n    iteration\n    iterations\n    etaSeconds\n    error\n    versionId\n    createdAt\n    finishedAt\n    createdBy\n  }\n": types.TrainingJobFieldsFragmentDoc,
    "\n  fragment ModelFields on Model {\n    id\n    kind\n    name\n    description\n    target\n    createdAt\n    createdBy\n    versions {\n      ...ModelVersionSummaryFields\n    }\n    trainings {\n      ...TrainingJobFields\n    }\n  }\n": types.ModelFieldsFragmentDoc,
    "\n  query Models {\n    models {\n      ...ModelFields\n    }\n  }\n": types.ModelsDocument,
    "\n  query Model($id: ID!) {\n    model(id: $id) {\n      ...ModelFields\n    }\n  }\n": types.ModelDocument,
    "\n  query ModelVersion($id: ID!) {\n    modelVersion(id: $id) {\n      ...ModelVersionSummaryFields\n      modelName\n      contentHash\n      report\n      provenance\n    }\n  }\n": types.ModelVersionDocument,
    "\n  query CompareModelVersions($a: ID!, $b: ID!) {\n    compareModelVersions(a: $a, b: $b) {\n      metric\n      a\n      b\n      delta\n    }\n  }\n": types.CompareModelVersionsDocument,
    "\n  query TrainingDatasets {\n    datasets {\n      ...DatasetChoiceFields\n    }\n  }\n": types.TrainingDatasetsDocument,
    "\n  query TrainingChoices($datasetId: ID!, $targetColumn: String) {\n    trainingChoices(datasetId: $datasetId, targetColumn: $targetColumn) {\n      rows\n      timeColumns\n      targets {\n        column\n        values\n      }\n      predictors {\n        name\n        input\n        type\n        include\n        reason\n        warning\n      }\n    }\n  }\n": types.TrainingChoicesDocument,
    "\n  query TrainingJob($id: ID!) {\n    trainingJob(id: $id) {\n      ...TrainingJobFields\n    }\n  }\n": types.TrainingJobDocument,
    "\n  mutation TrainModel($input: TrainModelInput!) {\n    trainModel(input: $input) {\n      ...TrainingJobFields\n    }\n  }\n": types.TrainModelDocument,
    "\n  mutation CancelTraining($id: ID!) {\n    cancelTraining(id: $id) {\n      ...TrainingJobFields\n    }\n  }\n": types.CancelTrainingDocument,
    "\n  query RegistrySpecs {\n    models {\n      id\n      kind\n      versions {\n        version\n        spec\n        createdAt\n      }\n    }\n  }\n": types.RegistrySpecsDocument,
    "\n  query AdaptiveServingSpec($modelId: ID!, $version: Int!) {\n    adaptiveModelStatus(modelId: $modelId, version: $version) {\n      servingSpec\n    }\n  }\n": types.AdaptiveServingSpecDocument,
    "\n  fragment FairnessCheckParts on FairnessCheck {\n    status\n    summary\n    findings\n    ratioFloor\n    minGroupSize\n    fields {\n      field\n      label\n      groups {\n        group\n        rows\n        judged\n      }\n      actions {\n        actionId\n        actionName\n        ratio\n        ratioAnyRank\n        belowFloor\n        rates {\n          group\n          first\n          anyRank\n        }\n      }\n    }\n  }\n": types.FairnessCheckPartsFragmentDoc,
    "\n  query ReviewQueue {\n    reviewQueue {\n      strategy {\n        id\n        name\n        description\n      }\n      version {\n        id\n        number\n        submittedAt\n        submittedBy\n        evidence {\n          id\n          status\n          fairnessCheck {\n            status\n          }\n        }\n      }\n    }\n  }\n": types.ReviewQueueDocument,
    "\n  fragment FairnessSettingsFields on FairnessSettings {\n    ratioFloor\n    minGroupSize\n    updatedAt\n  }\n": types.FairnessSettingsFieldsFragmentDoc,
    "\n  query FairnessSettings {\n    fairnessSettings {\n      ...FairnessSettingsFields\n    }\n  }\n": types.FairnessSettingsDocument,
    "\n  mutation SetFairnessSettings($input: FairnessSettingsInput!) {\n    setFairnessSettings(input: $input) {\n      ...FairnessSettingsFields\n    }\n  }\n": types.SetFairnessSettingsDocument,
    "\n  query SchemaFields {\n    dataSchema {\n      customer {\n        ...SchemaFieldParts\n      }\n      context {\n        ...SchemaFieldParts\n      }\n    }\n  }\n  fragment SchemaFieldParts on SchemaField {\n    scope\n    name\n    type\n    label\n    description\n    allowedValues\n    personal\n    protected\n  }\n": types.SchemaFieldsDocument,
    "\n  mutation DefineSchemaField($input: DefineSchemaFieldInput!) {\n    defineSchemaField(input: $input) {\n      ...SchemaFieldParts\n    }\n  }\n": types.DefineSchemaFieldDocument,
    "\n  query SchemaChangeImpact($field: DefineSchemaFieldInput!, $remove: Boolean!) {\n    schemaChangeImpact(field: $field, remove: $remove) {\n      ...ChangeImpactParts\n    }\n  }\n": types.SchemaChangeImpactDocument,
    "\n  mutation SetSchemaFieldProtected($scope: SchemaScope!, $name: String!, $protected: Boolean!) {\n    setSchemaFieldProtected(scope: $scope, name: $name, protected: $protected) {\n      ...SchemaFieldParts\n    }\n  }\n": types.SetSchemaFieldProtectedDocument,
    "\n  mutation RemoveSchemaField($scope: SchemaScope!, $name: String!) {\n    removeSchemaField(scope: $scope, name: $name) {\n      name\n    }\n  }\n": types.RemoveSchemaFieldDocument,
    "\n  query People($ids: [ID!]!) {\n    people(ids: $ids) {\n      id\n      displayName\n    }\n  }\n": types.PeopleDocument,
    "\n  fragment SimulationListFields on Simulation {\n    id\n    status\n    createdAt\n    createdBy\n    rowsTotal\n    strategy {\n      id\n      name\n    }\n    version {\n      id\n      number\n      strategyId\n    }\n    baselineVersion {\n      id\n      number\n    }\n    dataset {\n      id\n      name\n    }\n  }\n": types.SimulationListFieldsFragmentDoc,
    "\n  query SimulationList($strategyId: ID) {\n    simulations(strategyId: $strategyId) {\n      ...SimulationListFields\n    }\n  }\n": types.SimulationListDocument,
    "\n  query SimulationRun($id: ID!) {\n    simulation(id: $id) {\n      ...SimulationListFields\n      error\n      deleteRefusal\n      results\n      comparison\n      dataWarnings\n      fairnessCheck {\n        ...FairnessCheckParts\n      }\n      names {\n        actions {\n          id\n          name\n        }\n        steps {\n          id\n          name\n        }\n      }\n      completedAt\n      progress {\n        status\n        rowsDone\n        rowsTotal\n        rowsPerSecond\n        etaSeconds\n        chunksDone\n        chunkCount\n      }\n    }\n  }\n": types.SimulationRunDocument,
    "\n  query SimulationStrategyChoices($after: String) {\n    strategies(page: { first: 50, after: $after }) {\n      edges {\n        node {\n          id\n          name\n          publishedVersion {\n            id\n          }\n          versions {\n            id\n            number\n            status\n          }\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n": types.SimulationStrategyChoicesDocument,
    "\n  query SimulationDatasetChoices {\n    datasets {\n      ...DatasetChoiceFields\n      mapping\n      report\n    }\n  }\n": types.SimulationDatasetChoicesDocument,
    "\n  mutation RunSimulation(\n    $versionId: ID!\n    $datasetId: ID!\n    $baselineVersionId: ID\n    $force: Boolean\n    $learning: SimulationLearningInput\n  ) {\n    runSimulation(\n      versionId: $versionId\n      datasetId: $datasetId\n      baselineVersionId: $baselineVersionId\n      force: $force\n      learning: $learning\n    ) {\n      id\n    }\n  }\n": types.RunSimulationDocument,
    "\n  mutation CancelSimulation($id: ID!) {\n    cancelSimulation(id: $id) {\n      id\n      status\n    }\n  }\n": types.CancelSimulationDocument,
    "\n  mutation DeleteSimulation($id: ID!) {\n    deleteSimulation(id: $id) {\n      id\n    }\n  }\n": types.DeleteSimulationDocument,
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
export function graphql(source: "\n  query AdminStrategyNames($after: String) {\n    strategies(page: { first: 100, after: $after }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminStrategyNames($after: String) {\n    strategies(page: { first: 100, after: $after }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  query AdminUsers($after: String) {\n    users(page: { first: 50, after: $after }) {\n      edges {\n        node {\n          ...AdminUser\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n  fragment AdminUser on User {\n    id\n    email\n    displayName\n    roles\n    active\n    createdAt\n  }\n"): (typeof documents)["\n  query AdminUsers($after: String) {\n    users(page: { first: 50, after: $after }) {\n      edges {\n        node {\n          ...AdminUser\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n  fragment AdminUser on User {\n    id\n    email\n    displayName\n    roles\n    active\n    createdAt\n  }\n"];
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
export function graphql(source: "\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    endCursor\n  }\n"): (typeof documents)["\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    endCursor\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionUserFields on User {\n    id\n    email\n    displayName\n    roles\n    permissions\n    deniedPermissions {\n      permission\n      reason\n    }\n  }\n"): (typeof documents)["\n  fragment SessionUserFields on User {\n    id\n    email\n    displayName\n    roles\n    permissions\n    deniedPermissions {\n      permission\n      reason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuthPayloadFields on AuthPayload {\n    accessToken\n    refreshToken\n    expiresIn\n    user {\n      ...SessionUserFields\n    }\n  }\n"): (typeof documents)["\n  fragment AuthPayloadFields on AuthPayload {\n    accessToken\n    refreshToken\n    expiresIn\n    user {\n      ...SessionUserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyPermissions {\n    me {\n      ...SessionUserFields\n    }\n  }\n"): (typeof documents)["\n  query MyPermissions {\n    me {\n      ...SessionUserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...AuthPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...AuthPayloadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshToken($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) {\n      ...AuthPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshToken($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) {\n      ...AuthPayloadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Strategies($after: String) {\n    strategies(page: { first: 25, after: $after }) {\n      edges {\n        node {\n          id\n          name\n          description\n          createdBy\n          updatedAt\n          publishedVersion {\n            id\n            number\n          }\n          versions {\n            id\n            number\n            status\n            updatedAt\n          }\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Strategies($after: String) {\n    strategies(page: { first: 25, after: $after }) {\n      edges {\n        node {\n          id\n          name\n          description\n          createdBy\n          updatedAt\n          publishedVersion {\n            id\n            number\n          }\n          versions {\n            id\n            number\n            status\n            updatedAt\n          }\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment VersionRevisionFields on StrategyVersion {\n    id\n    number\n    status\n    revision\n  }\n"): (typeof documents)["\n  fragment VersionRevisionFields on StrategyVersion {\n    id\n    number\n    status\n    revision\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Strategy($id: ID!) {\n    strategy(id: $id) {\n      id\n      name\n      description\n      versions {\n        ...VersionRevisionFields\n        updatedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query Strategy($id: ID!) {\n    strategy(id: $id) {\n      id\n      name\n      description\n      versions {\n        ...VersionRevisionFields\n        updatedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Version($id: ID!) {\n    version(id: $id) {\n      id\n      strategyId\n      number\n      status\n      revision\n      document\n      contentHash\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  query Version($id: ID!) {\n    version(id: $id) {\n      id\n      strategyId\n      number\n      status\n      revision\n      document\n      contentHash\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportJsonRulesEngineRules($name: String!, $rules: JSON!) {\n    importJsonRulesEngineRules(name: $name, rules: $rules) {\n      strategy {\n        id\n      }\n      versionId\n      imported\n      total\n      createdActions\n      matchedActions\n      report {\n        rule\n        name\n        field\n        message\n        carriedOver\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ImportJsonRulesEngineRules($name: String!, $rules: JSON!) {\n    importJsonRulesEngineRules(name: $name, rules: $rules) {\n      strategy {\n        id\n      }\n      versionId\n      imported\n      total\n      createdActions\n      matchedActions\n      report {\n        rule\n        name\n        field\n        message\n        carriedOver\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateStrategy($input: CreateStrategyInput!) {\n    createStrategy(input: $input) {\n      id\n      name\n      versions {\n        ...VersionRevisionFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateStrategy($input: CreateStrategyInput!) {\n    createStrategy(input: $input) {\n      id\n      name\n      versions {\n        ...VersionRevisionFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloneVersion($versionId: ID!) {\n    cloneVersion(versionId: $versionId) {\n      ...VersionRevisionFields\n    }\n  }\n"): (typeof documents)["\n  mutation CloneVersion($versionId: ID!) {\n    cloneVersion(versionId: $versionId) {\n      ...VersionRevisionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveDraft($input: SaveDraftInput!) {\n    saveDraft(input: $input) {\n      valid\n      version {\n        id\n        revision\n        contentHash\n        updatedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SaveDraft($input: SaveDraftInput!) {\n    saveDraft(input: $input) {\n      valid\n      version {\n        id\n        revision\n        contentHash\n        updatedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewStrategy($id: ID!) {\n    me {\n      ...SessionUserFields\n    }\n    strategy(id: $id) {\n      id\n      name\n      description\n      publishedVersion {\n        id\n        number\n      }\n      versions {\n        id\n        strategyId\n        number\n        status\n        revision\n        contentHash\n        createdAt\n        createdBy\n        updatedAt\n        submittedAt\n        submittedBy\n        approvedAt\n        approvedBy\n        publishedAt\n        publishedBy\n        retiredAt\n        basedOnVersionId\n        editors\n        evidence {\n          id\n          status\n          completedAt\n          rowsTotal\n          progress {\n            rowsDone\n            rowsTotal\n          }\n          dataset {\n            name\n          }\n          fairnessCheck {\n            ...FairnessCheckParts\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReviewStrategy($id: ID!) {\n    me {\n      ...SessionUserFields\n    }\n    strategy(id: $id) {\n      id\n      name\n      description\n      publishedVersion {\n        id\n        number\n      }\n      versions {\n        id\n        strategyId\n        number\n        status\n        revision\n        contentHash\n        createdAt\n        createdBy\n        updatedAt\n        submittedAt\n        submittedBy\n        approvedAt\n        approvedBy\n        publishedAt\n        publishedBy\n        retiredAt\n        basedOnVersionId\n        editors\n        evidence {\n          id\n          status\n          completedAt\n          rowsTotal\n          progress {\n            rowsDone\n            rowsTotal\n          }\n          dataset {\n            name\n          }\n          fairnessCheck {\n            ...FairnessCheckParts\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment VersionTransitionFields on StrategyVersion {\n    id\n    status\n  }\n"): (typeof documents)["\n  fragment VersionTransitionFields on StrategyVersion {\n    id\n    status\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitVersion($versionId: ID!, $expectedRevision: Int) {\n    submitVersion(versionId: $versionId, expectedRevision: $expectedRevision) {\n      ...VersionTransitionFields\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitVersion($versionId: ID!, $expectedRevision: Int) {\n    submitVersion(versionId: $versionId, expectedRevision: $expectedRevision) {\n      ...VersionTransitionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveVersion($versionId: ID!, $comment: String, $justification: String) {\n    approveVersion(versionId: $versionId, comment: $comment, justification: $justification) {\n      ...VersionTransitionFields\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveVersion($versionId: ID!, $comment: String, $justification: String) {\n    approveVersion(versionId: $versionId, comment: $comment, justification: $justification) {\n      ...VersionTransitionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectVersion($versionId: ID!, $comment: String!) {\n    rejectVersion(versionId: $versionId, comment: $comment) {\n      ...VersionTransitionFields\n    }\n  }\n"): (typeof documents)["\n  mutation RejectVersion($versionId: ID!, $comment: String!) {\n    rejectVersion(versionId: $versionId, comment: $comment) {\n      ...VersionTransitionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishVersion($versionId: ID!) {\n    publishVersion(versionId: $versionId) {\n      ...VersionTransitionFields\n    }\n  }\n"): (typeof documents)["\n  mutation PublishVersion($versionId: ID!) {\n    publishVersion(versionId: $versionId) {\n      ...VersionTransitionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RollbackStrategy($strategyId: ID!, $toVersionId: ID!, $reason: String!) {\n    rollbackStrategy(strategyId: $strategyId, toVersionId: $toVersionId, reason: $reason) {\n      ...VersionTransitionFields\n    }\n  }\n"): (typeof documents)["\n  mutation RollbackStrategy($strategyId: ID!, $toVersionId: ID!, $reason: String!) {\n    rollbackStrategy(strategyId: $strategyId, toVersionId: $toVersionId, reason: $reason) {\n      ...VersionTransitionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DiffNodeFields on DiffNode {\n    id\n    label\n    type\n    summary\n  }\n"): (typeof documents)["\n  fragment DiffNodeFields on DiffNode {\n    id\n    label\n    type\n    summary\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Diff($fromVersionId: ID!, $toVersionId: ID!) {\n    diff(fromVersionId: $fromVersionId, toVersionId: $toVersionId) {\n      fromVersionId\n      toVersionId\n      unchanged\n      environment\n      nodes {\n        added {\n          ...DiffNodeFields\n        }\n        removed {\n          ...DiffNodeFields\n        }\n        changed {\n          id\n          label\n          type\n          summary\n          before\n          moved\n          changes {\n            field\n            beforeText\n            afterText\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Diff($fromVersionId: ID!, $toVersionId: ID!) {\n    diff(fromVersionId: $fromVersionId, toVersionId: $toVersionId) {\n      fromVersionId\n      toVersionId\n      unchanged\n      environment\n      nodes {\n        added {\n          ...DiffNodeFields\n        }\n        removed {\n          ...DiffNodeFields\n        }\n        changed {\n          id\n          label\n          type\n          summary\n          before\n          moved\n          changes {\n            field\n            beforeText\n            afterText\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReviewCommentFields on ReviewComment {\n    id\n    authorId\n    body\n    createdAt\n    kind\n    nodeId\n    versionId\n  }\n"): (typeof documents)["\n  fragment ReviewCommentFields on ReviewComment {\n    id\n    authorId\n    body\n    createdAt\n    kind\n    nodeId\n    versionId\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Comments($versionId: ID!) {\n    comments(versionId: $versionId) {\n      ...ReviewCommentFields\n    }\n  }\n"): (typeof documents)["\n  query Comments($versionId: ID!) {\n    comments(versionId: $versionId) {\n      ...ReviewCommentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddComment($input: AddCommentInput!) {\n    addComment(input: $input) {\n      ...ReviewCommentFields\n    }\n  }\n"): (typeof documents)["\n  mutation AddComment($input: AddCommentInput!) {\n    addComment(input: $input) {\n      ...ReviewCommentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($filter: AuditFilterInput, $after: String) {\n    auditLog(filter: $filter, page: { first: 25, after: $after }) {\n      edges {\n        node {\n          seq\n          action\n          entityType\n          entityId\n          entityName\n          actorId\n          actorEmail\n          occurredAt\n          comment\n          beforeHash\n          afterHash\n          hash\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($filter: AuditFilterInput, $after: String) {\n    auditLog(filter: $filter, page: { first: 25, after: $after }) {\n      edges {\n        node {\n          seq\n          action\n          entityType\n          entityId\n          entityName\n          actorId\n          actorEmail\n          occurredAt\n          comment\n          beforeHash\n          afterHash\n          hash\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditFacets {\n    auditFacets {\n      entityTypes\n      actions\n      actorIds\n    }\n  }\n"): (typeof documents)["\n  query AuditFacets {\n    auditFacets {\n      entityTypes\n      actions\n      actorIds\n    }\n  }\n"];
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
export function graphql(source: "\n  query CatalogPage($filter: ActionFilterInput, $first: Int!, $after: String) {\n    actions(filter: $filter, page: { first: $first, after: $after }) {\n      edges {\n        node {\n          ...CatalogActionFields\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query CatalogPage($filter: ActionFilterInput, $first: Int!, $after: String) {\n    actions(filter: $filter, page: { first: $first, after: $after }) {\n      edges {\n        node {\n          ...CatalogActionFields\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogSummary($filter: ActionFilterInput) {\n    actionCatalogSummary(filter: $filter) {\n      total\n      matching\n      groups\n      channels\n      changedAt\n    }\n  }\n"): (typeof documents)["\n  query CatalogSummary($filter: ActionFilterInput) {\n    actionCatalogSummary(filter: $filter) {\n      total\n      matching\n      groups\n      channels\n      changedAt\n    }\n  }\n"];
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
export function graphql(source: "\n  mutation ImportCatalogActions($input: ImportActionsInput!) {\n    importActions(input: $input) {\n      created\n      updated\n      impacts {\n        versionId\n        effect\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ImportCatalogActions($input: ImportActionsInput!) {\n    importActions(input: $input) {\n      created\n      updated\n      impacts {\n        versionId\n        effect\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogChangeImpact($action: CreateActionInput!, $remove: Boolean!) {\n    catalogChangeImpact(action: $action, remove: $remove) {\n      ...ChangeImpactParts\n    }\n  }\n"): (typeof documents)["\n  query CatalogChangeImpact($action: CreateActionInput!, $remove: Boolean!) {\n    catalogChangeImpact(action: $action, remove: $remove) {\n      ...ChangeImpactParts\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteCatalogAction($id: String!, $expectedRevision: Int!) {\n    deleteAction(id: $id, expectedRevision: $expectedRevision) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteCatalogAction($id: String!, $expectedRevision: Int!) {\n    deleteAction(id: $id, expectedRevision: $expectedRevision) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChangeImpactParts on CatalogChangeImpact {\n    refused\n    refusal\n    impacts {\n      strategyName\n      versionId\n      versionNumber\n      status\n      effect\n      message\n    }\n  }\n"): (typeof documents)["\n  fragment ChangeImpactParts on CatalogChangeImpact {\n    refused\n    refusal\n    impacts {\n      strategyName\n      versionId\n      versionNumber\n      status\n      effect\n      message\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerProfile($customerId: String!) {\n    customerProfile(customerId: $customerId) {\n      customerId\n      fields {\n        name\n        value\n        source\n        updatedAt\n        ageDays\n        personal\n        hashed\n        masked\n      }\n      recentDecisions\n    }\n  }\n"): (typeof documents)["\n  query CustomerProfile($customerId: String!) {\n    customerProfile(customerId: $customerId) {\n      customerId\n      fields {\n        name\n        value\n        source\n        updatedAt\n        ageDays\n        personal\n        hashed\n        masked\n      }\n      recentDecisions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerHistory($customerId: String!) {\n    customerInteractions(customerId: $customerId) {\n      interactions\n    }\n  }\n"): (typeof documents)["\n  query CustomerHistory($customerId: String!) {\n    customerInteractions(customerId: $customerId) {\n      interactions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProfileQuality {\n    profileQuality {\n      customers\n      staleAfterDays\n      sources {\n        source\n        description\n        fields {\n          field\n          customers\n          completeness\n          medianAgeDays\n          maxAgeDays\n          staleCustomers\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProfileQuality {\n    profileQuality {\n      customers\n      staleAfterDays\n      sources {\n        source\n        description\n        fields {\n          field\n          customers\n          completeness\n          medianAgeDays\n          maxAgeDays\n          staleCustomers\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProfileSources {\n    profileSources {\n      name\n      description\n    }\n  }\n"): (typeof documents)["\n  query ProfileSources {\n    profileSources {\n      name\n      description\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DatasetSummaryFields on Dataset {\n    id\n    name\n    format\n    status\n    rowsRead\n    rowCount\n    bytesRead\n    totalBytes\n    createdAt\n    createdBy\n    error\n  }\n"): (typeof documents)["\n  fragment DatasetSummaryFields on Dataset {\n    id\n    name\n    format\n    status\n    rowsRead\n    rowCount\n    bytesRead\n    totalBytes\n    createdAt\n    createdBy\n    error\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DatasetChoiceFields on Dataset {\n    id\n    name\n    status\n    rowCount\n  }\n"): (typeof documents)["\n  fragment DatasetChoiceFields on Dataset {\n    id\n    name\n    status\n    rowCount\n  }\n"];
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
export function graphql(source: "\n  query ExperimentStrategy($id: ID!) {\n    strategy(id: $id) {\n      id\n      name\n      publishedVersion {\n        id\n        number\n      }\n      versions {\n        id\n        number\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  query ExperimentStrategy($id: ID!) {\n    strategy(id: $id) {\n      id\n      name\n      publishedVersion {\n        id\n        number\n      }\n      versions {\n        id\n        number\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExperimentResults($strategyId: ID!, $version: Int, $positiveOutcomes: [String!]) {\n    experimentResults(strategyId: $strategyId, version: $version, positiveOutcomes: $positiveOutcomes) {\n      versionId\n      version\n      status\n      positiveOutcomes\n      alpha\n      minDecisions\n      splits {\n        splitStepId\n        label\n        verdict\n        winner\n        summary\n        comparisonAlpha\n        arms {\n          arm\n          label\n          percent\n          champion\n          decisions\n          outcomes\n          positives\n          rate\n          rateLow\n          rateHigh\n          difference\n          differenceLow\n          differenceHigh\n          pValue\n          verdict\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ExperimentResults($strategyId: ID!, $version: Int, $positiveOutcomes: [String!]) {\n    experimentResults(strategyId: $strategyId, version: $version, positiveOutcomes: $positiveOutcomes) {\n      versionId\n      version\n      status\n      positiveOutcomes\n      alpha\n      minDecisions\n      splits {\n        splitStepId\n        label\n        verdict\n        winner\n        summary\n        comparisonAlpha\n        arms {\n          arm\n          label\n          percent\n          champion\n          decisions\n          outcomes\n          positives\n          rate\n          rateLow\n          rateHigh\n          difference\n          differenceLow\n          differenceHigh\n          pValue\n          verdict\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PromoteExperimentArm(\n    $strategyId: ID!\n    $version: Int!\n    $splitStepId: String!\n    $arm: String!\n    $positiveOutcomes: [String!]\n  ) {\n    promoteExperimentArm(\n      strategyId: $strategyId\n      version: $version\n      splitStepId: $splitStepId\n      arm: $arm\n      positiveOutcomes: $positiveOutcomes\n    ) {\n      id\n      number\n    }\n  }\n"): (typeof documents)["\n  mutation PromoteExperimentArm(\n    $strategyId: ID!\n    $version: Int!\n    $splitStepId: String!\n    $arm: String!\n    $positiveOutcomes: [String!]\n  ) {\n    promoteExperimentArm(\n      strategyId: $strategyId\n      version: $version\n      splitStepId: $splitStepId\n      arm: $arm\n      positiveOutcomes: $positiveOutcomes\n    ) {\n      id\n      number\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdaptiveStatusFields on AdaptiveModelStatus {\n    modelId\n    version\n    config {\n      predictors {\n        input\n        type\n        center\n        spread\n      }\n      positiveOutcomes\n      negativeOutcomes\n      noResponseHours\n      priorModelId\n      priorVersion\n      explorationShare\n      maturity\n      groupBy\n      aucFloor\n      calibrationFloor\n    }\n    frozen\n    servingSnapshotId\n    evidence\n    positives\n    successRate\n    rollingAuc\n    calibrationError\n    mature\n    lastUpdatedAt\n    learnerLagSeconds\n    alert {\n      kind\n      message\n      since\n    }\n    history {\n      at\n      evidence\n      positives\n      rollingAuc\n      calibrationError\n    }\n    groups {\n      key\n      name\n      evidence\n      positives\n      successRate\n      mature\n    }\n    predictors {\n      name\n      input\n      importance\n      bins {\n        label\n        weight\n        sd\n      }\n    }\n    snapshots {\n      id\n      seq\n      evidence\n      positives\n      hash\n      reason\n      comment\n      createdAt\n      createdBy\n    }\n    overrides {\n      actionId\n      actionName\n      shown\n      overridden\n      rate\n    }\n  }\n"): (typeof documents)["\n  fragment AdaptiveStatusFields on AdaptiveModelStatus {\n    modelId\n    version\n    config {\n      predictors {\n        input\n        type\n        center\n        spread\n      }\n      positiveOutcomes\n      negativeOutcomes\n      noResponseHours\n      priorModelId\n      priorVersion\n      explorationShare\n      maturity\n      groupBy\n      aucFloor\n      calibrationFloor\n    }\n    frozen\n    servingSnapshotId\n    evidence\n    positives\n    successRate\n    rollingAuc\n    calibrationError\n    mature\n    lastUpdatedAt\n    learnerLagSeconds\n    alert {\n      kind\n      message\n      since\n    }\n    history {\n      at\n      evidence\n      positives\n      rollingAuc\n      calibrationError\n    }\n    groups {\n      key\n      name\n      evidence\n      positives\n      successRate\n      mature\n    }\n    predictors {\n      name\n      input\n      importance\n      bins {\n        label\n        weight\n        sd\n      }\n    }\n    snapshots {\n      id\n      seq\n      evidence\n      positives\n      hash\n      reason\n      comment\n      createdAt\n      createdBy\n    }\n    overrides {\n      actionId\n      actionName\n      shown\n      overridden\n      rate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdaptiveModelStatus($modelId: ID!, $version: Int!) {\n    adaptiveModelStatus(modelId: $modelId, version: $version) {\n      ...AdaptiveStatusFields\n    }\n  }\n"): (typeof documents)["\n  query AdaptiveModelStatus($modelId: ID!, $version: Int!) {\n    adaptiveModelStatus(modelId: $modelId, version: $version) {\n      ...AdaptiveStatusFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAdaptiveModel($input: AdaptiveModelInput!) {\n    createAdaptiveModel(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateAdaptiveModel($input: AdaptiveModelInput!) {\n    createAdaptiveModel(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReconfigureAdaptiveModel($modelId: ID!, $input: AdaptiveModelInput!) {\n    reconfigureAdaptiveModel(modelId: $modelId, input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ReconfigureAdaptiveModel($modelId: ID!, $input: AdaptiveModelInput!) {\n    reconfigureAdaptiveModel(modelId: $modelId, input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FreezeAdaptiveModel($modelId: ID!, $version: Int!, $frozen: Boolean!, $reason: String!) {\n    freezeAdaptiveModel(modelId: $modelId, version: $version, frozen: $frozen, reason: $reason) {\n      ...AdaptiveStatusFields\n    }\n  }\n"): (typeof documents)["\n  mutation FreezeAdaptiveModel($modelId: ID!, $version: Int!, $frozen: Boolean!, $reason: String!) {\n    freezeAdaptiveModel(modelId: $modelId, version: $version, frozen: $frozen, reason: $reason) {\n      ...AdaptiveStatusFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetAdaptiveModel($modelId: ID!, $version: Int!, $reason: String!) {\n    resetAdaptiveModel(modelId: $modelId, version: $version, reason: $reason) {\n      ...AdaptiveStatusFields\n    }\n  }\n"): (typeof documents)["\n  mutation ResetAdaptiveModel($modelId: ID!, $version: Int!, $reason: String!) {\n    resetAdaptiveModel(modelId: $modelId, version: $version, reason: $reason) {\n      ...AdaptiveStatusFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RollBackAdaptiveModel($modelId: ID!, $version: Int!, $snapshotId: ID!, $reason: String!) {\n    rollBackAdaptiveModel(modelId: $modelId, version: $version, snapshotId: $snapshotId, reason: $reason) {\n      ...AdaptiveStatusFields\n    }\n  }\n"): (typeof documents)["\n  mutation RollBackAdaptiveModel($modelId: ID!, $version: Int!, $snapshotId: ID!, $reason: String!) {\n    rollBackAdaptiveModel(modelId: $modelId, version: $version, snapshotId: $snapshotId, reason: $reason) {\n      ...AdaptiveStatusFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ModelVersionSummaryFields on ModelVersion {\n    id\n    modelId\n    version\n    algorithm\n    auc\n    createdAt\n    createdBy\n  }\n"): (typeof documents)["\n  fragment ModelVersionSummaryFields on ModelVersion {\n    id\n    modelId\n    version\n    algorithm\n    auc\n    createdAt\n    createdBy\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TrainingJobFields on TrainingJob {\n    id\n    modelId\n    modelName\n    status\n    phase\n    rows\n    iteration\n    iterations\n    etaSeconds\n    error\n    versionId\n    createdAt\n    finishedAt\n    createdBy\n  }\n"): (typeof documents)["\n  fragment TrainingJobFields on TrainingJob {\n    id\n    modelId\n    modelName\n    status\n    phase\n    rows\n    iteration\n    iterations\n    etaSeconds\n    error\n    versionId\n    createdAt\n    finishedAt\n    createdBy\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ModelFields on Model {\n    id\n    kind\n    name\n    description\n    target\n    createdAt\n    createdBy\n    versions {\n      ...ModelVersionSummaryFields\n    }\n    trainings {\n      ...TrainingJobFields\n    }\n  }\n"): (typeof documents)["\n  fragment ModelFields on Model {\n    id\n    kind\n    name\n    description\n    target\n    createdAt\n    createdBy\n    versions {\n      ...ModelVersionSummaryFields\n    }\n    trainings {\n      ...TrainingJobFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Models {\n    models {\n      ...ModelFields\n    }\n  }\n"): (typeof documents)["\n  query Models {\n    models {\n      ...ModelFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Model($id: ID!) {\n    model(id: $id) {\n      ...ModelFields\n    }\n  }\n"): (typeof documents)["\n  query Model($id: ID!) {\n    model(id: $id) {\n      ...ModelFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ModelVersion($id: ID!) {\n    modelVersion(id: $id) {\n      ...ModelVersionSummaryFields\n      modelName\n      contentHash\n      report\n      provenance\n    }\n  }\n"): (typeof documents)["\n  query ModelVersion($id: ID!) {\n    modelVersion(id: $id) {\n      ...ModelVersionSummaryFields\n      modelName\n      contentHash\n      report\n      provenance\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompareModelVersions($a: ID!, $b: ID!) {\n    compareModelVersions(a: $a, b: $b) {\n      metric\n      a\n      b\n      delta\n    }\n  }\n"): (typeof documents)["\n  query CompareModelVersions($a: ID!, $b: ID!) {\n    compareModelVersions(a: $a, b: $b) {\n      metric\n      a\n      b\n      delta\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrainingDatasets {\n    datasets {\n      ...DatasetChoiceFields\n    }\n  }\n"): (typeof documents)["\n  query TrainingDatasets {\n    datasets {\n      ...DatasetChoiceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrainingChoices($datasetId: ID!, $targetColumn: String) {\n    trainingChoices(datasetId: $datasetId, targetColumn: $targetColumn) {\n      rows\n      timeColumns\n      targets {\n        column\n        values\n      }\n      predictors {\n        name\n        input\n        type\n        include\n        reason\n        warning\n      }\n    }\n  }\n"): (typeof documents)["\n  query TrainingChoices($datasetId: ID!, $targetColumn: String) {\n    trainingChoices(datasetId: $datasetId, targetColumn: $targetColumn) {\n      rows\n      timeColumns\n      targets {\n        column\n        values\n      }\n      predictors {\n        name\n        input\n        type\n        include\n        reason\n        warning\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrainingJob($id: ID!) {\n    trainingJob(id: $id) {\n      ...TrainingJobFields\n    }\n  }\n"): (typeof documents)["\n  query TrainingJob($id: ID!) {\n    trainingJob(id: $id) {\n      ...TrainingJobFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TrainModel($input: TrainModelInput!) {\n    trainModel(input: $input) {\n      ...TrainingJobFields\n    }\n  }\n"): (typeof documents)["\n  mutation TrainModel($input: TrainModelInput!) {\n    trainModel(input: $input) {\n      ...TrainingJobFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelTraining($id: ID!) {\n    cancelTraining(id: $id) {\n      ...TrainingJobFields\n    }\n  }\n"): (typeof documents)["\n  mutation CancelTraining($id: ID!) {\n    cancelTraining(id: $id) {\n      ...TrainingJobFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RegistrySpecs {\n    models {\n      id\n      kind\n      versions {\n        version\n        spec\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query RegistrySpecs {\n    models {\n      id\n      kind\n      versions {\n        version\n        spec\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdaptiveServingSpec($modelId: ID!, $version: Int!) {\n    adaptiveModelStatus(modelId: $modelId, version: $version) {\n      servingSpec\n    }\n  }\n"): (typeof documents)["\n  query AdaptiveServingSpec($modelId: ID!, $version: Int!) {\n    adaptiveModelStatus(modelId: $modelId, version: $version) {\n      servingSpec\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FairnessCheckParts on FairnessCheck {\n    status\n    summary\n    findings\n    ratioFloor\n    minGroupSize\n    fields {\n      field\n      label\n      groups {\n        group\n        rows\n        judged\n      }\n      actions {\n        actionId\n        actionName\n        ratio\n        ratioAnyRank\n        belowFloor\n        rates {\n          group\n          first\n          anyRank\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment FairnessCheckParts on FairnessCheck {\n    status\n    summary\n    findings\n    ratioFloor\n    minGroupSize\n    fields {\n      field\n      label\n      groups {\n        group\n        rows\n        judged\n      }\n      actions {\n        actionId\n        actionName\n        ratio\n        ratioAnyRank\n        belowFloor\n        rates {\n          group\n          first\n          anyRank\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewQueue {\n    reviewQueue {\n      strategy {\n        id\n        name\n        description\n      }\n      version {\n        id\n        number\n        submittedAt\n        submittedBy\n        evidence {\n          id\n          status\n          fairnessCheck {\n            status\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReviewQueue {\n    reviewQueue {\n      strategy {\n        id\n        name\n        description\n      }\n      version {\n        id\n        number\n        submittedAt\n        submittedBy\n        evidence {\n          id\n          status\n          fairnessCheck {\n            status\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FairnessSettingsFields on FairnessSettings {\n    ratioFloor\n    minGroupSize\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment FairnessSettingsFields on FairnessSettings {\n    ratioFloor\n    minGroupSize\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FairnessSettings {\n    fairnessSettings {\n      ...FairnessSettingsFields\n    }\n  }\n"): (typeof documents)["\n  query FairnessSettings {\n    fairnessSettings {\n      ...FairnessSettingsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetFairnessSettings($input: FairnessSettingsInput!) {\n    setFairnessSettings(input: $input) {\n      ...FairnessSettingsFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetFairnessSettings($input: FairnessSettingsInput!) {\n    setFairnessSettings(input: $input) {\n      ...FairnessSettingsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchemaFields {\n    dataSchema {\n      customer {\n        ...SchemaFieldParts\n      }\n      context {\n        ...SchemaFieldParts\n      }\n    }\n  }\n  fragment SchemaFieldParts on SchemaField {\n    scope\n    name\n    type\n    label\n    description\n    allowedValues\n    personal\n    protected\n  }\n"): (typeof documents)["\n  query SchemaFields {\n    dataSchema {\n      customer {\n        ...SchemaFieldParts\n      }\n      context {\n        ...SchemaFieldParts\n      }\n    }\n  }\n  fragment SchemaFieldParts on SchemaField {\n    scope\n    name\n    type\n    label\n    description\n    allowedValues\n    personal\n    protected\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DefineSchemaField($input: DefineSchemaFieldInput!) {\n    defineSchemaField(input: $input) {\n      ...SchemaFieldParts\n    }\n  }\n"): (typeof documents)["\n  mutation DefineSchemaField($input: DefineSchemaFieldInput!) {\n    defineSchemaField(input: $input) {\n      ...SchemaFieldParts\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchemaChangeImpact($field: DefineSchemaFieldInput!, $remove: Boolean!) {\n    schemaChangeImpact(field: $field, remove: $remove) {\n      ...ChangeImpactParts\n    }\n  }\n"): (typeof documents)["\n  query SchemaChangeImpact($field: DefineSchemaFieldInput!, $remove: Boolean!) {\n    schemaChangeImpact(field: $field, remove: $remove) {\n      ...ChangeImpactParts\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetSchemaFieldProtected($scope: SchemaScope!, $name: String!, $protected: Boolean!) {\n    setSchemaFieldProtected(scope: $scope, name: $name, protected: $protected) {\n      ...SchemaFieldParts\n    }\n  }\n"): (typeof documents)["\n  mutation SetSchemaFieldProtected($scope: SchemaScope!, $name: String!, $protected: Boolean!) {\n    setSchemaFieldProtected(scope: $scope, name: $name, protected: $protected) {\n      ...SchemaFieldParts\n    }\n  }\n"];
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
export function graphql(source: "\n  query SimulationRun($id: ID!) {\n    simulation(id: $id) {\n      ...SimulationListFields\n      error\n      deleteRefusal\n      results\n      comparison\n      dataWarnings\n      fairnessCheck {\n        ...FairnessCheckParts\n      }\n      names {\n        actions {\n          id\n          name\n        }\n        steps {\n          id\n          name\n        }\n      }\n      completedAt\n      progress {\n        status\n        rowsDone\n        rowsTotal\n        rowsPerSecond\n        etaSeconds\n        chunksDone\n        chunkCount\n      }\n    }\n  }\n"): (typeof documents)["\n  query SimulationRun($id: ID!) {\n    simulation(id: $id) {\n      ...SimulationListFields\n      error\n      deleteRefusal\n      results\n      comparison\n      dataWarnings\n      fairnessCheck {\n        ...FairnessCheckParts\n      }\n      names {\n        actions {\n          id\n          name\n        }\n        steps {\n          id\n          name\n        }\n      }\n      completedAt\n      progress {\n        status\n        rowsDone\n        rowsTotal\n        rowsPerSecond\n        etaSeconds\n        chunksDone\n        chunkCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SimulationStrategyChoices($after: String) {\n    strategies(page: { first: 50, after: $after }) {\n      edges {\n        node {\n          id\n          name\n          publishedVersion {\n            id\n          }\n          versions {\n            id\n            number\n            status\n          }\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query SimulationStrategyChoices($after: String) {\n    strategies(page: { first: 50, after: $after }) {\n      edges {\n        node {\n          id\n          name\n          publishedVersion {\n            id\n          }\n          versions {\n            id\n            number\n            status\n          }\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SimulationDatasetChoices {\n    datasets {\n      ...DatasetChoiceFields\n      mapping\n      report\n    }\n  }\n"): (typeof documents)["\n  query SimulationDatasetChoices {\n    datasets {\n      ...DatasetChoiceFields\n      mapping\n      report\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RunSimulation(\n    $versionId: ID!\n    $datasetId: ID!\n    $baselineVersionId: ID\n    $force: Boolean\n    $learning: SimulationLearningInput\n  ) {\n    runSimulation(\n      versionId: $versionId\n      datasetId: $datasetId\n      baselineVersionId: $baselineVersionId\n      force: $force\n      learning: $learning\n    ) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RunSimulation(\n    $versionId: ID!\n    $datasetId: ID!\n    $baselineVersionId: ID\n    $force: Boolean\n    $learning: SimulationLearningInput\n  ) {\n    runSimulation(\n      versionId: $versionId\n      datasetId: $datasetId\n      baselineVersionId: $baselineVersionId\n      force: $force\n      learning: $learning\n    ) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelSimulation($id: ID!) {\n    cancelSimulation(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation CancelSimulation($id: ID!) {\n    cancelSimulation(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteSimulation($id: ID!) {\n    deleteSimulation(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteSimulation($id: ID!) {\n    deleteSimulation(id: $id) {\n      id\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;