import type { ChangeEvent, FormEvent } from 'react';
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
        <FacetSelect
          label="Entity"
          value={form.entityType}
          onChange={set('entityType')}
          any="any"
          options={(facets?.entityTypes ?? []).map((t) => [t, t])}
        />
        <label className="field-label">
          Entity id
          <input value={form.entityId} onChange={set('entityId')} placeholder="any" />
        </label>
        <FacetSelect
          label="Action"
          value={form.action}
          onChange={set('action')}
          any="any"
          options={(facets?.actions ?? []).map((a) => [a, actionWords(a)])}
        />
        <FacetSelect
          label="Who"
          value={form.actorId}
          onChange={set('actorId')}
          any="anyone"
          options={byName}
        />
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

/** A filter chosen from what the log holds (`[value, words]`), or `any` of them. */
function FacetSelect({
  label,
  value,
  onChange,
  any,
  options,
}: {
  label: string;
  value: string;
  onChange(e: ChangeEvent<HTMLSelectElement>): void;
  any: string;
  options: readonly (readonly [string, string])[];
}) {
  return (
    <label className="field-label">
      {label}
      <select value={value} onChange={onChange}>
        <option value="">{any}</option>
        {options.map(([v, words]) => (
          <option key={v} value={v}>
            {words}
          </option>
        ))}
      </select>
    </label>
  );
}
