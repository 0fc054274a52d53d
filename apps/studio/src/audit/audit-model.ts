import type { AuditFilterInput, AuditLogQuery, VerifyAuditChainQuery } from '../api/generated/graphql';

export type AuditEntry = AuditLogQuery['auditLog']['edges'][number]['node'];
export type ChainVerification = VerifyAuditChainQuery['verifyAuditChain'];

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

export const EMPTY_FILTER: AuditFilterForm = { entityType: '', action: '', actorId: '', entityId: '', from: '', to: '' };

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
  if (form.actorId.trim() && !/^[0-9a-f-]{36}$/i.test(form.actorId.trim())) return 'The actor must be a user id (a UUID).';
  return undefined;
}

/** "Chain verified ✓" or the first broken link, in words. */
export function chainStatus(v: ChainVerification): { ok: boolean; text: string } {
  if (v.valid) return { ok: true, text: `Chain verified ✓ (${v.checkedEntries} entr${v.checkedEntries === 1 ? 'y' : 'ies'}${v.headHash ? `, head #${v.headHash.slice(0, 12)}` : ''})` };
  const where = v.firstBrokenSeq != null ? `at entry ${v.firstBrokenSeq}` : 'somewhere in the log';
  return { ok: false, text: `Chain broken ${where}${v.reason ? `: ${v.reason}` : ''}. Entries from there on cannot be trusted.` };
}

/** "version.approve" → "version approve"; keeps unknown actions readable. */
export function actionWords(action: string): string {
  return action.replace(/[._]/g, ' ');
}
