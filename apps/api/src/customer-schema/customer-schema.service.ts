import { Injectable } from '@nestjs/common';
import type { DataSchema, FieldDefinition } from '@arbiter/engine';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { CatalogChanges, type CatalogChangePreview } from '../catalog-changes/catalog-changes';
import { recordHash } from '../audit/record-hash';
import { notFound, validationFailed } from '../common/errors';
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

const NOT_A_PERSON =
  'only customer fields can be protected: context fields describe the request, not a person';

/** The row a define writes: the input, with the protected mark kept when the input leaves it out. */
function fieldValues(input: DefineSchemaField, before: SchemaField | null): Omit<SchemaField, 'updatedAt'> {
  return {
    scope: input.scope,
    name: input.name,
    type: input.type,
    label: input.label ?? null,
    description: input.description ?? null,
    allowedValues: input.allowedValues ?? null,
    personal: input.personal ?? false,
    protected: input.protected ?? before?.protected ?? false,
  };
}

const protectedWords = (f: SchemaField) =>
  f.protected
    ? `${f.scope}.${f.name} is protected: every simulation reports the fairness check for it`
    : `${f.scope}.${f.name} is no longer protected`;

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
    return {
      customer: all.filter((f) => f.scope === SchemaScope.customer),
      context: all.filter((f) => f.scope === SchemaScope.context),
    };
  }

  /** The schema as the engine's environment needs it. */
  async dataSchema(em?: EntityManager): Promise<DataSchema> {
    const { customer, context } = await this.schema(em);
    return { customer: customer.map(toFieldDefinition), context: context.map(toFieldDefinition) };
  }

  async define(actor: Actor, input: DefineSchemaField): Promise<SchemaField> {
    return this.dataSource.transaction(async (em) => {
      const before = await this.fields.find(em, input.scope, input.name);
      const after = await this.fields.upsert(em, fieldValues(input, before));
      await this.changes.applied(em, {
        kind: 'field',
        scope: after.scope,
        name: after.name,
        before: before && toFieldDefinition(before),
        after: toFieldDefinition(after),
      });
      await this.audit.append(em, actor, {
        action: 'schemaField.define',
        entityType: 'schemaField',
        entityId: `${after.scope}.${after.name}`,
        beforeHash: before ? recordHash(toFieldDefinition(before)) : null,
        afterHash: recordHash(toFieldDefinition(after)),
        comment: after.protected !== (before?.protected ?? false) ? protectedWords(after) : null,
      });
      return after;
    });
  }

  /** What defining (or, with `remove`, removing) the field would do to strategy versions, before saving; changes nothing. */
  async previewChange(input: DefineSchemaField, remove: boolean): Promise<CatalogChangePreview> {
    const before = await this.fields.get(input.scope, input.name);
    if (remove && !before) throw notFound('Schema field', `${input.scope}.${input.name}`);
    const after = remove ? null : toFieldDefinition({ ...fieldValues(input, before), updatedAt: new Date() });
    return this.changes.preview(this.dataSource.manager, {
      kind: 'field',
      scope: input.scope,
      name: input.name,
      before: before && toFieldDefinition(before),
      after,
    });
  }

  /**
   * Marks a customer field protected for the fairness check, or not. What strategies decide does
   * not change (strategies never see the mark), so no version is touched; the change is audited.
   */
  async setProtected(actor: Actor, scope: SchemaScope, name: string, value: boolean): Promise<SchemaField> {
    if (value && scope !== SchemaScope.customer)
      throw validationFailed([{ field: 'scope', message: NOT_A_PERSON }]);
    return this.dataSource.transaction(async (em) => {
      const before = await this.fields.find(em, scope, name);
      if (!before) throw notFound('Schema field', `${scope}.${name}`);
      if (before.protected === value) return before;
      const after = await this.fields.setProtected(em, scope, name, value);
      await this.audit.append(em, actor, {
        action: 'schemaField.protect',
        entityType: 'schemaField',
        entityId: `${scope}.${name}`,
        comment: protectedWords(after),
      });
      return after;
    });
  }

  /** The customer fields marked protected, with their labels: what a simulation reports the fairness check for. */
  async protectedFields(em?: EntityManager): Promise<{ name: string; label: string | null }[]> {
    return (await this.fields.protectedFields(em)).map((f) => ({ name: f.name, label: f.label }));
  }

  async remove(actor: Actor, scope: SchemaScope, name: string): Promise<SchemaField> {
    return this.dataSource.transaction(async (em) => {
      const before = await this.fields.find(em, scope, name);
      if (!before) throw notFound('Schema field', `${scope}.${name}`);
      await this.fields.delete(em, scope, name);
      await this.changes.applied(em, {
        kind: 'field',
        scope,
        name,
        before: toFieldDefinition(before),
        after: null,
      });
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
