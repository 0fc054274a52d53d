import { Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import { RefreshToken } from './refresh-token.entity';

@Injectable()
export class RefreshTokensRepository {
  async insert(
    em: EntityManager,
    token: Pick<RefreshToken, 'id' | 'userId' | 'secretHash' | 'expiresAt'>,
  ): Promise<void> {
    await em.insert(RefreshToken, { ...token, revokedAt: null });
  }

  lockById(em: EntityManager, id: string): Promise<RefreshToken | null> {
    return em.findOne(RefreshToken, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async revoke(em: EntityManager, id: string): Promise<void> {
    await em.update(RefreshToken, { id, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async revokeAllOf(em: EntityManager, userId: string): Promise<void> {
    await em.update(RefreshToken, { userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
