import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { MAX_IMPORTED_RULES } from '@arbiter/engine';
import { z } from 'zod';
import { Strategy } from '../strategy.entity';
import { nonEmptyText } from '../../common/validation';

const MAX_RULES_FILE_CHARS = 5_000_000;

export const importRulesSchema = z.object({
  name: nonEmptyText(200),
  rules: z
    .json()
    .refine(
      (r) => r !== null && typeof r === 'object',
      'must be a json-rules-engine rules file: a list of rules, or an object with a "rules" list',
    )
    .refine(
      (r) => JSON.stringify(r).length <= MAX_RULES_FILE_CHARS,
      `must be at most ${MAX_RULES_FILE_CHARS} characters as JSON (and at most ${MAX_IMPORTED_RULES} rules)`,
    ),
});
export type ImportRules = z.infer<typeof importRulesSchema>;

@ObjectType({
  description:
    'Something about one rule of an imported file: left out (carriedOver false), or carried over with a change.',
})
export class RulesImportNote {
  @Field(() => Int, { description: 'Index of the rule in the file, from 0.' })
  rule: number;

  @Field(() => String, { nullable: true, description: "The rule's name, when it has one." })
  name?: string;

  @Field(() => String, { nullable: true, description: 'Where in the rule, e.g. conditions.all[0].operator.' })
  field?: string;

  @Field()
  message: string;

  @Field()
  carriedOver: boolean;
}

@ObjectType({
  description:
    'The draft strategy made from a json-rules-engine rules file, and what could not be carried over.',
})
export class RulesImportPayload {
  @Field(() => Strategy)
  strategy: Strategy;

  @Field(() => ID, { description: 'Version 1 of the new strategy, a DRAFT.' })
  versionId: string;

  @Field(() => Int, { description: 'Rules carried over.' })
  imported: number;

  @Field(() => Int, { description: 'Rules in the file.' })
  total: number;

  @Field(() => [String], { description: 'Ids of the actions added to the catalog.' })
  createdActions: string[];

  @Field(() => [String], { description: 'Ids of catalog actions the rules name, used as they are.' })
  matchedActions: string[];

  @Field(() => [RulesImportNote])
  report: RulesImportNote[];
}
