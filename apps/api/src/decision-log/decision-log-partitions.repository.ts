import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DailyPartitions } from '../common/daily-partitions.repository';

/** The decision log's daily partitions (by decided_at, UTC), for the partition maintenance job. */
@Injectable()
export class DecisionLogPartitions extends DailyPartitions {
  constructor(dataSource: DataSource) {
    super(dataSource, 'decision_log', 'decided_at');
  }
}
