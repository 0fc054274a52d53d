import { Injectable } from '@nestjs/common';
import { validateStrategy, type StrategyEnvironment, type ValidationProblem } from '@arbiter/engine';
import type { EntityManager } from 'typeorm';
import { ActionsService } from '../actions/actions.service';
import type { ErrorDetail } from '../common/errors';
import { CustomerSchemaService } from '../customer-schema/customer-schema.service';

/** What strategy documents are validated and compiled against: the action catalog and the declared fields. */
@Injectable()
export class StrategyEnvironmentService {
  constructor(
    private readonly actions: ActionsService,
    private readonly schema: CustomerSchemaService,
  ) {}

  /** Pass the transaction's manager when called inside one. */
  async load(em?: EntityManager): Promise<StrategyEnvironment> {
    // One after the other: inside a transaction both run on its one connection.
    const actions = await this.actions.definitions(em);
    const schema = await this.schema.dataSchema(em);
    // A scope without any declared field is not checked: nothing has been declared yet.
    return {
      actions,
      schema: {
        ...(schema.customer?.length && { customer: schema.customer }),
        ...(schema.context?.length && { context: schema.context }),
      },
    };
  }

  async validate(document: unknown, em?: EntityManager): Promise<ValidationProblem[]> {
    return validateStrategy(document, await this.load(em)).problems;
  }
}

/** Engine problems as VALIDATION_FAILED details: field inside the node, node id, message. */
export function problemDetails(problems: readonly ValidationProblem[]): ErrorDetail[] {
  return problems
    .filter((p) => p.severity === 'error')
    .map((p) => ({
      field: p.field ?? (p.edgeId ? `edges.${p.edgeId}` : 'document'),
      message: p.message,
      code: p.code,
      ...(p.nodeId !== undefined && { nodeId: p.nodeId }),
    }));
}
