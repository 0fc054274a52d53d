import { formatDate } from '../shared/format-date';
import { usePeople } from '../shared/people';
import { actionWords, foldEditingSessions, type AuditEntry } from './audit-model';
import { TableHead } from '../shared/ui';

/** The entries, newest first; a person's autosaves of one draft show as one editing session. */
export function AuditTable({ entries, untrustedFrom }: { entries: AuditEntry[]; untrustedFrom?: number }) {
  // Names only for actors without an email on the entry.
  const actors = usePeople(entries.filter((e) => !e.actorEmail).map((e) => e.actorId));
  return (
    <table className="data-table audit-table">
      <TableHead columns={['#', 'When', 'Who', 'What', 'On', 'Comment', 'Hash']} />
      <tbody>
        {foldEditingSessions(entries).map(({ entry: e, saves }) => (
          <tr
            key={e.seq}
            className={
              untrustedFrom !== undefined && Number(e.seq) >= untrustedFrom ? 'audit-untrusted' : undefined
            }
          >
            <td>{e.seq}</td>
            <td>
              {saves
                ? `${formatDate(saves.firstAt)} – ${formatDate(e.occurredAt)}`
                : formatDate(e.occurredAt)}
            </td>
            <td>{e.actorEmail ?? (e.actorId ? actors[e.actorId] : 'system')}</td>
            <td>{saves ? `edited (${saves.count} saves in one session)` : actionWords(e.action)}</td>
            <td title={e.entityId ? `${e.entityType} ${e.entityId}` : e.entityType}>
              {/* The name people read; the id stays for reference and for the entity filter. */}
              {e.entityName ?? e.entityType}
              {e.entityId && (
                <span className="muted small mono audit-entity-id"> {e.entityId.slice(0, 12)}</span>
              )}
            </td>
            <td>{e.comment}</td>
            <td
              className="mono small"
              title={`before ${e.beforeHash ?? '—'} · after ${e.afterHash ?? '—'} · entry ${e.hash}`}
            >
              {e.hash.slice(0, 10)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
