import { customerObjectBuilder, NO_VALUE, type CustomerObjectBuilder } from './customer-object';
import type { ColumnPlan, ImportPlan } from './import-plan';
import { describeRole } from './import-plan';
import { readOutcome, readPropensity, typeValue } from './parse-value';
import type { MissingTest, TypedValue } from './parse-value';
import type { RawRecord } from './record-reader';
import type { RejectedRow } from './rejections';
import { shownValue } from './rejections';
import { unstorableText } from './storable-text';
import type { ImportedRow } from './types';

export interface ConverterOptions {
  columns: readonly string[];
  isMissing: MissingTest;
  /** For decoders that replace undecodable bytes with U+FFFD: such a value is rejected, not kept garbled. */
  checkEncoding: string | undefined;
  pseudonymize: ((value: string) => string) | undefined;
}

const MISSING = Symbol('missing');

/** Turns a raw record into an imported row, or into the reason it is rejected (the first problem found). */
export class RowConverter {
  private readonly plans: readonly ColumnPlan[];
  private readonly known: ReadonlySet<string>;
  private readonly statValues: unknown[];
  /** The row's value of each plan's field (NO_VALUE: none), made into the customer object at the end. */
  private readonly fieldValues: unknown[];
  private readonly customerObject: CustomerObjectBuilder;

  constructor(
    private readonly plan: ImportPlan,
    private readonly options: ConverterOptions,
  ) {
    this.plans = plan.columns;
    this.known = new Set(options.columns);
    this.statValues = new Array(this.plans.length);
    this.fieldValues = new Array(this.plans.length).fill(NO_VALUE);
    this.customerObject = customerObjectBuilder(this.plans.map((p) => p.field?.name));
  }

  convert(record: RawRecord): { row: ImportedRow } | { rejected: RejectedRow } {
    const { line } = record;
    if (record.problem)
      return { rejected: { line, kind: record.problem.kind, reason: record.problem.message } };
    const cells = record.fields;
    const object = record.object;
    if (cells && cells.length !== this.options.columns.length) {
      const expected = this.options.columns.length;
      const hint = cells.length > expected ? '; a value that contains the delimiter must be in quotes' : '';
      return {
        rejected: {
          line,
          kind: 'field-count',
          reason: `the row has ${cells.length} values but the header has ${expected} columns${hint}`,
        },
      };
    }
    if (object) {
      for (const key in object) {
        if (!this.known.has(key)) {
          return {
            rejected: {
              line,
              column: key,
              kind: 'unexpected-column',
              reason: `the key "${key}" is not one of the dataset's columns (they come from the first rows and the schema); declare it in the schema, or remove it`,
            },
          };
        }
      }
    }

    const row: ImportedRow = { line, customer: {} };
    const fieldValues = this.fieldValues;
    const actionParts: string[] = [];
    let outcome: number | undefined;
    let propensity: number | undefined;
    for (let p = 0; p < this.plans.length; p++) {
      const plan = this.plans[p]!;
      const raw = cells ? cells[plan.index] : object![plan.column];
      if (this.options.isMissing(raw)) {
        if (plan.required) {
          const role = plan.roles.find((r) => r !== 'field' && r !== 'segment')!;
          return {
            rejected: {
              line,
              column: plan.column,
              kind: 'missing-required',
              reason: `${describeRole(role)} (${plan.column}) is empty; every row needs one`,
            },
          };
        }
        this.statValues[p] = MISSING;
        fieldValues[p] = NO_VALUE;
        continue;
      }
      if (this.options.checkEncoding && typeof raw === 'string' && raw.includes('\ufffd')) {
        const reason = `holds bytes that are not valid ${this.options.checkEncoding}; save the file as UTF-8, or choose the encoding it was saved in`;
        return this.reject(line, plan, raw, { ok: false, kind: 'encoding', reason });
      }
      if (plan.hashed) {
        const hashed = this.options.pseudonymize!(typeof raw === 'string' ? raw : JSON.stringify(raw));
        fieldValues[p] = hashed;
        if (plan.roles.includes('customerId')) row.customerId = hashed;
        this.statValues[p] = hashed;
        continue;
      }
      // After hashing: a pseudonymised value is stored as its hash, whatever it held.
      const unstorable = unstorableText(raw);
      if (unstorable)
        return this.reject(line, plan, raw, { ok: false, kind: 'encoding', reason: unstorable });
      if (plan.fieldOnly) {
        const typed = typeValue(raw, plan.field!);
        if (!typed.ok) return this.reject(line, plan, raw, typed);
        fieldValues[p] = typed.value;
        this.statValues[p] = typed.value;
        continue;
      }
      let statValue: unknown;
      for (const role of plan.roles) {
        let typed: TypedValue;
        switch (role) {
          case 'field':
            typed = typeValue(raw, plan.field!);
            if (typed.ok) fieldValues[p] = typed.value;
            break;
          case 'customerId':
          case 'loggedAction':
          case 'segment':
            typed = identifier(raw);
            if (!typed.ok) break;
            if (role === 'customerId') row.customerId = typed.value as string;
            else if (role === 'loggedAction') actionParts[plan.actionPart!] = typed.value as string;
            else (row.segments ??= {})[plan.column] = typed.value as string;
            break;
          case 'outcome':
            typed = readOutcome(raw, this.plan.outcomeKind);
            if (typed.ok) outcome = typed.value as number;
            break;
          case 'loggingPropensity':
            typed = readPropensity(raw);
            if (typed.ok) propensity = typed.value as number;
            break;
        }
        if (!typed.ok) return this.reject(line, plan, raw, typed);
        if (statValue === undefined || role === 'field') statValue = typed.value;
      }
      this.statValues[p] = statValue;
    }
    row.customer = this.customerObject(fieldValues);
    if (this.plan.hasLogged) {
      row.logged = { actionId: this.plan.offeredAction ?? actionParts.join('|'), outcome: outcome! };
      if (propensity !== undefined) row.logged.propensity = propensity;
    }
    return { row };
  }

  private reject(
    line: number,
    plan: ColumnPlan,
    raw: unknown,
    problem: Extract<TypedValue, { ok: false }>,
  ): { rejected: RejectedRow } {
    const rejected: RejectedRow = {
      line,
      column: plan.column,
      kind: problem.kind,
      reason: `the value in ${plan.column} ${problem.reason}`,
    };
    if (!plan.hashed) rejected.value = shownValue(raw);
    return { rejected };
  }

  /** Counts the values of the row just converted; called only for kept rows, so the statistics describe the import. */
  recordStats(): void {
    for (let p = 0; p < this.plans.length; p++) {
      const v = this.statValues[p];
      if (v === MISSING) this.plans[p]!.stats.addMissing();
      else this.plans[p]!.stats.add(v);
    }
  }
}

function identifier(raw: unknown): TypedValue {
  if (typeof raw === 'string') return { ok: true, value: raw.trim() };
  if (typeof raw === 'number' || typeof raw === 'boolean') return { ok: true, value: String(raw) };
  return {
    ok: false,
    kind: 'invalid-string',
    reason: 'is a list or an object; an id or segment must be a single value',
  };
}
