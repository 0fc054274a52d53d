import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { StrategyVersion } from '../strategies/strategy-version.entity';
import { User } from '../users/user.entity';
import { DateTimeScalar } from '../common/graphql/date-time.scalar';

export enum CommentKind {
  COMMENT = 'COMMENT',
  REJECTION = 'REJECTION',
  APPROVAL = 'APPROVAL',
  /** Why a version was approved although the fairness check of its simulation evidence failed. */
  JUSTIFICATION = 'JUSTIFICATION',
}
registerEnumType(CommentKind, {
  name: 'CommentKind',
  description:
    'A plain review comment, the comment given with a rejection or approval, or the justification of an approval over a failed fairness check.',
});

/** A review comment on a version, or on one node of it. */
@ObjectType('ReviewComment')
@Check('review_comments_kind_check', "kind IN ('COMMENT', 'REJECTION', 'APPROVAL', 'JUSTIFICATION')")
@Index('review_comments_version', ['versionId', 'createdAt'])
@Entity('review_comments')
export class ReviewComment {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @ForeignKey(() => StrategyVersion, { name: 'review_comments_version_id_fkey' })
  @Column('uuid', { name: 'version_id' })
  versionId: string;

  @Field(() => String, {
    nullable: true,
    description: 'The node the comment is about; null for the whole version.',
  })
  @Column('text', { name: 'node_id', nullable: true })
  nodeId: string | null;

  @Field(() => CommentKind)
  @Column('text')
  kind: CommentKind;

  @Field()
  @Column('text')
  body: string;

  @Field(() => ID)
  @ForeignKey(() => User, { name: 'review_comments_author_id_fkey' })
  @Column('uuid', { name: 'author_id' })
  authorId: string;

  @Field(() => DateTimeScalar)
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
