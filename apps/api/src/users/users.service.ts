import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { hashPassword } from '../auth/passwords';
import { Role } from '../auth/roles';
import { AuditService } from '../audit/audit.service';
import { recordHash } from '../audit/record-hash';
import { conflict, invalidState, notFound } from '../common/errors';
import { isStringKey, keysetPage, type Connection, type Page } from '../common/graphql/pagination';
import type { CreateUser } from './dto/user.inputs';
import type { User } from './user.entity';
import { UsersRepository } from './users.repository';

/** What the audit log hashes of a user: never the password hash. */
const auditView = (u: User) => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  roles: [...u.roles].sort(),
  active: u.active,
});

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
  ) {}

  /** `auditComment` says who created the user when no signed-in actor did (the create-admin command). */
  async create(actor: Actor | null, input: CreateUser, auditComment?: string): Promise<User> {
    const passwordHash = await hashPassword(input.password);
    return this.dataSource.transaction(async (em) => {
      if (await this.users.findByEmail(input.email, em))
        throw conflict(`A user with the email ${input.email} exists already.`, { field: 'email' });
      const user = await this.users.insert(em, {
        email: input.email,
        displayName: input.displayName,
        passwordHash,
        roles: input.roles,
        active: true,
      });
      await this.audit.append(em, actor, {
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        afterHash: recordHash(auditView(user)),
        comment: auditComment ?? null,
      });
      return user;
    });
  }

  async setRoles(actor: Actor, userId: string, roles: Role[]): Promise<User> {
    return this.change(
      actor,
      userId,
      'user.roles',
      { roles },
      (before) => before.roles.includes(Role.admin) && !roles.includes(Role.admin),
    );
  }

  async setActive(actor: Actor, userId: string, active: boolean): Promise<User> {
    return this.change(
      actor,
      userId,
      'user.active',
      { active },
      (before) => before.roles.includes(Role.admin) && before.active && !active,
    );
  }

  get(id: string): Promise<User | null> {
    return this.users.findById(id);
  }

  /** The user with this email, compared without case. */
  findByEmail(email: string): Promise<User | null> {
    return this.users.findByEmail(email);
  }

  list(page: Page): Promise<Connection<User>> {
    return keysetPage(
      page,
      isStringKey,
      (limit, after) => this.users.page(limit, after),
      (u) => u.email.toLowerCase(),
    );
  }

  private async change(
    actor: Actor,
    userId: string,
    action: string,
    changes: Partial<Pick<User, 'roles' | 'active'>>,
    removesAnAdmin: (before: User) => boolean,
  ): Promise<User> {
    return this.dataSource.transaction(async (em) => {
      const before = await this.users.lockById(em, userId);
      if (!before) throw notFound('User', userId);
      if (removesAnAdmin(before) && (await this.users.countOtherActiveAdmins(em, userId)) === 0) {
        throw invalidState('At least one active admin must remain, or nobody could manage users any more.', [
          'make another user admin first',
        ]);
      }
      const after = await this.users.update(em, userId, changes);
      await this.audit.append(em, actor, {
        action,
        entityType: 'user',
        entityId: userId,
        beforeHash: recordHash(auditView(before)),
        afterHash: recordHash(auditView(after)),
      });
      return after;
    });
  }
}
