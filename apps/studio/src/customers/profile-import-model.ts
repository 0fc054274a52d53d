import { suggestMapping, type Inspection, type SchemaField } from '../datasets/mapping-model';

/** One column of the file: the declared customer field it fills, if any, and whether to import it. */
export interface ProfileColumn {
  column: string;
  /** The declared field the column fills (matched as the dataset upload matches it); none: not importable. */
  field?: string;
  personal: boolean;
  imported: boolean;
}

export interface ProfileImportForm {
  source: string;
  customerId: string;
  columns: ProfileColumn[];
}

/** The mapping `POST /api/v1/customers:import` takes in `X-Dataset-Mapping`. */
export interface ProfileImportMapping {
  customerId: string;
  fields: string[];
  fieldNames?: Record<string, string>;
}

/**
 * The id column and the declared fields as the dataset upload would suggest them; a column that
 * matches no declared field cannot be imported (profiles hold declared fields only).
 */
export function suggestProfileImport(
  inspection: Inspection,
  schema: readonly SchemaField[],
  sources: readonly string[],
): ProfileImportForm {
  const suggested = suggestMapping(inspection, schema, '');
  return {
    source: sources.length === 1 ? sources[0]! : '',
    customerId: suggested.customerId,
    columns: suggested.columns
      .filter((c) => c.column !== suggested.customerId)
      .map((c) => ({
        column: c.column,
        ...(c.declared && { field: c.declared.name }),
        personal: c.declared?.personal ?? false,
        imported: c.declared !== undefined,
      })),
  };
}

/**
 * The analyst maps a column onto a declared field (or on none: not imported), as the simulation
 * dataset mapping does; choosing a field imports the column.
 */
export function mapColumn(
  form: ProfileImportForm,
  schema: readonly SchemaField[],
  column: string,
  field: string,
): ProfileImportForm {
  const declared = schema.find((f) => f.name === field);
  return {
    ...form,
    columns: form.columns.map((c) => {
      if (c.column !== column) return c;
      const { field: _previous, ...rest } = c;
      return declared
        ? { ...rest, field: declared.name, personal: declared.personal, imported: true }
        : { ...rest, personal: false, imported: false };
    }),
  };
}

/** The id column no longer imports as a field; the former id column becomes a choice again. */
export function chooseIdColumn(
  form: ProfileImportForm,
  initial: ProfileImportForm,
  column: string,
): ProfileImportForm {
  const all = [
    ...initial.columns,
    ...(initial.customerId ? [{ column: initial.customerId, imported: false, personal: false }] : []),
  ];
  return {
    ...form,
    customerId: column,
    columns: all
      .filter((c) => c.column !== column)
      .map((c) => form.columns.find((f) => f.column === c.column) ?? c),
  };
}

export function profileImportProblems(form: ProfileImportForm): string[] {
  const problems: string[] = [];
  if (!form.source) problems.push('Choose the source the file comes from.');
  if (!form.customerId) problems.push('Choose the column that holds the customer id.');
  if (!form.columns.some((c) => c.imported)) problems.push('Choose at least one column to import.');
  const byField = new Map<string, string[]>();
  for (const c of form.columns.filter((x) => x.imported && x.field))
    byField.set(c.field!, [...(byField.get(c.field!) ?? []), c.column]);
  for (const [field, columns] of byField)
    if (columns.length > 1)
      problems.push(
        `The columns ${columns.map((c) => `"${c}"`).join(' and ')} both fill the field ${field}: import one of them.`,
      );
  return problems;
}

export function profileImportMapping(form: ProfileImportForm): ProfileImportMapping {
  const imported = form.columns.filter((c) => c.imported && c.field);
  const renamed = imported.filter((c) => c.field !== c.column);
  return {
    customerId: form.customerId,
    fields: imported.map((c) => c.column),
    ...(renamed.length > 0 && { fieldNames: Object.fromEntries(renamed.map((c) => [c.column, c.field!])) }),
  };
}
