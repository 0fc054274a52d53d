import { Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/access.decorators';
import { Allowed, Permission } from '../auth/permissions';
import { JSONScalar } from '../common/graphql/json.scalar';
import { importRulesSchema, RulesImportPayload } from './dto/rules-import.types';
import { RulesImportService } from './rules-import.service';
import { CheckedArg } from '../common/graphql/checked-args';

@Resolver()
export class RulesImportResolver {
  constructor(private readonly rulesImport: RulesImportService) {}

  @Allowed(Permission.createStrategy)
  @Mutation(() => RulesImportPayload, {
    description:
      'Makes a new strategy (version 1 a DRAFT) from a json-rules-engine rules file (a list of rules, or { rules: [...] }): one action per event type, added to the catalog unless an action with that id exists, eligible when its rule holds. `report` says, per rule, what could not be carried over. All or nothing.',
  })
  importJsonRulesEngineRules(
    @CurrentActor() actor: Actor,
    @CheckedArg('name', importRulesSchema.shape.name) name: string,
    @CheckedArg('rules', importRulesSchema.shape.rules, { type: () => JSONScalar })
    rules: unknown,
  ) {
    return this.rulesImport.importJsonRulesEngine(actor, { name, rules: rules as never });
  }
}
