import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { CreatedAtColumn, MomentColumn, UpdatedAtColumn, UuidPrimaryColumn } from '../common/columns';
import { UserIdColumn } from '../users/user-id-column';

/** A decision strategy: a named sequence of versions, at most one of them PUBLISHED. */
@ObjectType('Strategy')
@Entity('strategies')
export class Strategy {
  @UuidPrimaryColumn()
  id: string;

  @Field()
  @Column('text')
  name: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  description: string | null;

  @MomentColumn('archived_at')
  archivedAt: Date | null;

  @UserIdColumn('created_by', 'strategies_created_by_fkey')
  createdBy: string;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
