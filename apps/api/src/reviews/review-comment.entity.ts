import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, Entity, ForeignKey, Index } from 'typeorm';
import { StrategyVersion } from '../strategies/strategy-version.entity';
import { CreatedAtColumn, UuidPrimaryColumn } from '../common/columns';
import { UserIdColumn } from '../users/user-id-column';

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
  @UuidPrimaryColumn()
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

  @UserIdColumn('author_id', 'review_comments_author_id_fkey')
  authorId: string;

  @CreatedAtColumn()
  createdAt: Date;
}
