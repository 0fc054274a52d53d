import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { invalidState, notFound, validationFailed } from '../common/errors';
import type { ApiKey } from './api-key.entity';
import { ApiKeysRepository } from './api-keys.repository';
import { StrategyScope } from './strategy-scope';

export const hashKey = (secret: string) => createHash('sha256').update(secret).digest('hex');
const CACHE_MS = 5_000;

export interface CreatedApiKey {
  apiKey: ApiKey;
  secret: string;
}

/** The API keys of calling systems: created and revoked by admins (audited), checked on every REST call. */
@Injectable()
export class ApiKeysService {
  /** Hash → key (or null: unknown/revoked), for a few seconds: revocation reaches other instances within 5 s. */
  private readonly cache = new Map<string, { at: number; key: ApiKey | null }>();

  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly strategies: StrategyScope,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<ApiKey[]> {
    return this.keys.list();
  }

  async create(
    actor: Actor,
    input: { name: string; strategyIds?: string[] | null; rateLimitPerSecond?: number | null },
  ): Promise<CreatedApiKey> {
    const secret = `arb_${randomBytes(24).toString('base64url')}`;
    return this.keys.transaction(async (em) => {
      const strategyIds = input.strategyIds?.length ? [...new Set(input.strategyIds)] : null;
      if (strategyIds) {
        const missing = await this.strategies.missing(strategyIds, em);
        if (missing.length)
          throw validationFailed(
            missing.map((id) => ({ field: 'input.strategyIds', message: `strategy ${id} does not exist` })),
          );
      }
      const apiKey = await this.keys.insert(em, {
        name: input.name,
        prefix: secret.slice(0, 12),
        keyHash: hashKey(secret),
        strategyIds,
        rateLimitPerSecond: input.rateLimitPerSecond ?? null,
        createdBy: actor.id,
      });
      await this.audit.append(em, actor, {
        action: 'apiKey.create',
        entityType: 'apiKey',
        entityId: apiKey.id,
        comment: `${apiKey.name} (${apiKey.prefix}…)`,
      });
      return { apiKey, secret };
    });
  }

  async revoke(actor: Actor, id: string): Promise<ApiKey> {
    const revoked = await this.keys.transaction(async (em) => {
      const key = await this.keys.lockById(em, id);
      if (!key) throw notFound('API key', id);
      if (key.revokedAt) throw invalidState(`API key ${key.prefix}… is already revoked.`, []);
      const after = await this.keys.revoke(em, id);
      await this.audit.append(em, actor, {
        action: 'apiKey.revoke',
        entityType: 'apiKey',
        entityId: id,
        comment: `${key.name} (${key.prefix}…)`,
      });
      return after;
    });
    this.cache.clear();
    return revoked;
  }

  /** The active key with this secret, or null. */
  async verify(secret: string): Promise<ApiKey | null> {
    const hash = hashKey(secret);
    const hit = this.cache.get(hash);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.key;
    const key = await this.keys.findByHash(hash);
    const active = key && !key.revokedAt ? key : null;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(hash, { at: Date.now(), key: active });
    return active;
  }
}
