import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Role } from '../auth/roles';
import { DateTimeScalar } from '../common/graphql/date-time.scalar';

/** A person who signs in. The password hash is never exposed (no @Field). */
@ObjectType('User')
@Check('users_roles_known', "roles <@ ARRAY['designer', 'analyst', 'reviewer', 'publisher', 'admin']")
@Entity('users')
export class User {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
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

  @Field(() => DateTimeScalar)
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => DateTimeScalar)
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
