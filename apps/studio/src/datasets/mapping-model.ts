/**
 * The column mapping of an upload: suggested from the inspection of the file's start and the
 * declared customer schema, checked before sending, and turned into the `X-Dataset-Mapping` header.
 * A column becomes the customer field of its own name (made an identifier, e.g. `user-item affinity`
 * → `user_item_affinity`), a declared field or a name the analyst types (sent as `fieldNames`), or
 * is ignored.
 */
import { FIELD_NAME } from '@arbiter/engine';
import { fieldNameFor } from '@arbiter/datasets/field-name';
import type { DatasetCustomerSchemaQuery, FieldType } from '../api/generated/graphql';

export type { FieldType };

/** What `POST /api/v1/datasets/inspect` answers (libs/datasets DatasetInspection). */
export interface Inspection {
  format: { kind: 'csv' | 'jsonl'; encoding: string; delimiter?: string; notes: string[] };
  header: string[];
  columns: { column: string; field: { name: string; type: FieldType; label?: string }; sampled: number }[];
  sampledRows: number;
  bytesRead: number;
  notes: string[];
}

/** A declared customer field (`dataSchema.customer`). */
export type SchemaField = DatasetCustomerSchemaQuery['dataSchema']['customer'][number];

/** `keep`: in clear — for a field declared personal, an explicit choice sent to the API (its default is hash). */
export type Personal = 'keep' | 'hash' | 'drop';
/** The file has no customer id column: rows are told apart by their line. */
export const NO_CUSTOMER_ID = '(none)';

export interface ColumnChoice {
  column: string;
  /** The customer field the column becomes: its own name's identifier form, or a declared field. */
  field: string;
  inferredType: FieldType;
  /** The declared field of that name, when the schema has one. */
  declared?: SchemaField;
  /** The analyst names the field (neither the column's own name nor a declared field from the list). */
  named?: boolean;
  imported: boolean;
  personal: Personal;
  /**
   * A declared field has the column's name but another type (a numeric `age` column and the text age
   * band `age`): nothing is chosen for the analyst, who maps it onto that field or a new one.
   */
  clash?: SchemaField;
}

export interface MappingForm {
  name: string;
  /** A column, NO_CUSTOMER_ID, or '' when not chosen yet. */
  customerId: string;
  columns: ColumnChoice[];
  loggedAction: string[];
  /** The catalog action every row was offered (one campaign, one offer), or '' when a column holds the logged action. */
  offeredAction: string;
  outcome: string;
  outcomeKind: 'binary' | 'reward';
  loggingPropensity: string;
  segmentColumns: string[];
}

/** An action of the catalog, as the mapping offers it for a single-offer dataset. */
export interface CatalogChoice {
  id: string;
  name: string;
}

/** A problem with the form: `where` names the form control it belongs to. */
export interface MappingProblem {
  where: string;
  message: string;
}

/** The header's JSON (apps/api DatasetsService mappingSchema). */
export interface UploadMapping {
  customerId?: string;
  fields: string[];
  loggedAction?: string | string[];
  offeredAction?: string;
  outcome?: string;
  outcomeKind?: 'reward';
  loggingPropensity?: string;
  segmentColumns?: string[];
  fieldNames?: Record<string, string>;
  personal?: Record<string, Personal>;
}

/** The import's own rule (libs/datasets): customer field names are identifiers. */
export { fieldNameFor };

const ROLE_PATTERNS = {
  customerId: /^((customer|client|user)([_ -]?(id|no|number))?|id)$/i,
  loggedAction: /^(action|action[_ -]?id|offer|offer[_ -]?id|item[_ -]?id|coupon)$/i,
  outcome: /^(y|outcome|accepted|converted|clicked|click|response|reward)$/i,
  loggingPropensity: /propensity/i,
};

export function suggestMapping(
  inspection: Inspection,
  schema: readonly SchemaField[],
  fileName: string,
): MappingForm {
  const header = inspection.header;
  const find = (pattern: RegExp) => header.find((c) => pattern.test(c)) ?? '';
  const customerId = find(ROLE_PATTERNS.customerId);
  const action = find(ROLE_PATTERNS.loggedAction);
  const outcome = find(ROLE_PATTERNS.outcome);
  const loggingPropensity = find(ROLE_PATTERNS.loggingPropensity);
  const roles = new Set([customerId, action, outcome, loggingPropensity].filter(Boolean));
  const columns = header.map((column): ColumnChoice => {
    const inferredType = inspection.columns.find((c) => c.column === column)?.field.type ?? 'string';
    const own = fieldNameFor(column);
    const byName = schema.filter((f) => f.name === column || f.name === own);
    const named = byName.length ? byName : schema.filter((f) => looseName(f.name) === looseName(column));
    // By name and type: a declared field of the column's name whose type disagrees is asked about.
    const declared = named.find((f) => f.type === inferredType);
    const clash = declared ? undefined : named[0];
    return {
      column,
      field: declared?.name ?? (clash ? clash.name : own),
      inferredType,
      ...(declared && { declared }),
      ...(clash && { clash }),
      imported: !roles.has(column),
      personal: declared?.personal ? 'hash' : 'keep',
    };
  });
  return {
    name: fileName.replace(/\.(csv|jsonl|ndjson|json|txt)$/i, '').trim() || 'Dataset',
    customerId,
    columns,
    loggedAction: action ? [action] : [],
    offeredAction: '',
    outcome,
    outcomeKind: 'binary',
    loggingPropensity,
    segmentColumns: [],
  };
}

/** `Age`, `AGE` and `a_g_e` are suggested as the declared field `age`: case and separators aside. */
const looseName = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The customer fields a column may become: its own name, then each declared field of another name. */
export function fieldChoices(column: string, schema: readonly SchemaField[]): string[] {
  const own = fieldNameFor(column);
  return [own, ...schema.map((f) => f.name).filter((name) => name !== own)];
}

/**
 * The column now becomes `field`, typed (and flagged personal) as the schema declares it;
 * `named`: a name the analyst types rather than one from the list.
 */
export function chooseField(
  choice: ColumnChoice,
  field: string,
  schema: readonly SchemaField[],
  named = false,
): ColumnChoice {
  const declared = schema.find((f) => f.name === field);
  const { declared: _previous, named: _named, clash: _clash, ...rest } = choice;
  return {
    ...rest,
    field,
    imported: true,
    ...(declared && { declared }),
    ...(named && { named }),
    personal: declared?.personal && choice.personal === 'keep' ? 'hash' : choice.personal,
  };
}

/** The name suggested for a new field when the column's own name is a declared field of another type. */
export const newFieldName = (choice: ColumnChoice): string =>
  `${fieldNameFor(choice.column)}_${choice.inferredType}`;

const TYPE_NAMES: Record<FieldType, string> = {
  string: 'text',
  number: 'numbers',
  boolean: 'yes/no values',
  date: 'dates',
  list: 'lists',
};

/** The column's job besides being a field, for the mapping table. */
export function roleOf(form: MappingForm, column: string): string | undefined {
  if (form.customerId === column) return 'customer id';
  if (form.loggedAction.includes(column)) return 'logged action';
  if (form.outcome === column) return 'outcome';
  if (form.loggingPropensity === column) return 'logging propensity';
  return undefined;
}

/** The columns imported as customer fields (not ignored, and without a role such as the customer id). */
function fieldColumns(form: MappingForm): ColumnChoice[] {
  return form.columns.filter((c) => c.imported && !roleOf(form, c.column));
}

/** Everything that would make the upload fail or mean something else than intended. */
export function mappingProblems(form: MappingForm, catalog?: readonly CatalogChoice[]): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const columns = new Set(form.columns.map((c) => c.column));
  const add = (where: string, message: string) => problems.push({ where, message });
  const name = form.name.trim();
  if (!name) add('name', 'Give the dataset a name.');
  else if (name.length > 200) add('name', 'The name must be at most 200 characters.');

  if (!form.customerId) add('customerId', 'Choose the customer id column, or say the file has none.');
  const roles: [string, string, string][] = [
    ['customerId', 'the customer id', form.customerId === NO_CUSTOMER_ID ? '' : form.customerId],
    ['outcome', 'the outcome', form.outcome],
    ['loggingPropensity', 'the logging propensity', form.loggingPropensity],
    ...form.loggedAction.map((c): [string, string, string] => ['loggedAction', 'the logged action', c]),
  ];
  const seen = new Map<string, string>();
  for (const [where, label, column] of roles) {
    if (!column) continue;
    if (!columns.has(column)) add(where, `"${column}" is not a column of this file.`);
    const other = seen.get(column);
    if (other && other !== label) add(where, `Column "${column}" cannot be both ${other} and ${label}.`);
    seen.set(column, label);
  }
  if (form.loggedAction.length > 5) add('loggedAction', 'The logged action is made of at most 5 columns.');
  if (form.offeredAction) {
    if (form.loggedAction.length > 0)
      add(
        'offeredAction',
        'Either a column holds the logged action or every row was offered one action: clear one of them.',
      );
    else if (!form.outcome) add('outcome', 'Choose the outcome column: what customers did with the offer.');
    if (catalog && !catalog.some((a) => a.id === form.offeredAction))
      add('offeredAction', `"${form.offeredAction}" is not an action of the catalog.`);
  } else if ((form.outcome || form.loggingPropensity) && form.loggedAction.length === 0)
    add(
      'loggedAction',
      'Choose the logged action column, or the one action every row was offered: the outcome and propensity describe that action.',
    );
  for (const c of form.segmentColumns)
    if (!columns.has(c)) add('segmentColumns', `"${c}" is not a column of this file.`);
  if (form.segmentColumns.length > 20) add('segmentColumns', 'At most 20 segment columns.');

  const byField = new Map<string, string>();
  const fields = fieldColumns(form);
  for (const c of fields) {
    if (c.clash) {
      add(
        `column:${c.column}`,
        `customer.${c.clash.name} is declared as ${TYPE_NAMES[c.clash.type]}, but this column holds ${TYPE_NAMES[c.inferredType]}: choose what it becomes.`,
      );
      continue;
    }
    if (!FIELD_NAME.test(c.field)) {
      add(
        `column:${c.column}`,
        c.field
          ? `"${c.field}" cannot be a field name: use letters, digits and _, not starting with a digit.`
          : `Name the customer field "${c.column}" becomes.`,
      );
      continue;
    }
    const first = byField.get(c.field);
    if (first)
      add(
        `column:${c.column}`,
        `customer.${c.field} is mapped twice, from "${first}" and "${c.column}": ignore one of them.`,
      );
    else byField.set(c.field, c.column);
  }
  for (const c of form.columns) {
    if (c.personal !== 'drop') continue;
    const role = roleOf(form, c.column);
    if (role) add(`column:${c.column}`, `"${c.column}" is the ${role}: hash it rather than drop it.`);
  }
  if (!fields.some((c) => c.personal !== 'drop'))
    add('columns', 'Import at least one column as a customer field.');
  return problems;
}

/**
 * Declared fields whose type the sample contradicts (rows that do not fit will be rejected; hashed
 * columns become text), and hashed fields, which strategies can only test for equality with a hash.
 */
export function mappingWarnings(form: MappingForm): MappingProblem[] {
  const fields = fieldColumns(form);
  return [
    ...fields
      .filter((c) => c.declared && c.declared.type !== c.inferredType && c.personal === 'keep')
      .map((c) => ({
        where: `column:${c.column}`,
        message: `customer.${c.field} is declared ${c.declared!.type}, but the first rows look like ${c.inferredType}: rows whose value is not a ${c.declared!.type} will be rejected.`,
      })),
    ...fields
      .filter((c) => c.personal === 'hash')
      .map((c) => ({
        where: `column:${c.column}`,
        message: `Hashed, customer.${c.field} no longer compares with values (such as ≥ 18 or = "gold"): keep it in clear if your strategies read it.`,
      })),
  ];
}

/** The `X-Dataset-Mapping` header's object (call only on a form without problems). */
export function uploadMapping(form: MappingForm): UploadMapping {
  const fields = fieldColumns(form);
  const personal: Record<string, Personal> = {};
  for (const c of form.columns)
    if (c.personal !== 'keep' || (c.declared?.personal && fields.includes(c)))
      personal[c.column] = c.personal;
  const action = form.loggedAction;
  const renamed = fields.filter((c) => c.field !== fieldNameFor(c.column));
  return {
    ...(form.customerId && form.customerId !== NO_CUSTOMER_ID && { customerId: form.customerId }),
    fields: fields.map((c) => c.column),
    ...(action.length > 0 && { loggedAction: action.length === 1 ? action[0]! : [...action] }),
    ...(form.offeredAction && { offeredAction: form.offeredAction }),
    ...(form.outcome && { outcome: form.outcome }),
    ...(form.outcome && form.outcomeKind === 'reward' && { outcomeKind: 'reward' as const }),
    ...(form.loggingPropensity && { loggingPropensity: form.loggingPropensity }),
    ...(form.segmentColumns.length > 0 && { segmentColumns: [...form.segmentColumns] }),
    ...(renamed.length > 0 && { fieldNames: Object.fromEntries(renamed.map((c) => [c.column, c.field])) }),
    ...(Object.keys(personal).length > 0 && { personal }),
  };
}

/** The header's value: JSON with non-ASCII characters escaped (HTTP header values are Latin-1). */
export function mappingHeader(mapping: UploadMapping): string {
  return JSON.stringify(mapping).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
