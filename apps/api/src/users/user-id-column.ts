import { applyDecorators } from '@nestjs/common';
import { Field, ID } from '@nestjs/graphql';
import { Column, ForeignKey } from 'typeorm';
import { User } from './user.entity';

/** A column naming a user (`created_by`, `approved_by`, …), with its foreign key to `users`, exposed as an ID. */
export const UserIdColumn = (
  name: string,
  constraint: string,
  options: { nullable?: boolean; description?: string } = {},
) =>
  applyDecorators(
    Field(() => ID, options),
    ForeignKey(() => User, { name: constraint }),
    Column('uuid', { name, nullable: options.nullable ?? false }),
  );
