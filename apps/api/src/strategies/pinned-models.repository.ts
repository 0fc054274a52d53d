import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PinnedEnvironment } from './pinned-environment';

/** Strategy versions' pinned copies (catalog entries and registry models), read by the adaptive learner and status. */
@Injectable()
export class PinnedModelsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async environments(versionIds: readonly string[]): Promise<Map<string, PinnedEnvironment | null>> {
    if (!versionIds.length) return new Map();
    const rows: { id: string; environment: PinnedEnvironment | null }[] = await this.dataSource.query(
      `SELECT id, environment FROM strategy_versions WHERE id = ANY($1::uuid[])`,
      [versionIds],
    );
    return new Map(rows.map((r) => [r.id, r.environment]));
  }

  /** The versions whose pinned copy names this registry model version (by its key `modelId@version`). */
  async versionsPinning(key: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM strategy_versions WHERE environment -> 'models' ? $1`,
      [key],
    );
    return rows.map((r) => r.id);
  }
}
