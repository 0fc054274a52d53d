import { Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Roles } from '../auth/access.decorators';
import { ALL_ROLES } from '../auth/roles';
import { Model, ModelVersion, TrainingJob, VersionComparison } from './model.types';
import { ModelsService } from './models.service';
import { UuidArg } from '../common/graphql/checked-args';

/** The registry, read by every role. */
@Resolver(() => Model)
export class ModelsResolver {
  constructor(private readonly registry: ModelsService) {}

  @Roles(...ALL_ROLES)
  @Query(() => [Model], {
    description: 'Registered models by name (a model exists once its first version is registered).',
  })
  models() {
    return this.registry.list();
  }

  @Roles(...ALL_ROLES)
  @Query(() => Model, {
    nullable: true,
    description:
      'A model; null when there is none with this id (a new model appears once its training SUCCEEDED).',
  })
  async model(@UuidArg('id') id: string) {
    return (await this.registry.find(id)) ?? null;
  }

  @Roles(...ALL_ROLES)
  @Query(() => ModelVersion, {
    nullable: true,
    description:
      'A model version: its engine form, report and provenance; null when there is none with this id.',
  })
  async modelVersion(@UuidArg('id') id: string) {
    return (await this.registry.findVersion(id)) ?? null;
  }

  @Roles(...ALL_ROLES)
  @Query(() => [VersionComparison], {
    description: 'Headline metrics of two model versions side by side, with b − a.',
  })
  compareModelVersions(@UuidArg('a') a: string, @UuidArg('b') b: string) {
    return this.registry.compare(a, b);
  }

  @ResolveField(() => ModelVersion, { nullable: true, description: 'The newest version.' })
  async latestVersion(@Parent() model: Model) {
    return (await this.registry.versionOf(model.id)) ?? null;
  }

  @ResolveField(() => [ModelVersion], { description: 'Newest first.' })
  versions(@Parent() model: Model) {
    return this.registry.versions(model.id);
  }

  @ResolveField(() => [TrainingJob], {
    description: 'Trainings of this model (retrainings included), newest first, at most 100.',
  })
  trainings(@Parent() model: Model) {
    return this.registry.trainings(model.id);
  }
}
