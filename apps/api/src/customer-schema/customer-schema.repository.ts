import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { SchemaField, type SchemaScope } from './schema-field.entity';

@Injectable()
export class CustomerSchemaRepository {
  constructor(private readonly dataSource: DataSource) {}

  all(em: EntityManager = this.dataSource.manager): Promise<SchemaField[]> {
    return em.find(SchemaField, { order: { scope: 'ASC', name: 'ASC' } });
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
