import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { CustomerDatasetRowsRepository } from '../datasets/customer-dataset-rows.repository';
import { CustomerDecisionsRepository } from '../decision-log/customer-decisions.repository';
import { DecisionLogWriter } from '../decision-log/decision-log.writer';
import { CustomerInteractionsRepository } from '../interactions/customer-interactions.repository';
import { HistoryService } from '../interactions/history.service';
import { SimulationsRepository } from '../simulations/simulations.repository';
import { ProfileEvents } from './profile-events';
import { ProfilesRepository } from './profiles.repository';

export interface CustomerErasure {
  /** Names this erasure in the audit log (which holds no customer id); also the pseudonym left behind. */
  erasureId: string;
  profileFields: number;
  interactionsPseudonymised: number;
  decisionsPseudonymised: number;
  deadLettersDeleted: number;
  datasetRowsDeleted: number;
  simulationExamplesPseudonymised: number;
}

/**
 * The right to be forgotten, in one transaction: profile fields and dataset rows are deleted;
 * interactions (shown actions, outcomes) and logged decisions stay as aggregate evidence (counts,
 * acceptance rates, off-policy estimates, learning) under a pseudonym that links to nothing
 * (`erased:<erasureId>`), decisions without their inputs; dead letters of the customer are deleted;
 * the customer's "top action changed" examples in simulation comparisons keep the pseudonym.
 * Idempotent: a second call finds nothing and says so. The audit entry names the erasure, never
 * the customer.
 */
@Injectable()
export class CustomerErasureService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly profiles: ProfilesRepository,
    private readonly interactions: CustomerInteractionsRepository,
    private readonly decisions: CustomerDecisionsRepository,
    private readonly datasetRows: CustomerDatasetRowsRepository,
    private readonly simulations: SimulationsRepository,
    private readonly decisionLog: DecisionLogWriter,
    private readonly history: HistoryService,
    private readonly events: ProfileEvents,
    private readonly audit: AuditService,
  ) {}

  async erase(actor: Actor, customerId: string): Promise<CustomerErasure> {
    // Decisions of this instance still in the log's buffer are written first, so they are erased too.
    await this.decisionLog.flush();
    const erasureId = randomUUID();
    const pseudonym = `erased:${erasureId}`;
    const result = await this.dataSource.transaction(async (em) => {
      const profileFields = await this.profiles.erase(em, customerId);
      const interactionsPseudonymised = await this.interactions.pseudonymise(em, customerId, pseudonym);
      const [decisionsPseudonymised, deadLettersDeleted] = await this.decisions.pseudonymise(
        em,
        customerId,
        pseudonym,
      );
      const datasetRowsDeleted = await this.datasetRows.erase(em, customerId);
      const simulationExamplesPseudonymised = await this.simulations.pseudonymiseExamples(
        em,
        this.datasetRows.idForms(customerId),
        pseudonym,
      );
      const erased = {
        erasureId,
        profileFields,
        interactionsPseudonymised,
        decisionsPseudonymised,
        deadLettersDeleted,
        datasetRowsDeleted,
        simulationExamplesPseudonymised,
      };
      await this.audit.append(em, actor, {
        action: 'customer.erase',
        entityType: 'customerErasure',
        entityId: erasureId,
        comment: `profile fields deleted: ${profileFields}; interactions pseudonymised: ${interactionsPseudonymised}; decisions pseudonymised: ${decisionsPseudonymised}; dead letters deleted: ${deadLettersDeleted}; dataset rows deleted: ${datasetRowsDeleted}; simulation examples pseudonymised: ${simulationExamplesPseudonymised}`,
      });
      return erased;
    });
    this.events.changed([customerId]);
    await this.history.invalidate(customerId);
    return result;
  }
}
