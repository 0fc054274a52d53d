import { Mutation, Query, Resolver } from '@nestjs/graphql';
import { CatalogChangeImpactType } from '../catalog-changes/dto/catalog-change-impact.types';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/access.decorators';
import { Allowed, Permission } from '../auth/permissions';
import { ALL_ROLES } from '../auth/roles';
import { CustomerSchemaService } from './customer-schema.service';
import {
  DataSchemaType,
  DefineSchemaFieldInput,
  defineSchemaFieldSchema,
  fieldNameSchema,
  type DefineSchemaField,
} from './dto/schema-field.inputs';
import { SchemaField, SchemaScope } from './schema-field.entity';
import { CheckedArg, SwitchArg } from '../common/graphql/checked-args';

@Resolver(() => SchemaField)
export class CustomerSchemaResolver {
  constructor(private readonly schemaService: CustomerSchemaService) {}

  @Roles(...ALL_ROLES)
  @Query(() => DataSchemaType, { description: 'The declared customer and context fields.' })
  dataSchema() {
    return this.schemaService.schema();
  }

  @Allowed(Permission.editSchema)
  @Mutation(() => SchemaField, { description: 'Declares a field, or redefines it if it exists.' })
  defineSchemaField(
    @CurrentActor() actor: Actor,
    @CheckedArg('input', defineSchemaFieldSchema, { type: () => DefineSchemaFieldInput })
    input: DefineSchemaField,
  ) {
    return this.schemaService.define(actor, input);
  }

  @Allowed(Permission.editSchema)
  @Mutation(() => SchemaField, { description: 'Removes a declared field; returns it as it was.' })
  removeSchemaField(
    @CurrentActor() actor: Actor,
    @CheckedArg('scope', z.enum(SchemaScope), { type: () => SchemaScope }) scope: SchemaScope,
    @CheckedArg('name', fieldNameSchema) name: string,
  ) {
    return this.schemaService.remove(actor, scope, name);
  }

  @Allowed(Permission.editSchema)
  @Query(() => CatalogChangeImpactType, {
    description:
      'What saving defineSchemaField(input: field) — or, with remove: true, removeSchemaField — would do to each strategy version that reads the field, and whether it would be refused. Changes nothing.',
  })
  schemaChangeImpact(
    @CheckedArg('field', defineSchemaFieldSchema, { type: () => DefineSchemaFieldInput })
    field: DefineSchemaField,
    @SwitchArg('remove') remove: boolean,
  ) {
    return this.schemaService.previewChange(field, remove);
  }

  @Allowed(Permission.protectFields)
  @Mutation(() => SchemaField, {
    description:
      'Marks a customer field protected for the fairness check (or not). Strategies decide as before; audited.',
  })
  setSchemaFieldProtected(
    @CurrentActor() actor: Actor,
    @CheckedArg('scope', z.enum(SchemaScope), { type: () => SchemaScope }) scope: SchemaScope,
    @CheckedArg('name', fieldNameSchema) name: string,
    @CheckedArg('protected', z.boolean()) value: boolean,
  ) {
    return this.schemaService.setProtected(actor, scope, name, value);
  }
}
