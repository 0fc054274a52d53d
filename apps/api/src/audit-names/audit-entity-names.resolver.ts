import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource, In, type EntityTarget, type FindOptionsWhere, type ObjectLiteral } from 'typeorm';
import { Action } from '../actions/action.entity';
import { ApiKey } from '../api-keys/api-key.entity';
import { requestLoader } from '../common/graphql/request-loader';
import { SchemaField } from '../customer-schema/schema-field.entity';
import { Dataset } from '../datasets/dataset.entity';
import { ReviewComment } from '../reviews/review-comment.entity';
import { Simulation } from '../simulations/simulation.entity';
import { StrategyVersion } from '../strategies/strategy-version.entity';
import { Strategy } from '../strategies/strategy.entity';
import { User } from '../users/user.entity';
import { AuditEntry } from '../audit/audit-entry.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What an audit entry is about, by name: entries keep the id (`entityId`, for reference and
 * filtering), and people read the strategy, version, action, dataset or user it names. Resolved when
 * read, so entries written before names were shown read the same way.
 */
@Resolver(() => AuditEntry)
export class AuditEntityNamesResolver {
  constructor(private readonly dataSource: DataSource) {}

  @ResolveField(() => String, {
    nullable: true,
    description:
      'The entity by name: "\'Retention\' version 3", "action \'Gold card\'", "dataset \'Customers 2025\'", …; null when it no longer exists or has no name.',
  })
  async entityName(@Parent() entry: AuditEntry, @Context() context: object): Promise<string | null> {
    const id = entry.entityId;
    if (!id) return null;
    switch (entry.entityType) {
      case 'version':
        return this.versionName(context, id);
      case 'strategy': {
        const strategy = await this.byId(context, Strategy, id);
        return strategy ? `'${strategy.name}'` : null;
      }
      case 'action': {
        const action = await this.byId(context, Action, id, false);
        return action ? `action '${action.name}'` : null;
      }
      case 'schemaField':
        return this.fieldName(context, id);
      case 'dataset': {
        const dataset = await this.byId(context, Dataset, id);
        return dataset ? `dataset '${dataset.name}'` : null;
      }
      case 'simulation': {
        const simulation = await this.byId(context, Simulation, id);
        if (!simulation) return null;
        const [version, dataset] = await Promise.all([
          this.versionName(context, simulation.versionId),
          this.byId(context, Dataset, simulation.datasetId),
        ]);
        return `simulation of ${version ?? 'a version'}${dataset ? ` on dataset '${dataset.name}'` : ''}`;
      }
      case 'comment': {
        const comment = await this.byId(context, ReviewComment, id);
        const version = comment && (await this.versionName(context, comment.versionId));
        return version ? `comment on ${version}` : null;
      }
      case 'user': {
        const user = await this.byId(context, User, id);
        return user?.displayName ?? null;
      }
      case 'apiKey': {
        const key = await this.byId(context, ApiKey, id);
        return key ? `API key '${key.name}'` : null;
      }
      default:
        return null;
    }
  }

  private async versionName(context: object, id: string | null): Promise<string | null> {
    const version = await this.byId(context, StrategyVersion, id);
    if (!version) return null;
    const strategy = await this.byId(context, Strategy, version.strategyId);
    return `'${strategy?.name ?? 'a deleted strategy'}' version ${version.number}`;
  }

  /** `customer.age` → "customer field 'Age' (customer.age)". */
  private async fieldName(context: object, id: string): Promise<string> {
    const loader = requestLoader<SchemaField>(context, 'AuditSchemaField', async (ids) => {
      const keys = ids.map((key) => key.split('.'));
      const rows = await this.dataSource.manager.find(SchemaField, {
        where: keys.map(([scope, name]) => ({ scope, name }) as FindOptionsWhere<SchemaField>),
      });
      return new Map(rows.map((f) => [`${f.scope}.${f.name}`, f]));
    });
    const field = id.includes('.') ? await loader.load(id) : null;
    return field?.label ? `field '${field.label}' (${id})` : `field ${id}`;
  }

  /** One query per entity type for all entries of the page. `uuidKeys`: ids are UUIDs (others are skipped unasked). */
  private byId<T extends ObjectLiteral & { id: string }>(
    context: object,
    entity: EntityTarget<T>,
    id: string | null,
    uuidKeys = true,
  ): Promise<T | null> {
    if (id === null || (uuidKeys && !UUID.test(id))) return Promise.resolve(null);
    const name = `Audit${this.dataSource.getMetadata(entity).name}`;
    return requestLoader<T>(context, name, async (ids) => {
      const rows = await this.dataSource.manager.find(entity, {
        where: { id: In(ids) } as FindOptionsWhere<T>,
      });
      return new Map(rows.map((row) => [row.id, row]));
    }).load(id);
  }
}
