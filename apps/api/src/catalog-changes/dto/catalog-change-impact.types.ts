import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum VersionImpactEffect {
  BREAKS = 'BREAKS',
  KEEPS_ITS_COPY = 'KEEPS_ITS_COPY',
  FOLLOWS = 'FOLLOWS',
}
registerEnumType(VersionImpactEffect, {
  name: 'VersionImpactEffect',
  description:
    'BREAKS: the edit would be refused for it; KEEPS_ITS_COPY: it goes on deciding as approved or submitted; FOLLOWS: it takes the edit (drafts, and versions made before copies existed).',
});

@ObjectType('VersionImpact', { description: 'What a catalog or schema edit does to one strategy version.' })
export class VersionImpactType {
  @Field(() => ID)
  strategyId: string;

  @Field()
  strategyName: string;

  @Field(() => ID)
  versionId: string;

  @Field(() => Int)
  versionNumber: number;

  @Field({ description: 'The version status: DRAFT, IN_REVIEW, APPROVED or PUBLISHED.' })
  status: string;

  @Field(() => VersionImpactEffect)
  effect: VersionImpactEffect;

  @Field({
    description:
      'In words: "Retention version 3 (published) reads customer.age, and its type would change from number to string, …".',
  })
  message: string;
}

@ObjectType('CatalogChangeImpact', {
  description:
    'What saving an edit of the catalog or the customer schema would do, before it is saved. Nothing is changed.',
})
export class CatalogChangeImpactType {
  @Field({
    description:
      'Saving would be refused with CONFLICT: the edit would break a published or approved version.',
  })
  refused: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The CONFLICT message saving would get, listing the versions it would break.',
  })
  refusal: string | null;

  @Field(() => [VersionImpactType], {
    description: 'Every version that reads what the edit changes; empty when none does.',
  })
  impacts: VersionImpactType[];
}
