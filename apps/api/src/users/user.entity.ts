import { Field, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity } from 'typeorm';
import { Role } from '../auth/roles';
import { CreatedAtColumn, UpdatedAtColumn, UuidPrimaryColumn } from '../common/columns';

/** A person who signs in. The password hash is never exposed (no @Field). */
@ObjectType('User')
@Check('users_roles_known', "roles <@ ARRAY['designer', 'analyst', 'reviewer', 'publisher', 'admin']")
@Entity('users')
export class User {
  @UuidPrimaryColumn()
  id: string;

  @Field()
  @Column('text')
  email: string;

  @Field()
  @Column('text', { name: 'display_name' })
  displayName: string;

  @Column('text', { name: 'password_hash' })
  passwordHash: string;

  @Field(() => [Role])
  @Column('text', { array: true, default: () => "'{}'" })
  roles: Role[];

  @Field()
  @Column('boolean', { default: true })
  active: boolean;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
