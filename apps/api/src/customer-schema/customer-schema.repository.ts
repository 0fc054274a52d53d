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
}
