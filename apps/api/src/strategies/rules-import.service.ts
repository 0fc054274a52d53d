import { Injectable } from '@nestjs/common';
import { importJsonRulesEngineRules, RulesFileError, type RulesImport } from '@arbiter/engine';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { ActionsService } from '../actions/actions.service';
import { createActionSchema } from '../actions/dto/action.inputs';
import { AppError, conflict, validationFailed } from '../common/errors';
import { zodDetails } from '../common/validation';
import type { ImportRules } from './dto/rules-import.types';
import type { CreateStrategy } from './dto/strategy.types';
import { StrategiesService } from './strategies.service';

/**
 * A json-rules-engine rules file becomes a new strategy whose version 1 is a DRAFT (the conversion
 * is the engine's importJsonRulesEngineRules). Actions are matched by id, the rule's event type: a
 * catalog action with that id is used as it is (the rule's name and params are not applied to it);
 * any other is added to the catalog. All or nothing: the actions and the strategy are written in
 * one transaction, and a file none of whose rules can be carried over writes nothing.
 */
@Injectable()
export class RulesImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly actions: ActionsService,
    private readonly strategies: StrategiesService,
  ) {}

  async importJsonRulesEngine(actor: Actor, input: ImportRules) {
    const converted = this.convert(input);
    const newActions = converted.actions.map((a) => {
      const parsed = createActionSchema.safeParse({ ...a, attributes: a.attributes ?? null });
      if (!parsed.success) {
        const details = zodDetails(parsed.error.issues).map((d) => ({
          field: 'rules',
          message: `action "${a.id}" (from its rule's event), ${d.field}: ${d.message}`,
        }));
        throw validationFailed(
          details,
          `The action "${a.id}" made from the rules is not a valid catalog action.`,
        );
      }
      return parsed.data;
    });
    return this.dataSource
      .transaction(async (em) => {
        const existing = new Set(
          (
            await this.actions.existing(
              em,
              newActions.map((a) => a.id),
            )
          ).map((a) => a.id),
        );
        const created: string[] = [];
        for (const action of newActions) {
          if (existing.has(action.id)) continue;
          await this.actions.createWithin(em, actor, action);
          created.push(action.id);
        }
        const { strategy, versionId } = await this.strategies.createWithin(em, actor, {
          name: input.name,
          description: `Imported from ${converted.total} json-rules-engine rules (${converted.imported} carried over).`,
          document: converted.document as unknown as CreateStrategy['document'],
        });
        return {
          strategy,
          versionId,
          imported: converted.imported,
          total: converted.total,
          createdActions: created,
          matchedActions: newActions.filter((a) => existing.has(a.id)).map((a) => a.id),
          report: converted.report,
        };
      })
      .catch((error: unknown) => {
        // A taken name: the argument here is `name`, not createStrategy's `input.name`.
        throw error instanceof AppError && error.code === 'CONFLICT'
          ? conflict(error.message, { field: 'name' })
          : error;
      });
  }

  private convert(input: ImportRules): RulesImport {
    let converted: RulesImport;
    try {
      converted = importJsonRulesEngineRules(input.rules, input.name);
    } catch (error) {
      if (error instanceof RulesFileError)
        throw validationFailed([{ field: 'rules', message: error.message }]);
      throw error;
    }
    if (converted.imported === 0) {
      throw validationFailed(
        converted.report
          .filter((n) => !n.carriedOver)
          .map((n) => ({ field: `rules[${n.rule}]${n.field ? `.${n.field}` : ''}`, message: n.message })),
        `None of the ${converted.total} rules can be carried over; nothing was imported.`,
      );
    }
    return converted;
  }
}
