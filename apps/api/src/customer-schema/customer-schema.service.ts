import { Injectable } from '@nestjs/common';
import type { DataSchema, FieldDefinition } from '@arbiter/engine';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { CatalogChanges } from '../catalog-changes/catalog-changes';
import { recordHash } from '../audit/record-hash';
import { notFound } from '../common/errors';
import { CustomerSchemaRepository } from './customer-schema.repository';
import type { DefineSchemaField } from './dto/schema-field.inputs';
import { SchemaScope, type SchemaField } from './schema-field.entity';

export function toFieldDefinition(f: SchemaField): FieldDefinition {
  return {
    name: f.name,
    type: f.type,
    ...(f.label && { label: f.label }),
    ...(f.description && { description: f.description }),
    ...(f.allowedValues && { allowedValues: f.allowedValues }),
    ...(f.personal && { personal: true }),
  };
}

@Injectable()
export class CustomerSchemaService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly fields: CustomerSchemaRepository,
    private readonly changes: CatalogChanges,
    private readonly audit: AuditService,
  ) {}

  async schema(em?: EntityManager): Promise<{ customer: SchemaField[]; context: SchemaField[] }> {
    const all = await this.fields.all(em);
    return { customer: all.filter((f) => f.scope === SchemaScope.customer), context: all.filter((f) => f.scope === SchemaScope.context) };
  }

  /** The schema as the engine's environment needs it. */
  async dataSchema(em?: EntityManager): Promise<DataSchema> {
    const { customer, context } = await this.schema(em);
    return { customer: customer.map(toFieldDefinition), context: context.map(toFieldDefinition) };
  }

  async define(actor: Actor, input: DefineSchemaField): Promise<SchemaField> {
    return this.dataSource.transaction(async (em) => {
      const before = await this.fields.find(em, input.scope, input.name);
      const after = await this.fields.upsert(em, {
        scope: input.scope,
        name: input.name,
        type: input.type,
        label: input.label ?? null,
        description: input.description ?? null,
        allowedValues: input.allowedValues ?? null,
        personal: input.personal ?? false,
      });
      await this.changes.applied(em, { kind: 'field', scope: after.scope, name: after.name, before: before && toFieldDefinition(before), after: toFieldDefinition(after) });
      await this.audit.append(em, actor, {
        action: 'schemaField.define',
        entityType: 'schemaField',
        entityId: `${after.scope}.${after.name}`,
        beforeHash: before ? recordHash(toFieldDefinition(before)) : null,
        afterHash: recordHash(toFieldDefinition(after)),
      });
      return after;
    });
  }

  async remove(actor: Actor, scope: SchemaScope, name: string): Promise<SchemaField> {
    return this.dataSource.transaction(async (em) => {
      const before = await this.fields.find(em, scope, name);
      if (!before) throw notFound('Schema field', `${scope}.${name}`);
      await this.fields.delete(em, scope, name);
      await this.changes.applied(em, { kind: 'field', scope, name, before: toFieldDefinition(before), after: null });
      await this.audit.append(em, actor, {
        action: 'schemaField.remove',
        entityType: 'schemaField',
        entityId: `${scope}.${name}`,
        beforeHash: recordHash(toFieldDefinition(before)),
      });
      return before;
    });
  }
}
