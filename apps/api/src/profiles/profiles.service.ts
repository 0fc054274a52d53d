import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { FieldDefinition } from '@arbiter/engine';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { recordHash } from '../audit/record-hash';
import type { Actor } from '../auth/actor';
import { Role } from '../auth/roles';
import { validationFailed } from '../common/errors';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { CustomerSchemaService } from '../customer-schema/customer-schema.service';
import { personalDataSalt } from '../datasets/hash-salt';
import { ProfileCache, type StoredProfile } from './profile-cache';
import { ProfileEvents } from './profile-events';
import { updateProblems, type ProfileUpdate } from './profile-input';
import {
  ProfilesRepository,
  type ProfileFieldRow,
  type ProfileSourceRow,
  type ProfileWrite,
} from './profiles.repository';

export interface IgnoredField {
  field: string;
  reason: string;
  storedSource: string;
  storedUpdatedAt: string;
}

/** What one update did: fields written, fields ignored as older than the stored value, personal fields dropped. */
export interface UpsertResult {
  customerId: string;
  applied: string[];
  ignored: IgnoredField[];
  dropped: string[];
}

/** A value as stored: in clear, or its keyed pseudonym. */
export type StoredValue = Pick<ProfileFieldRow, 'value' | 'treatment'>;

export interface ProfileFieldView {
  name: string;
  /** null when masked for the caller's role or stored as a pseudonym the caller may not see. */
  value: unknown;
  source: string;
  updatedAt: Date;
  ageDays: number;
  personal: boolean;
  hashed: boolean;
  masked: boolean;
}

/** A field is "stale" in the quality summary from this age on (the strategies' own rules decide what they accept). */
export const STALE_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * Customer profiles: per customer and declared field the value, its source and the source's time.
 * Rules: an update is checked whole before anything is written (unknown field, wrong type,
 * undeclared source → nothing stored); per field, the newer source time wins and an older update
 * is ignored and reported; personal fields are hashed, dropped or kept as dataset imports do.
 */
@Injectable()
export class ProfilesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly profiles: ProfilesRepository,
    private readonly cache: ProfileCache,
    private readonly events: ProfileEvents,
    private readonly customerSchema: CustomerSchemaService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** All or nothing: any problem in any update refuses the whole call, naming item and field. */
  async upsert(
    updates: readonly ProfileUpdate[],
    itemPrefix: (i: number) => string = () => '',
  ): Promise<UpsertResult[]> {
    const [schema, sources] = await Promise.all([this.customerSchema.dataSchema(), this.profiles.sources()]);
    const declared = schema.customer ?? [];
    const names = new Set(sources.map((s) => s.name));
    const now = Date.now();
    const problems = updates.flatMap((u, i) => updateProblems(u, declared, names, now, itemPrefix(i)));
    if (problems.length) throw validationFailed(problems);

    return this.apply(updates, now, (update, field, value) => {
      const treatment = this.treatment(field, declared, update.personal);
      return treatment === 'drop' ? 'drop' : this.stored(value, treatment);
    });
  }

  /**
   * Writes checked updates (see `upsert`); `store` says how each value is stored, or that it is
   * dropped. Updates without `updatedAt` take `now`.
   */
  async apply(
    updates: readonly ProfileUpdate[],
    now: number,
    store: (update: ProfileUpdate, field: string, value: unknown) => StoredValue | 'drop',
  ): Promise<UpsertResult[]> {
    const results: UpsertResult[] = updates.map((u) => ({
      customerId: u.customerId,
      applied: [],
      ignored: [],
      dropped: [],
    }));
    // One row per (customer, field): within a call, too, the newer source time wins (ties: the later item).
    const rows = new Map<string, { row: ProfileFieldRow; item: number }>();
    for (const [i, update] of updates.entries()) {
      const at = update.updatedAt ? new Date(update.updatedAt) : new Date(now);
      for (const [field, value] of Object.entries(update.fields)) {
        const stored = store(update, field, value);
        if (stored === 'drop') {
          results[i]!.dropped.push(field);
          continue;
        }
        const row: ProfileFieldRow = {
          customerId: update.customerId,
          field,
          source: update.source,
          sourceUpdatedAt: at,
          ...stored,
        };
        const key = `${update.customerId}\u0000${field}`;
        const earlier = rows.get(key);
        if (earlier && earlier.row.sourceUpdatedAt > at) {
          results[i]!.ignored.push(ignoredBy(field, earlier.row));
          continue;
        }
        if (earlier) results[earlier.item]!.ignored.push(ignoredBy(field, row));
        rows.set(key, { row, item: i });
      }
    }

    // One row per customer (its fields' values and where they came from), merged in one statement.
    const writes = new Map<string, ProfileWrite>();
    for (const { row } of rows.values()) {
      let write = writes.get(row.customerId);
      if (!write) writes.set(row.customerId, (write = { customerId: row.customerId, fields: {}, meta: {} }));
      write.fields[row.field] = row.value;
      write.meta[row.field] = {
        s: row.source,
        t: row.sourceUpdatedAt.getTime(),
        ...(row.treatment === 'hashed' && { h: 1 as const }),
      };
    }
    const refused = new Map(
      (await this.profiles.upsert([...writes.values()])).map((r) => [
        `${r.customerId}\u0000${r.field}`,
        r.stored,
      ]),
    );
    for (const [key, c] of rows) {
      const stored = refused.get(key);
      if (!stored) results[c.item]!.applied.push(c.row.field);
      else
        results[c.item]!.ignored.push(
          ignoredBy(c.row.field, { source: stored.s, sourceUpdatedAt: new Date(stored.t) }),
        );
    }
    this.events.changed([...new Set(updates.map((u) => u.customerId))]);
    // Fields in the order the update sent them.
    for (const [i, result] of results.entries()) {
      const order = Object.keys(updates[i]!.fields);
      result.applied.sort((a, b) => order.indexOf(a) - order.indexOf(b));
    }
    return results;
  }

  private treatment(
    field: string,
    declared: readonly FieldDefinition[],
    personal: ProfileUpdate['personal'],
  ): 'hash' | 'drop' | 'keep' {
    const chosen = personal?.[field];
    if (chosen) return chosen;
    return declared.find((f) => f.name === field)?.personal ? 'hash' : 'keep';
  }

  private stored(value: unknown, treatment: 'hash' | 'keep'): StoredValue {
    if (treatment === 'keep') return { value, treatment: 'clear' };
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return {
      value: createHmac('sha256', personalDataSalt(this.config)).update(text).digest('hex'),
      treatment: 'hashed',
    };
  }

  /** The stored profile as decisions read it (cached; see ProfileCache). */
  forDecision(customerId: string): Promise<StoredProfile> {
    return this.cache.get(customerId);
  }

  forDecisions(customerIds: readonly string[]): Promise<Map<string, StoredProfile>> {
    return this.cache.getMany(customerIds);
  }

  /** One customer's profile for the studio: personal values only for admins, pseudonyms never. */
  async view(actor: Actor, customerId: string): Promise<{ customerId: string; fields: ProfileFieldView[] }> {
    const [rows, schema] = await Promise.all([
      this.profiles.ofCustomers([customerId]),
      this.customerSchema.dataSchema(),
    ]);
    const personal = new Set((schema.customer ?? []).filter((f) => f.personal).map((f) => f.name));
    const mayReadPersonal = actor.roles.includes(Role.admin);
    const now = Date.now();
    return {
      customerId,
      fields: rows.map((r) => {
        const hashed = r.treatment === 'hashed';
        const masked = hashed || (personal.has(r.field) && !mayReadPersonal);
        return {
          name: r.field,
          value: masked ? null : r.value,
          source: r.source,
          updatedAt: r.sourceUpdatedAt,
          ageDays: Math.max(0, Math.round(((now - r.sourceUpdatedAt.getTime()) / DAY_MS) * 100) / 100),
          personal: personal.has(r.field),
          hashed,
          masked,
        };
      }),
    };
  }

  sources(): Promise<ProfileSourceRow[]> {
    return this.profiles.sources();
  }

  async declareSource(actor: Actor, name: string, description: string | null): Promise<ProfileSourceRow> {
    return this.dataSource.transaction(async (em) => {
      const before = await this.profiles.declareSource(em, name, description);
      await this.audit.append(em, actor, {
        action: 'profileSource.declare',
        entityType: 'profileSource',
        entityId: name,
        beforeHash: before ? recordHash({ name, description: before.description }) : null,
        afterHash: recordHash({ name, description }),
      });
      return (await this.profiles.sources(em)).find((s) => s.name === name)!;
    });
  }

  /** Per source: each field it supplies, for how many of the profiled customers, and how fresh. */
  async quality() {
    const now = new Date();
    const [customers, fields, sources] = await Promise.all([
      this.profiles.customerCount(),
      this.profiles.quality(now, STALE_DAYS),
      this.profiles.sources(),
    ]);
    return {
      customers,
      staleAfterDays: STALE_DAYS,
      sources: sources.map((s) => {
        const own = fields.filter((f) => f.source === s.name);
        return {
          source: s.name,
          description: s.description,
          fields: own.map((f) => ({ ...f, completeness: customers ? f.customers / customers : 0 })),
        };
      }),
    };
  }
}

function ignoredBy(field: string, newer: Pick<ProfileFieldRow, 'source' | 'sourceUpdatedAt'>): IgnoredField {
  return {
    field,
    reason: `older than the stored value (source "${newer.source}", updated ${newer.sourceUpdatedAt.toISOString()}): last writer wins by the source's time`,
    storedSource: newer.source,
    storedUpdatedAt: newer.sourceUpdatedAt.toISOString(),
  };
}
