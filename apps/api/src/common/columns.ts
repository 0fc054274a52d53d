// The id and timestamp columns most entities share, each declared once for TypeORM and the GraphQL type.
import { applyDecorators } from '@nestjs/common';
import { Field, ID } from '@nestjs/graphql';
import { Column, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DateTimeScalar } from './graphql/date-time.scalar';

/** `created_at`: set by the database on insert. */
export const CreatedAtColumn = () =>
  applyDecorators(
    Field(() => DateTimeScalar),
    CreateDateColumn({ name: 'created_at', type: 'timestamptz' }),
  );

/** `updated_at`: set by TypeORM on every save. */
export const UpdatedAtColumn = () =>
  applyDecorators(
    Field(() => DateTimeScalar),
    UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }),
  );

/** A moment that may not have happened yet (`submitted_at`, `revoked_at`, …): a nullable timestamptz. */
export const MomentColumn = (name: string, description?: string) =>
  applyDecorators(
    Field(() => DateTimeScalar, { nullable: true, description }),
    Column('timestamptz', { name, nullable: true }),
  );

/** `id`: a uuid the database generates, exposed as the GraphQL ID. */
export const UuidPrimaryColumn = () =>
  applyDecorators(
    Field(() => ID),
    PrimaryGeneratedColumn('uuid'),
  );
