import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { SchemaField, SchemaScope } from './schema-field.entity';

@Injectable()
export class CustomerSchemaRepository {
  constructor(private readonly dataSource: DataSource) {}

  all(em: EntityManager = this.dataSource.manager): Promise<SchemaField[]> {
    return em.find(SchemaField, { order: { scope: 'ASC', name: 'ASC' } });
  }

  /** Without a lock: for reads outside a transaction (previews). */
  get(scope: SchemaScope, name: string): Promise<SchemaField | null> {
    return this.dataSource.manager.findOne(SchemaField, { where: { scope, name } });
  }

  /** The customer fields marked protected, by name. */
  protectedFields(em: EntityManager = this.dataSource.manager): Promise<SchemaField[]> {
    return em.find(SchemaField, {
      where: { scope: SchemaScope.customer, protected: true },
      order: { name: 'ASC' },
    });
  }

  async setProtected(
    em: EntityManager,
    scope: SchemaScope,
    name: string,
    value: boolean,
  ): Promise<SchemaField> {
    await em.update(SchemaField, { scope, name }, { protected: value });
    return em.findOneOrFail(SchemaField, { where: { scope, name } });
  }

  find(em: EntityManager, scope: SchemaScope, name: string): Promise<SchemaField | null> {
    return em.findOne(SchemaField, { where: { scope, name }, lock: { mode: 'pessimistic_write' } });
  }

  async upsert(em: EntityManager, field: Omit<SchemaField, 'updatedAt'>): Promise<SchemaField> {
    await em.upsert(SchemaField, { ...field, updatedAt: new Date() }, ['scope', 'name']);
    return em.findOneOrFail(SchemaField, { where: { scope: field.scope, name: field.name } });
  }

  async delete(em: EntityManager, scope: SchemaScope, name: string): Promise<void> {
    await em.delete(SchemaField, { scope, name });
  }

  /** `scope.name` → label of the fields among `keys` that have one. */
  async labels(keys: readonly string[]): Promise<Map<string, string>> {
    const pairs = keys.flatMap((key) => {
      const [scope, name] = key.split('.');
      return name ? [{ scope: scope as SchemaScope, name }] : [];
    });
    if (!pairs.length) return new Map();
    const rows = await this.dataSource.manager.find(SchemaField, { where: pairs });
    return new Map(rows.flatMap((f) => (f.label ? [[`${f.scope}.${f.name}`, f.label] as const] : [])));
  }
}
