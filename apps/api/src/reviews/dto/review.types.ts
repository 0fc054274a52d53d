import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { z } from 'zod';
import { JSONScalar } from '../../common/graphql/json.scalar';
import type { AssertMatches, InputMatchesSchema } from '../../common/graphql/input-schema';
import { nonEmptyText } from '../../common/validation';

@InputType()
export class AddCommentInput {
  @Field(() => ID)
  versionId: string;

  @Field(() => String, {
    nullable: true,
    description: 'The node the comment is about; leave out for the whole version.',
  })
  nodeId?: string | null;

  @Field()
  body: string;
}

export const addCommentSchema = z.object({
  versionId: z.uuid('must be an id (UUID)'),
  nodeId: z.string().min(1, 'must not be empty').max(64, 'must be at most 64 characters').nullish(),
  body: nonEmptyText(5000),
});
export type AddComment = z.infer<typeof addCommentSchema>;

@ObjectType('DiffNode')
export class DiffNodeType {
  @Field()
  id: string;

  @Field()
  type: string;

  @Field(() => String, { nullable: true })
  label?: string;

  @Field({ description: 'What the node does, in one line.' })
  summary: string;
}

@ObjectType('DiffFieldChange')
export class DiffFieldChangeType {
  @Field({ description: 'Setting path inside the node, e.g. config.condition.' })
  field: string;

  @Field({ description: 'The value before, in words.' })
  beforeText: string;

  @Field({ description: 'The value after, in words.' })
  afterText: string;

  @Field(() => JSONScalar, { nullable: true })
  before: unknown;

  @Field(() => JSONScalar, { nullable: true })
  after: unknown;
}

@ObjectType('DiffNodeChange')
export class DiffNodeChangeType extends DiffNodeType {
  @Field({ description: 'The summary of the node before the change.' })
  before: string;

  @Field(() => [DiffFieldChangeType])
  changes: DiffFieldChangeType[];

  @Field(() => JSONScalar, { nullable: true, description: 'Canvas move { from, to }; layout only.' })
  moved?: unknown;
}

@ObjectType('DiffEdge')
export class DiffEdgeType {
  @Field()
  source: string;

  @Field()
  sourceHandle: string;

  @Field()
  target: string;
}

@ObjectType('DiffNodes')
export class DiffNodesType {
  @Field(() => [DiffNodeType])
  added: DiffNodeType[];

  @Field(() => [DiffNodeType])
  removed: DiffNodeType[];

  @Field(() => [DiffNodeChangeType])
  changed: DiffNodeChangeType[];
}

@ObjectType('DiffEdges')
export class DiffEdgesType {
  @Field(() => [DiffEdgeType])
  added: DiffEdgeType[];

  @Field(() => [DiffEdgeType])
  removed: DiffEdgeType[];
}

@ObjectType('StrategyDiff', {
  description: "What changed between two versions, from the engine's structural diff.",
})
export class StrategyDiffType {
  @Field(() => ID)
  fromVersionId: string;

  @Field(() => ID)
  toVersionId: string;

  @Field()
  unchanged: boolean;

  @Field(() => DiffNodesType)
  nodes: DiffNodesType;

  @Field(() => DiffEdgesType)
  edges: DiffEdgesType;

  @Field(() => [String], {
    description:
      'What changed in the catalog entries and declared fields the versions read, in words ("action \'Gold card\': value 120 → 150"); empty when a version has no copy of them.',
  })
  environment: string[];
}

// The GraphQL input class and its schema must not drift apart (fails to compile when they do).
export type _AddCommentInputMatchesSchema = AssertMatches<
  InputMatchesSchema<AddCommentInput, typeof addCommentSchema>
>;
