import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Model, ModelAlgorithm, ModelVersion } from './model.types';

const MODEL_COLUMNS = `m.id, m.name, m.description, m.target, m.kind, m.created_at AS "createdAt", m.created_by::text AS "createdBy"`;
const VERSION_COLUMNS = `v.id, v.model_id AS "modelId", m.name AS "modelName", v.version, v.algorithm, v.content_hash AS "contentHash",
  v.spec, v.report, v.provenance, v.auc, v.created_at AS "createdAt", v.created_by::text AS "createdBy"`;

export interface NewModel {
  id: string;
  name: string;
  description: string | null;
  target: string;
  createdBy: string;
  kind?: 'trained' | 'adaptive';
}

export interface NewVersion {
  modelId: string;
  version: number;
  algorithm: ModelAlgorithm;
  contentHash: string;
  spec: unknown;
  report: unknown;
  provenance: unknown;
  auc: number | null;
  createdBy: string;
}

/** Every query on `models` and `model_versions`. Versions are inserted, never updated (a trigger refuses it too). */
@Injectable()
export class ModelsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insertModel(em: EntityManager, model: NewModel): Promise<void> {
    await em.query(
      `INSERT INTO models (id, name, description, target, created_by, kind) VALUES ($1, $2, $3, $4, $5, $6)`,
      [model.id, model.name, model.description, model.target, model.createdBy, model.kind ?? 'trained'],
    );
  }

  /** Locks the model row: serializes version numbers of one model. */
  async lockModel(em: EntityManager, id: string): Promise<Model | undefined> {
    const rows = await em.query<Model[]>(`SELECT ${MODEL_COLUMNS} FROM models m WHERE m.id = $1 FOR UPDATE`, [
      id,
    ]);
    return rows[0];
  }

  async nextVersionNumber(em: EntityManager, modelId: string): Promise<number> {
    const rows = await em.query<{ next: number }[]>(
      `SELECT coalesce(max(version), 0)::int + 1 AS next FROM model_versions WHERE model_id = $1`,
      [modelId],
    );
    return rows[0]!.next;
  }

  async insertVersion(em: EntityManager, version: NewVersion): Promise<ModelVersion> {
    const rows = await em.query<{ id: string }[]>(
      `INSERT INTO model_versions (model_id, version, algorithm, content_hash, spec, report, provenance, auc, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        version.modelId,
        version.version,
        version.algorithm,
        version.contentHash,
        JSON.stringify(version.spec),
        JSON.stringify(version.report),
        JSON.stringify(version.provenance),
        version.auc,
        version.createdBy,
      ],
    );
    return (await this.findVersion(rows[0]!.id, em))!;
  }

  async findModel(id: string, em: EntityManager = this.dataSource.manager): Promise<Model | undefined> {
    const rows = await em.query<Model[]>(`SELECT ${MODEL_COLUMNS} FROM models m WHERE m.id = $1`, [id]);
    return rows[0];
  }

  /** Names compare without case. */
  async findModelByName(name: string): Promise<Model | undefined> {
    const rows = await this.dataSource.query<Model[]>(
      `SELECT ${MODEL_COLUMNS} FROM models m WHERE lower(m.name) = lower($1)`,
      [name],
    );
    return rows[0];
  }

  /** Every model by name (a registry holds tens, not thousands). */
  listModels(): Promise<Model[]> {
    return this.dataSource.query<Model[]>(
      `SELECT ${MODEL_COLUMNS} FROM models m ORDER BY lower(m.name), m.id`,
    );
  }

  async findVersion(
    id: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<ModelVersion | undefined> {
    const rows = await em.query<ModelVersion[]>(
      `SELECT ${VERSION_COLUMNS} FROM model_versions v JOIN models m ON m.id = v.model_id WHERE v.id = $1`,
      [id],
    );
    return rows[0];
  }

  /** Newest first. */
  versions(modelId: string): Promise<ModelVersion[]> {
    return this.dataSource.query<ModelVersion[]>(
      `SELECT ${VERSION_COLUMNS} FROM model_versions v JOIN models m ON m.id = v.model_id WHERE v.model_id = $1 ORDER BY v.version DESC`,
      [modelId],
    );
  }

  /** A version by number, or the latest when `version` is undefined. */
  async versionOf(modelId: string, version?: number): Promise<ModelVersion | undefined> {
    const rows = await this.dataSource.query<ModelVersion[]>(
      `SELECT ${VERSION_COLUMNS} FROM model_versions v JOIN models m ON m.id = v.model_id
       WHERE v.model_id = $1 AND ($2::int IS NULL OR v.version = $2) ORDER BY v.version DESC LIMIT 1`,
      [modelId, version ?? null],
    );
    return rows[0];
  }
}
