import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
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
import { updateCheck, updateProblems, type ProfileUpdate } from './profile-input';
import {
  ProfilesRepository,
  type FieldMeta,
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
    const clean = updateCheck(declared, names, now);
    const problems = updates.flatMap((u, i) =>
      clean(u) ? [] : updateProblems(u, declared, names, now, itemPrefix(i)),
    );
    if (problems.length) throw validationFailed(problems);

    const hashedByDefault = new Set(declared.filter((f) => f.personal).map((f) => f.name));
    const treatment = (update: ProfileUpdate, field: string): 'hash' | 'drop' | 'keep' =>
      update.personal?.[field] ?? (hashedByDefault.has(field) ? 'hash' : 'keep');
    // Most calls name each customer once and store every value as sent: their items are the writes.
    const plain =
      new Set(updates.map((u) => u.customerId)).size === updates.length &&
      updates.every((u) => Object.keys(u.fields).every((f) => treatment(u, f) === 'keep'));
    const results = updates.map((u) => ({
      customerId: u.customerId,
      applied: [] as string[],
      ignored: [] as IgnoredField[],
      dropped: [] as string[],
    }));
    const writes = plain
      ? plainWrites(updates, now)
      : mergedWrites(updates, now, results, (update, field, value) => {
          const chosen = treatment(update, field);
          return chosen === 'drop' ? 'drop' : this.stored(value, chosen);
        });

    // Merged in one statement; the values refused there are older than the stored ones.
    const refusedOf = new Map<string, Map<string, FieldMeta>>();
    for (const r of await this.profiles.upsert(writes.filter((w) => w.size > 0))) {
      let fields = refusedOf.get(r.customerId);
      if (!fields) refusedOf.set(r.customerId, (fields = new Map()));
      fields.set(r.field, r.stored);
    }
    const byCustomer = new Map(writes.map((w) => [w.customerId, w]));
    for (const [customerId, fields] of refusedOf) {
      const write = byCustomer.get(customerId)!;
      for (const field of Object.keys(write.fields)) {
        const stored = fields.get(field);
        if (stored) results[write.itemOf(field)]!.ignored.push(ignoredBy(field, stored.s, stored.t));
      }
    }
    // Applied: the fields an item sent that were written from it, in the order it sent them.
    for (const [i, update] of updates.entries()) {
      const write = byCustomer.get(update.customerId)!;
      const refusedHere = refusedOf.get(update.customerId);
      const applied = results[i]!.applied;
      for (const field of Object.keys(update.fields))
        if (write.itemOf(field) === i && !refusedHere?.has(field)) applied.push(field);
    }
    this.events.changed([...byCustomer.keys()]);
    return results;
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

/** A customer's values to write, and for each field the item of the call that sent it. */
type PendingWrite = ProfileWrite & { size: number; itemOf(field: string): number };

/** One write per item, its values as sent, all with the item's source and time. */
function plainWrites(updates: readonly ProfileUpdate[], now: number): PendingWrite[] {
  return updates.map((update, i) => ({
    customerId: update.customerId,
    fields: update.fields,
    every: { s: update.source, t: update.updatedAt ? Date.parse(update.updatedAt) : now },
    size: Object.keys(update.fields).length,
    itemOf: () => i,
  }));
}

/**
 * One write per customer, per field the value `store` makes of it (a pseudonym, or none: dropped)
 * and where it came from: within a call, too, the newer source time wins (ties: the later item);
 * the values that lose are reported in `results`. Field names are keys of objects without a
 * prototype (any declared name is safe).
 */
function mergedWrites(
  updates: readonly ProfileUpdate[],
  now: number,
  results: UpsertResult[],
  store: (update: ProfileUpdate, field: string, value: unknown) => StoredValue | 'drop',
): PendingWrite[] {
  const writes = new Map<string, PendingWrite & { meta: Record<string, FieldMeta> }>();
  const items = new Map<string, Record<string, number>>();
  for (const [i, update] of updates.entries()) {
    const result = results[i]!;
    const t = update.updatedAt ? Date.parse(update.updatedAt) : now;
    const clear: FieldMeta = { s: update.source, t };
    const hashed: FieldMeta = { s: update.source, t, h: 1 };
    let write = writes.get(update.customerId);
    let item = items.get(update.customerId)!;
    if (!write) {
      const itemOfField = (item = Object.create(null) as Record<string, number>);
      write = {
        customerId: update.customerId,
        fields: Object.create(null) as Record<string, unknown>,
        meta: Object.create(null) as Record<string, FieldMeta>,
        size: 0,
        itemOf: (field) => itemOfField[field] ?? -1,
      };
      writes.set(update.customerId, write);
      items.set(update.customerId, item);
    }
    for (const field of Object.keys(update.fields)) {
      const stored = store(update, field, update.fields[field]);
      if (stored === 'drop') {
        result.dropped.push(field);
        continue;
      }
      const earlier = write.meta[field];
      if (earlier === undefined) write.size += 1;
      else if (earlier.t > t) {
        result.ignored.push(ignoredBy(field, earlier.s, earlier.t));
        continue;
      } else results[item[field]!]!.ignored.push(ignoredBy(field, update.source, t));
      write.fields[field] = stored.value;
      write.meta[field] = stored.treatment === 'hashed' ? hashed : clear;
      item[field] = i;
    }
  }
  return [...writes.values()];
}

function ignoredBy(field: string, source: string, at: number): IgnoredField {
  const time = new Date(at).toISOString();
  return {
    field,
    reason: `older than the stored value (source "${source}", updated ${time}): last writer wins by the source's time`,
    storedSource: source,
    storedUpdatedAt: time,
  };
}
