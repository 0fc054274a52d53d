import { FIELD_NAME, type FieldDefinition } from '@arbiter/engine';
import { ColumnStats } from './column-stats';
import { DatasetError } from './dataset-error';
import { fieldNameFor } from './field-name';
import type { InferredColumn } from './infer-types';
import type { PersonalTreatment } from './privacy';
import type { ColumnMapping, ColumnRole } from './types';

/** How one imported column is read: its roles, the field definition it is typed against, its statistics. */
export interface ColumnPlan {
  column: string;
  /** Position in the header (CSV) or in the column list (JSON lines). */
  index: number;
  roles: ColumnRole[];
  /** Set when the column is a customer field: what its values are typed against. */
  field?: FieldDefinition;
  /** Position among the logged-action columns, for joining them in mapping order. */
  actionPart?: number;
  hashed: boolean;
  /** A plain customer field (the common case, typed without looking at other roles). */
  fieldOnly: boolean;
  /** Empty values reject the row (id, action, outcome, propensity). */
  required: boolean;
  stats: ColumnStats;
  /** Whether `allowedValues` came from the user's schema (and so need no suggestion). */
  declared: boolean;
}

export interface ImportPlan {
  columns: ColumnPlan[];
  outcomeKind: 'binary' | 'reward';
  fields: FieldDefinition[];
  hasLogged: boolean;
  /** The logged action of every row when the mapping names one instead of a column. */
  offeredAction?: string;
  ignored: string[];
  dropped: string[];
  warnings: string[];
}

export interface PlanOptions {
  mapping?: ColumnMapping;
  schema?: FieldDefinition[];
  personal?: Record<string, PersonalTreatment>;
}

const ROLE_NAMES: Record<ColumnRole, string> = {
  customerId: 'the customer id',
  field: 'a customer field',
  loggedAction: 'the logged action',
  outcome: 'the outcome',
  loggingPropensity: 'the logging propensity',
  segment: 'a segment column',
};

export function describeRole(role: ColumnRole): string {
  return ROLE_NAMES[role];
}

/** Checks the mapping against the file's columns and decides, per column, how it is imported. */
export function planImport(
  columns: readonly string[],
  inferred: readonly InferredColumn[],
  options: PlanOptions,
): ImportPlan {
  const mapping = options.mapping ?? {};
  const index = new Map(columns.map((c, i) => [c, i]));
  const known = (column: string, as: string): string => {
    if (!index.has(column)) {
      const list =
        columns
          .slice(0, 30)
          .map((c) => `"${c}"`)
          .join(', ') + (columns.length > 30 ? ', …' : '');
      throw new DatasetError(
        'unknown-column',
        `The column "${column}" (${as}) is not in the file. Its columns are: ${list}.`,
      );
    }
    return column;
  };

  const actions =
    mapping.loggedAction === undefined
      ? []
      : Array.isArray(mapping.loggedAction)
        ? mapping.loggedAction
        : [mapping.loggedAction];
  const roles = new Map<string, ColumnRole[]>();
  const addRole = (column: string, role: ColumnRole): void => {
    known(column, `mapped as ${ROLE_NAMES[role]}`);
    const list = roles.get(column) ?? [];
    if (!list.includes(role)) list.push(role);
    roles.set(column, list);
  };
  if (mapping.customerId !== undefined) addRole(mapping.customerId, 'customerId');
  for (const a of actions) addRole(a, 'loggedAction');
  if (mapping.outcome !== undefined) addRole(mapping.outcome, 'outcome');
  if (mapping.loggingPropensity !== undefined) addRole(mapping.loggingPropensity, 'loggingPropensity');
  const offered = mapping.offeredAction;
  if (offered !== undefined) {
    if (actions.length > 0) {
      throw new DatasetError(
        'invalid-options',
        'Map either the logged action column or the one action every row was offered, not both.',
      );
    }
    if (typeof offered !== 'string' || offered.trim() === '') {
      throw new DatasetError(
        'invalid-options',
        `The action every row was offered must be an action id, not ${JSON.stringify(offered)}.`,
      );
    }
  }
  const logged = actions.length > 0 || offered !== undefined;
  if ((mapping.outcome !== undefined || mapping.loggingPropensity !== undefined) && !logged) {
    throw new DatasetError(
      'invalid-options',
      'An outcome or logging propensity needs the logged action it belongs to: map the logged action column too, or, when every row was offered the same action (one campaign, one offer), name that action.',
    );
  }
  if (logged && mapping.outcome === undefined) {
    throw new DatasetError(
      'invalid-options',
      'A logged action needs its outcome: map the outcome column too (1/0, accepted/declined, clicked …).',
    );
  }

  const renames = new Map<string, string>();
  for (const [column, name] of Object.entries(mapping.fieldNames ?? {})) {
    known(column, `renamed to the customer field ${JSON.stringify(name)}`);
    if (typeof name !== 'string' || !FIELD_NAME.test(name)) {
      throw new DatasetError(
        'invalid-options',
        `The customer field for column "${column}" must be a name of letters, digits and _ that does not start with a digit (strategies read it as customer.<name>), not ${JSON.stringify(name)}.`,
      );
    }
    renames.set(column, name);
  }
  /** The declared field names a column may stand for, first match first: its rename, else its own name or the identifier made of it. */
  const namesOf = (column: string): string[] => {
    const renamed = renames.get(column);
    return renamed !== undefined ? [renamed] : [column, fieldNameFor(column)];
  };
  const schemaFor = (column: string): FieldDefinition | undefined => {
    for (const name of namesOf(column)) {
      const declared = options.schema?.find((f) => f.name === name);
      if (declared) return declared;
    }
    return undefined;
  };
  const personal = new Map<string, PersonalTreatment>();
  for (const [column, treatment] of Object.entries(options.personal ?? {})) {
    known(column, 'marked personal');
    if (treatment !== 'hash' && treatment !== 'drop' && treatment !== 'keep') {
      throw new DatasetError(
        'invalid-options',
        `Personal column "${column}" must be 'hash', 'drop' or 'keep', not ${JSON.stringify(treatment)}.`,
      );
    }
    personal.set(column, treatment);
  }
  for (const column of columns)
    if (!personal.has(column) && schemaFor(column)?.personal) personal.set(column, 'hash');

  const mapped = new Set(roles.keys());
  const fieldColumns = mapping.fields ?? columns.filter((c) => !mapped.has(c));
  for (const c of fieldColumns) addRole(c, 'field');
  for (const c of mapping.segmentColumns ?? []) addRole(c, 'segment');

  for (const [column, treatment] of personal) {
    if (treatment === 'keep') continue;
    const conflict = roles
      .get(column)
      ?.find((r) => r !== 'field' && (r !== 'customerId' || treatment === 'drop'));
    if (conflict) {
      throw new DatasetError(
        'invalid-options',
        `The column "${column}" is ${ROLE_NAMES[conflict]}, so it cannot be ${treatment === 'drop' ? 'dropped' : 'hashed'} as personal${conflict === 'customerId' ? ' (a customer id can be hashed, not dropped)' : ''}.`,
      );
    }
  }

  const warnings: string[] = [];
  const plans: ColumnPlan[] = [];
  const fields: FieldDefinition[] = [];
  const fieldNames = new Map<string, string>();
  const dropped: string[] = [];
  const ignored: string[] = [];
  columns.forEach((column, i) => {
    const columnRoles = roles.get(column);
    if (personal.get(column) === 'drop') {
      dropped.push(column);
      return;
    }
    if (!columnRoles) {
      ignored.push(column);
      return;
    }
    const hashed = personal.get(column) === 'hash';
    const declaredField = schemaFor(column);
    let field: FieldDefinition | undefined;
    if (columnRoles.includes('field')) {
      const { allowedValues: _suggestion, ...guess } = inferred[i]!.field;
      const renamed = renames.get(column);
      field = declaredField ? { ...declaredField } : renamed ? { ...guess, name: renamed } : guess;
      if (hashed) {
        field = {
          name: field.name,
          type: 'string',
          personal: true,
          ...(field.label ? { label: field.label } : {}),
        };
      }
      const other = fieldNames.get(field.name);
      if (other !== undefined) {
        throw new DatasetError(
          'invalid-options',
          `The columns "${other}" and "${column}" would both become the customer field "${field.name}"; rename one of them.`,
        );
      }
      fieldNames.set(field.name, column);
      fields.push(field);
    }
    const type: FieldDefinition['type'] =
      field?.type ??
      (columnRoles.includes('outcome') || columnRoles.includes('loggingPropensity') ? 'number' : 'string');
    plans.push({
      column,
      index: i,
      roles: columnRoles,
      field,
      actionPart: columnRoles.includes('loggedAction') ? actions.indexOf(column) : undefined,
      hashed,
      fieldOnly: columnRoles.length === 1 && columnRoles[0] === 'field',
      required: columnRoles.some(
        (r) => r === 'customerId' || r === 'loggedAction' || r === 'outcome' || r === 'loggingPropensity',
      ),
      stats: new ColumnStats(type, !hashed),
      declared: declaredField?.allowedValues !== undefined,
    });
  });

  const absent = (options.schema ?? [])
    .filter((f) => !columns.some((c) => namesOf(c).includes(f.name)))
    .map((f) => `"${f.name}"`);
  if (absent.length === 1) warnings.push(`The schema field ${absent[0]} has no column in the file.`);
  else if (absent.length > 1) {
    const shown =
      absent.length > 12
        ? `${absent.slice(0, 10).join(', ')} and ${absent.length - 10} more`
        : absent.join(', ');
    warnings.push(`${absent.length} schema fields have no column in the file: ${shown}.`);
  }
  const outcomeKind = mapping.outcomeKind ?? 'binary';
  if (outcomeKind !== 'binary' && outcomeKind !== 'reward') {
    throw new DatasetError(
      'invalid-options',
      `outcomeKind must be 'binary' or 'reward', not ${JSON.stringify(outcomeKind)}.`,
    );
  }
  return {
    columns: plans,
    outcomeKind,
    fields,
    hasLogged: logged,
    ...(offered !== undefined ? { offeredAction: offered.trim() } : {}),
    ignored,
    dropped,
    warnings,
  };
}
