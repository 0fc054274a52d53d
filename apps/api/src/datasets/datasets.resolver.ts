import { Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles } from '../auth/access.decorators';
import { Allowed, Permission } from '../auth/permissions';
import type { Actor } from '../auth/actor';
import { ALL_ROLES } from '../auth/roles';
import { Dataset } from './dataset.entity';
import { DatasetsService } from './datasets.service';
import { UuidArg } from '../common/graphql/checked-args';

/** Reading and deleting datasets; uploads go through REST (`POST /api/v1/datasets`, streamed). */
@Resolver(() => Dataset)
export class DatasetsResolver {
  constructor(private readonly service: DatasetsService) {}

  @Roles(...ALL_ROLES)
  @Query(() => [Dataset], {
    description: 'Datasets, newest first (at most 200). Upload with POST /api/v1/datasets.',
  })
  datasets() {
    return this.service.list();
  }

  @Roles(...ALL_ROLES)
  @Query(() => Dataset, {
    description: 'One dataset with its data-quality report; poll rowsRead while it is UPLOADING.',
  })
  dataset(@UuidArg('id') id: string) {
    return this.service.get(id);
  }

  @Allowed(Permission.deleteDataset)
  @Mutation(() => Dataset, {
    description:
      'Deletes a dataset and its rows (not while a simulation runs on it); simulations keep their results.',
  })
  deleteDataset(@CurrentActor() actor: Actor, @UuidArg('id') id: string) {
    return this.service.delete(actor, id);
  }
}
