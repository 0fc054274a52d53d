import type {
  AuditFacetsQuery,
  AuditFilterInput,
  AuditLogQuery,
  VerifyAuditChainQuery,
} from '../api/generated/graphql';
import { toCsv } from '../shared/csv';

export type AuditEntry = AuditLogQuery['auditLog']['edges'][number]['node'];
export type ChainVerification = VerifyAuditChainQuery['verifyAuditChain'];
export type AuditFacets = AuditFacetsQuery['auditFacets'];

export interface AuditFilterForm {
  entityType: string;
  action: string;
  actorId: string;
  entityId: string;
  /** yyyy-mm-dd, inclusive */
  from: string;
  /** yyyy-mm-dd, inclusive */
  to: string;
}

export const EMPTY_FILTER: AuditFilterForm = {
  entityType: '',
  action: '',
  actorId: '',
  entityId: '',
  from: '',
  to: '',
};

/** The form as the API's filter: blanks left out, dates as whole days (to is inclusive). */
export function toAuditFilter(form: AuditFilterForm): AuditFilterInput {
  const filter: AuditFilterInput = {};
  if (form.entityType.trim()) filter.entityType = form.entityType.trim();
  if (form.action.trim()) filter.action = form.action.trim();
  if (form.actorId.trim()) filter.actorId = form.actorId.trim();
  if (form.entityId.trim()) filter.entityId = form.entityId.trim();
  if (form.from) filter.from = new Date(`${form.from}T00:00:00.000Z`).toISOString();
  if (form.to) {
    const end = new Date(`${form.to}T00:00:00.000Z`);
    end.setUTCDate(end.getUTCDate() + 1);
    filter.to = end.toISOString();
  }
  return filter;
}

/** Why the filter cannot be sent, if it cannot. */
export function filterProblem(form: AuditFilterForm): string | undefined {
  if (form.from && form.to && form.from > form.to) return 'The start date is after the end date.';
  return undefined;
}

/** "Chain verified ✓" or the first broken link, in words. */
export function chainStatus(v: ChainVerification): { ok: boolean; text: string } {
  if (v.valid)
    return {
      ok: true,
      text: `Chain verified ✓ (${v.checkedEntries} entr${v.checkedEntries === 1 ? 'y' : 'ies'}${v.headHash ? `, head #${v.headHash.slice(0, 12)}` : ''})`,
    };
  const where = v.firstBrokenSeq != null ? `at entry ${v.firstBrokenSeq}` : 'somewhere in the log';
  return {
    ok: false,
    text: `Chain broken ${where}${v.reason ? `: ${v.reason}` : ''}. Entries from there on cannot be trusted.`,
  };
}

/** "version.approve" → "version approve"; keeps unknown actions readable. */
export function actionWords(action: string): string {
  return action.replace(/[._]/g, ' ');
}

/** Saves of one draft by one person with no more than this between them are one editing session. */
export const EDITING_SESSION_GAP_MS = 30 * 60_000;
const AUTOSAVE = 'version.save';

/** A row of the log as shown: one entry, or a person's autosaves of one draft folded together. */
export interface AuditRow {
  entry: AuditEntry;
  /** Folded autosaves: how many, and the oldest one's time (`entry` is the newest). */
  saves?: { count: number; firstAt: string };
}

/**
 * Folds autosaves into one row per editing session: consecutive `version.save` entries (newest
 * first) of the same person on the same version, each within EDITING_SESSION_GAP_MS of the next.
 * Every other entry stays a row of its own.
 */
export function foldEditingSessions(entries: readonly AuditEntry[]): AuditRow[] {
  const rows: AuditRow[] = [];
  for (const entry of entries) {
    const last = rows[rows.length - 1];
    const previous = last?.saves ? last.saves.firstAt : last?.entry.occurredAt;
    if (
      last &&
      entry.action === AUTOSAVE &&
      last.entry.action === AUTOSAVE &&
      last.entry.actorId === entry.actorId &&
      last.entry.entityId === entry.entityId &&
      Date.parse(previous!) - Date.parse(entry.occurredAt) <= EDITING_SESSION_GAP_MS
    ) {
      last.saves = { count: (last.saves?.count ?? 1) + 1, firstAt: entry.occurredAt };
    } else {
      rows.push({ entry });
    }
  }
  return rows;
}

/** The log as a CSV file: one line per entry (nothing folded), ids and names, every hash. */
export function auditCsv(entries: readonly AuditEntry[], actorName: (entry: AuditEntry) => string): string {
  return toCsv([
    [
      'seq',
      'occurred_at',
      'actor',
      'actor_id',
      'action',
      'entity_type',
      'entity_id',
      'entity',
      'comment',
      'before_hash',
      'after_hash',
      'hash',
    ],
    ...entries.map((e) => [
      e.seq,
      e.occurredAt,
      actorName(e),
      e.actorId ?? '',
      e.action,
      e.entityType,
      e.entityId ?? '',
      e.entityName ?? '',
      e.comment ?? '',
      e.beforeHash ?? '',
      e.afterHash ?? '',
      e.hash,
    ]),
  ]);
}
