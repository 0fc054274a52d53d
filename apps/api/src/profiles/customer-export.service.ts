import { Injectable } from '@nestjs/common';
import { CustomerDatasetRowsRepository } from '../datasets/customer-dataset-rows.repository';
import { CustomerDecisionsRepository } from '../decision-log/customer-decisions.repository';
import { DecisionLogWriter } from '../decision-log/decision-log.writer';
import { CustomerInteractionsRepository } from '../interactions/customer-interactions.repository';
import { ProfilesRepository } from './profiles.repository';

/** An access request: everything stored about one customer, as JSON (personal values as stored: in clear, or as pseudonyms). */
@Injectable()
export class CustomerExportService {
  constructor(
    private readonly profiles: ProfilesRepository,
    private readonly interactions: CustomerInteractionsRepository,
    private readonly decisions: CustomerDecisionsRepository,
    private readonly datasetRows: CustomerDatasetRowsRepository,
    private readonly decisionLog: DecisionLogWriter,
  ) {}

  async export(customerId: string) {
    await this.decisionLog.flush();
    const [profile, interactions, decisions, datasetRows] = await Promise.all([
      this.profiles.ofCustomers([customerId]),
      this.interactions.export(customerId),
      this.decisions.export(customerId),
      this.datasetRows.export(customerId),
    ]);
    return {
      customerId,
      exportedAt: new Date().toISOString(),
      profile: profile.map((f) => ({
        field: f.field,
        value: f.value,
        hashed: f.treatment === 'hashed',
        source: f.source,
        updatedAt: f.sourceUpdatedAt.toISOString(),
      })),
      interactions,
      decisions,
      datasetRows,
    };
  }
}
