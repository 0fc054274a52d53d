import { Field, Int, ObjectType } from '@nestjs/graphql';
import { VersionImpactType } from '../../catalog-changes/dto/catalog-change-impact.types';

@ObjectType('ActionImport', {
  description: 'What an import of actions wrote, and what it did to strategy versions.',
})
export class ActionImportType {
  @Field(() => Int)
  created: number;

  @Field(() => Int)
  updated: number;

  @Field(() => [VersionImpactType], {
    description:
      'Every version that reads an imported action: drafts take the changes, submitted versions keep their copy.',
  })
  impacts: VersionImpactType[];
}
