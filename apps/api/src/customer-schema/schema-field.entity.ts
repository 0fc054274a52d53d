import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import { JSONScalar } from '../common/graphql/json.scalar';
import { UpdatedAtColumn } from '../common/columns';

export enum SchemaScope {
  customer = 'customer',
  context = 'context',
}
registerEnumType(SchemaScope, { name: 'SchemaScope', description: 'customer.* fields or context.* fields.' });

export enum FieldType {
  number = 'number',
  string = 'string',
  boolean = 'boolean',
  date = 'date',
  list = 'list',
}
registerEnumType(FieldType, { name: 'FieldType' });

/** A declared customer or context field that conditions, models and datasets are checked against. */
@ObjectType('SchemaField')
@Check('schema_fields_scope_check', "scope IN ('customer', 'context')")
@Check('schema_fields_type_check', "type IN ('number', 'string', 'boolean', 'date', 'list')")
@Entity('schema_fields')
export class SchemaField {
  @Field(() => SchemaScope)
  @PrimaryColumn('text')
  scope: SchemaScope;

  @Field()
  @PrimaryColumn('text')
  name: string;

  @Field(() => FieldType)
  @Column('text')
  type: FieldType;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  label: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  description: string | null;

  @Field(() => JSONScalar, {
    nullable: true,
    description: 'The values a string/number field may take, if restricted.',
  })
  @Column('jsonb', { name: 'allowed_values', nullable: true })
  allowedValues: (string | number | boolean)[] | null;

  @Field({ description: 'Personal data: never logged, masked in exports.' })
  @Column('boolean', { default: false })
  personal: boolean;

  @Field({
    description:
      'A protected attribute (age band, gender, nationality, …): every simulation reports how its groups are treated (the fairness check). Not part of what strategies read.',
  })
  @Column('boolean', { default: false })
  protected: boolean;

  @UpdatedAtColumn()
  updatedAt: Date;
}
