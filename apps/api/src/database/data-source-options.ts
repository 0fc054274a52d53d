import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { Action } from '../actions/action.entity';
import { AuditEntry } from '../audit/audit-entry.entity';
import { RefreshToken } from '../sessions/refresh-token.entity';
import { SchemaField } from '../customer-schema/schema-field.entity';
import { Dataset } from '../datasets/dataset.entity';
import { ReviewComment } from '../reviews/review-comment.entity';
import { Simulation } from '../simulations/simulation.entity';
import { Strategy } from '../strategies/strategy.entity';
import { StrategyVersion } from '../strategies/strategy-version.entity';
import { User } from '../users/user.entity';
import { InitialSchema1764000000000 } from './migrations/1764000000000-initial-schema';
import { DatasetsSimulations1764300000000 } from './migrations/1764300000000-datasets-simulations';
import { DecisionApi1764200000000 } from './migrations/1764200000000-decision-api';
import { DatasetRowSegments1764400000000 } from './migrations/1764400000000-dataset-row-segments';
import { DecisionLogDeadLetters1764500000000 } from './migrations/1764500000000-decision-log-dead-letters';
import { PinnedEnvironments1764500000001 } from './migrations/1764500000001-pinned-environments';
import { AuditChainHmac1764600000000 } from './migrations/1764600000000-audit-chain-hmac';
import { OutcomeIdempotencyPerApiKey1764600000001 } from './migrations/1764600000001-outcome-idempotency-per-api-key';
import { CustomerProfiles1764700000003 } from './migrations/1764700000003-customer-profiles';
import { ProfileUpsertSpeed1764800000005 } from './migrations/1764800000005-profile-upsert-speed';
import { ModelRegistry1764700000000 } from './migrations/1764700000000-model-registry';
import { FairnessCheck1764700000001 } from './migrations/1764700000001-fairness-check';
import { AdaptiveModels1764800000000 } from './migrations/1764800000000-adaptive-models';
import { OutcomeOverrides1764800000001 } from './migrations/1764800000001-outcome-overrides';
import { DecisionLogSplitArms1764800000018 } from './migrations/1764800000018-decision-log-split-arms';
import { CustomerProfilesOneRow1764900000001 } from './migrations/1764900000001-customer-profiles-one-row';
import { PartitionedDecisionLogInteractions1764900000010 } from './migrations/1764900000010-partitioned-decision-log-interactions';
import { DatasetRowsJson1765000000020 } from './migrations/1765000000020-dataset-rows-json';
import { DatasetRowsWithoutFk1765000000021 } from './migrations/1765000000021-dataset-rows-without-fk';
import { ProfileImportOrigin1765000000040 } from './migrations/1765000000040-profile-import-origin';
import { ProfileFieldsJson1765000000041 } from './migrations/1765000000041-profile-fields-json';
import { FairnessSettings } from '../fairness/fairness-settings.entity';
import { ApiKey } from '../api-keys/api-key.entity';
import { DecisionLogDeadLetter, DecisionLogEntry } from '../decision-log/decision-log.entity';
import { Interaction, InteractionIdempotencyKey } from '../interactions/interaction.entity';

export const ENTITIES = [
  User,
  RefreshToken,
  Action,
  SchemaField,
  Strategy,
  StrategyVersion,
  ReviewComment,
  Simulation,
  AuditEntry,
  ApiKey,
  Interaction,
  InteractionIdempotencyKey,
  DecisionLogEntry,
  DecisionLogDeadLetter,
  Dataset,
  FairnessSettings,
];
/** Every migration, in order. Add new ones at the end (see README: adding a migration). */
export const MIGRATIONS = [
  InitialSchema1764000000000,
  DecisionApi1764200000000,
  DatasetsSimulations1764300000000,
  DatasetRowSegments1764400000000,
  DecisionLogDeadLetters1764500000000,
  PinnedEnvironments1764500000001,
  AuditChainHmac1764600000000,
  OutcomeIdempotencyPerApiKey1764600000001,
  ModelRegistry1764700000000,
  FairnessCheck1764700000001,
  CustomerProfiles1764700000003,
  AdaptiveModels1764800000000,
  OutcomeOverrides1764800000001,
  ProfileUpsertSpeed1764800000005,
  DecisionLogSplitArms1764800000018,
  CustomerProfilesOneRow1764900000001,
  PartitionedDecisionLogInteractions1764900000010,
  DatasetRowsJson1765000000020,
  DatasetRowsWithoutFk1765000000021,
  ProfileImportOrigin1765000000040,
  ProfileFieldsJson1765000000041,
];

/**
 * One connection setup for the app, the migrate CLI and the tests. Only the URL differs between a
 * real PostgreSQL and the embedded one of the quick start, which speaks the same protocol.
 */
export function dataSourceOptions(config: Pick<AppConfig, 'database'>): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.database.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    // Off: failed queries surface as errors (logged once, as INTERNAL, without parameters that may hold personal data).
    logging: false,
    // A database that does not answer fails requests after 5 s (as retryable errors) instead of holding them.
    extra: { max: config.database.poolSize, connectionTimeoutMillis: 5_000 },
  };
}
