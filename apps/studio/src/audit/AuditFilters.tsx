import type { FormEvent } from 'react';
import { Button } from '../shared/ui';
import { usePeople } from '../shared/people';
import {
  actionWords,
  EMPTY_FILTER,
  filterProblem,
  type AuditFacets,
  type AuditFilterForm,
} from './audit-model';

/** The audit log's filters: entity type, action and actor chosen from what the log holds, an id, days. */
export function AuditFilters({
  form,
  facets,
  busy,
  onChange,
  onApply,
  onClear,
}: {
  form: AuditFilterForm;
  facets?: AuditFacets;
  busy: boolean;
  onChange(form: AuditFilterForm): void;
  onApply(): void;
  onClear(): void;
}) {
  const actors = usePeople(facets?.actorIds ?? []);
  const problem = filterProblem(form);
  const set = (key: keyof AuditFilterForm) => (e: { target: { value: string } }) =>
    onChange({ ...form, [key]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!problem) onApply();
  };
  const byName = Object.entries(actors).sort(([, a], [, b]) => a.localeCompare(b));
  return (
    <>
      <form className="audit-filters" onSubmit={submit} aria-label="Filter the audit log">
        <label className="field-label">
          Entity
          <select value={form.entityType} onChange={set('entityType')}>
            <option value="">any</option>
            {facets?.entityTypes.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label className="field-label">
          Entity id
          <input value={form.entityId} onChange={set('entityId')} placeholder="any" />
        </label>
        <label className="field-label">
          Action
          <select value={form.action} onChange={set('action')}>
            <option value="">any</option>
            {facets?.actions.map((a) => (
              <option key={a} value={a}>
                {actionWords(a)}
              </option>
            ))}
          </select>
        </label>
        <label className="field-label">
          Who
          <select value={form.actorId} onChange={set('actorId')}>
            <option value="">anyone</option>
            {byName.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label className="field-label">
          From
          <input type="date" value={form.from} onChange={set('from')} />
        </label>
        <label className="field-label">
          To
          <input type="date" value={form.to} onChange={set('to')} />
        </label>
        <Button variant="primary" type="submit" disabled={!!problem || busy} title={problem}>
          Apply filters
        </Button>
        <Button onClick={onClear} disabled={JSON.stringify(form) === JSON.stringify(EMPTY_FILTER) && !busy}>
          Clear
        </Button>
      </form>
      {problem && (
        <p className="callout callout-warning" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
