import { useId } from 'react';
import { ChipsField, SelectField, TextField } from '../shared/labelled-fields';
import { Field, Select, type Choice, TableHead } from '../shared/ui';
import { MappingColumnRow } from './MappingColumnRow';
import {
  NO_CUSTOMER_ID,
  roleOf,
  type CatalogChoice,
  type ColumnChoice,
  type Inspection,
  type MappingForm as Form,
  type MappingProblem,
  type SchemaField,
} from './mapping-model';

const DELIMITER_WORDS: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/** The column mapping of an upload; `problems` are shown at their controls. */
export function MappingForm({
  inspection,
  schema,
  form,
  onChange,
  problems,
  warnings,
  catalog,
}: {
  inspection: Inspection;
  /** The catalog's actions, for a dataset where every row was offered the same one. */
  catalog: readonly CatalogChoice[];
  /** The declared customer fields a column may become. */
  schema: readonly SchemaField[];
  form: Form;
  onChange(form: Form): void;
  problems: readonly MappingProblem[];
  warnings: readonly MappingProblem[];
}) {
  const ids = useId();
  const at = (where: string) => problems.filter((p) => p.where === where).map((p) => p.message);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => onChange({ ...form, [key]: value });
  const updateColumn = (column: string, update: (c: ColumnChoice) => ColumnChoice) =>
    set(
      'columns',
      form.columns.map((c) => (c.column === column ? update(c) : c)),
    );
  const columnChoices: Choice<string>[] = inspection.header.map((c) => ({ value: c, label: c }));
  const optional = (none: string): Choice<string>[] => [{ value: '', label: none }, ...columnChoices];
  const { format } = inspection;

  return (
    <div className="mapping-form">
      <section className="mapping-section">
        <h2>The file</h2>
        <p className="muted small">
          {format.kind === 'csv'
            ? `CSV, ${DELIMITER_WORDS[format.delimiter ?? ','] ?? format.delimiter}-separated`
            : 'JSON lines'}
          , {format.encoding} · {inspection.header.length} columns · types suggested from the first{' '}
          {inspection.sampledRows.toLocaleString('en-US')} rows
        </p>
        {[...format.notes, ...inspection.notes].map((note) => (
          <p key={note} className="callout callout-warning">
            {note}
          </p>
        ))}
        <div className="mapping-grid">
          <TextField
            id={`${ids}-name`}
            label="Dataset name"
            errors={at('name')}
            value={form.name}
            onChange={(v) => set('name', v)}
          />
          <SelectField
            id={`${ids}-id`}
            label="Customer id column"
            errors={at('customerId')}
            hint="Tells the customers apart; required in every row."
            value={form.customerId}
            options={[
              { value: NO_CUSTOMER_ID, label: 'No customer id column (rows are numbered)' },
              ...columnChoices,
            ]}
            onChange={(v) => set('customerId', v)}
          />
        </div>
      </section>

      <section className="mapping-section">
        <h2>Logged decisions (optional)</h2>
        <p className="muted small">
          The action the current policy chose, the customer&apos;s response and the probability it was chosen
          with let simulations estimate off-policy how another strategy would have performed (inverse
          propensity and doubly robust estimates). Without them, a simulation only counts what a strategy
          would decide.
        </p>
        <div className="mapping-grid">
          <ChipsField
            label="Logged action column(s)"
            errors={at('loggedAction')}
            hint="Several columns are joined with | into one action id, e.g. coupon|expiration."
            values={form.loggedAction}
            suggestions={inspection.header}
            onChange={(v) => set('loggedAction', v)}
          />
          <SelectField
            id={`${ids}-offered`}
            label="Every row was offered (single-offer campaign)"
            inputLabel="Every row was offered"
            errors={at('offeredAction')}
            hint="One campaign with one offer and no action column: the action every customer was offered."
            value={form.offeredAction}
            options={[
              { value: '', label: 'No single offer (the action is in a column)' },
              ...catalog.map((a) => ({ value: a.id, label: a.name })),
              // A choice no longer in the catalog stays visible, so its problem can be read and fixed.
              ...(form.offeredAction && !catalog.some((a) => a.id === form.offeredAction)
                ? [{ value: form.offeredAction, label: form.offeredAction }]
                : []),
            ]}
            onChange={(v) => set('offeredAction', v)}
          />
          <Field label="Outcome column" htmlFor={`${ids}-outcome`} errors={at('outcome')}>
            <div className="mapping-pair">
              <Select
                id={`${ids}-outcome`}
                label="Outcome column"
                value={form.outcome}
                options={optional('No outcome column')}
                onChange={(v) => set('outcome', v)}
                invalid={at('outcome').length > 0}
              />
              <Select
                label="Outcome kind"
                value={form.outcomeKind}
                options={[
                  { value: 'binary', label: 'accepted / declined (1/0, yes/no)' },
                  { value: 'reward', label: 'a reward (any number)' },
                ]}
                onChange={(v) => set('outcomeKind', v)}
              />
            </div>
          </Field>
          <SelectField
            id={`${ids}-propensity`}
            label="Logging propensity column"
            errors={at('loggingPropensity')}
            hint="Probability in (0, 1] with which the logged action was chosen."
            value={form.loggingPropensity}
            options={optional('No propensity column')}
            onChange={(v) => set('loggingPropensity', v)}
          />
          <ChipsField
            label="Segment columns"
            errors={at('segmentColumns')}
            hint="Simulation results are broken down by these."
            values={form.segmentColumns}
            suggestions={inspection.header}
            onChange={(v) => set('segmentColumns', v)}
          />
        </div>
      </section>

      <section className="mapping-section">
        <h2>Columns</h2>
        <p className="muted small">
          Each column becomes the customer field of its name, or a declared field of another name that you
          choose, typed as declared in the customer schema or as suggested from the sample. Ignored columns
          are not imported. Personal columns are hashed (equal values still match) or dropped at import and
          never shown in the report; a field declared personal may be kept in clear when strategies compare
          its value.
        </p>
        {at('columns').map((m) => (
          <p key={m} className="callout callout-error" role="alert">
            {m}
          </p>
        ))}
        <table className="ds-table mapping-table">
          <TableHead columns={['Column', 'Type in the file', 'Becomes', 'Personal data']} />
          <tbody>
            {form.columns.map((c) => (
              <MappingColumnRow
                key={c.column}
                choice={c}
                role={roleOf(form, c.column)}
                schema={schema}
                errors={at(`column:${c.column}`)}
                notes={warnings.filter((w) => w.where === `column:${c.column}`).map((w) => w.message)}
                onChange={(update) => updateColumn(c.column, update)}
              />
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
