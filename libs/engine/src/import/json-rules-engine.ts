import type { ActionDefinition } from '../catalog/action';
import {
  ACTION_CORE_FIELDS,
  ACTION_ID,
  ACTION_LIMITS,
  ATTRIBUTE_NAME,
  isCoreField,
} from '../catalog/action-fields';
import { checkCondition } from '../conditions/check-condition';
import { FACT_NAMES, type RootCondition } from '../conditions/types';
import { SCHEMA_VERSION, type StrategyDocument } from '../document/strategy-document';
import { joinField } from '../validation/problem';

/**
 * Turns a json-rules-engine rules file into a draft strategy: one action per event type, eligible
 * when its rule's conditions hold, recommended in json-rules-engine's order of events.
 *
 * - Input: a JSON array of rules, or `{ "rules": [...] }`; a rule is `{ conditions, event: { type,
 *   params }, priority, name }` as json-rules-engine's `Rule` takes it.
 * - Actions: the event type is the action id (made into letters, digits, "-" and "_" where it has
 *   other characters); the rule's name (else the event type) its name; the event's params its
 *   attributes. Rules with the same event type are alternatives for one action ("any" of their
 *   conditions). Whether an action exists already is for the caller to decide (the API matches by id
 *   and keeps a catalog action as it is).
 * - Facts: json-rules-engine's facts are the values a run is given; here they are the customer's
 *   fields. Fact `context` stays the decision context and fact `customer` the customer; any other
 *   fact F with path `$.x` reads `$.F.x` of the customer (`$['F'].x` for names with other characters).
 *   One difference: json-rules-engine gives a fact that is not an object unchanged whatever its path,
 *   here the path then reads nothing.
 * - Conditions keep their operators, values, priorities and metadata (`name`, custom properties).
 * - Strategy: actions (the imported ones) → filter (each action's conditions) → score (`priority`:
 *   the rule's priority plus a fraction that orders rules of equal priority as in the file) → rank
 *   by priority → output. json-rules-engine emits events by priority too; it runs the rules of one
 *   priority together, so among them its events follow whichever rule's conditions finish first.
 * - Not carried over, with the reason in the report: rules without an event type, conditions with
 *   dynamic-fact `params` or shared `condition` references, and anything the strategy validation
 *   refuses (unknown operators, JSONPath filters, ...).
 */

export interface RulesImportNote {
  /** Index of the rule in the file. */
  rule: number;
  /** The rule's name, when it has one. */
  name?: string;
  /** Where in the rule, e.g. `conditions.all[0].operator`. */
  field?: string;
  message: string;
  /** false: the rule was left out; true: carried over, with this change. */
  carriedOver: boolean;
}

export interface RulesImport {
  document: StrategyDocument;
  /** One per distinct event type, in the order of the rules. */
  actions: ActionDefinition[];
  report: RulesImportNote[];
  /** How many rules were carried over. */
  imported: number;
  /** How many rules the file has. */
  total: number;
}

/** The file is not a json-rules-engine rules file at all. */
export class RulesFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RulesFileError';
  }
}

export const MAX_IMPORTED_RULES = 10_000;
const KNOWN_RULE_KEYS = ['conditions', 'event', 'priority', 'name', 'onSuccess', 'onFailure'];

interface Converted {
  id: string;
  name: string;
  params: Record<string, unknown>;
  condition: RootCondition;
  priority: number;
  index: number;
}

export function importJsonRulesEngineRules(file: unknown, strategyName: string): RulesImport {
  const rules = rulesOf(file);
  const report: RulesImportNote[] = [];
  const converted: Converted[] = [];
  rules.forEach((rule, index) => {
    const notes: RulesImportNote[] = [];
    const result = convertRule(rule, index, notes);
    if (result) converted.push(result);
    report.push(...notes);
  });

  // Rules with one event type are alternatives for one action.
  const byId = new Map<string, Converted[]>();
  for (const c of converted) byId.set(c.id, [...(byId.get(c.id) ?? []), c]);
  const actions: ActionDefinition[] = [];
  const byAction: Record<string, RootCondition> = {};
  const priorities: Record<string, { type: 'expression'; expression: string }> = {};
  for (const [id, group] of byId) {
    const first = group[0]!;
    actions.push({
      id,
      name: first.name,
      ...(Object.keys(first.params).length ? { attributes: first.params } : {}),
    });
    byAction[id] = group.length === 1 ? first.condition : { any: group.map((g) => g.condition) };
    if (group.length > 1) {
      for (const other of group.slice(1)) {
        report.push({
          rule: other.index,
          ...nameOf(rules[other.index]),
          field: 'event.type',
          message: `same event type as rule ${first.index}: one action "${id}" recommended when either rule holds`,
          carriedOver: true,
        });
      }
    }
    // json-rules-engine emits events by priority, higher first, then in the order rules were added.
    const best = group.reduce((a, b) => (b.priority > a.priority ? b : a));
    const order = (rules.length - best.index) / (rules.length + 1);
    priorities[id] = { type: 'expression', expression: String(best.priority + Number(order.toFixed(6))) };
  }
  return {
    document: draftDocument(strategyName, actions, byAction, priorities),
    actions,
    report,
    imported: converted.length,
    total: rules.length,
  };
}

function rulesOf(file: unknown): unknown[] {
  const rules = Array.isArray(file)
    ? file
    : isObject(file) && Array.isArray(file.rules)
      ? file.rules
      : undefined;
  if (!rules) {
    throw new RulesFileError(
      'expected a json-rules-engine rules file: a list of rules, or an object with a "rules" list',
    );
  }
  if (rules.length === 0) throw new RulesFileError('the file has no rules');
  if (rules.length > MAX_IMPORTED_RULES) {
    throw new RulesFileError(
      `the file has ${rules.length} rules; import at most ${MAX_IMPORTED_RULES} at a time`,
    );
  }
  return rules;
}

function nameOf(rule: unknown): { name?: string } {
  return isObject(rule) && typeof rule.name === 'string' && rule.name.trim()
    ? { name: rule.name.trim() }
    : {};
}

function convertRule(rule: unknown, index: number, notes: RulesImportNote[]): Converted | undefined {
  const name = nameOf(rule);
  const refuse = (message: string, field?: string) => {
    notes.push({ rule: index, ...name, ...(field ? { field } : {}), message, carriedOver: false });
    return undefined;
  };
  const change = (message: string, field?: string) =>
    notes.push({ rule: index, ...name, ...(field ? { field } : {}), message, carriedOver: true });
  if (!isObject(rule)) return refuse('a rule must be an object with "conditions" and "event"');
  for (const key of Object.keys(rule)) {
    if (!KNOWN_RULE_KEYS.includes(key))
      change(`"${key}" is not part of a json-rules-engine rule: ignored`, key);
  }
  const event = rule.event;
  if (!isObject(event) || typeof event.type !== 'string' || !event.type.trim()) {
    return refuse('the rule needs an event with a "type" (it names the action to recommend)', 'event.type');
  }
  let priority = 1;
  if (rule.priority !== undefined) {
    // json-rules-engine: parseInt(priority, 10), at least 1.
    const parsed =
      typeof rule.priority === 'number' || typeof rule.priority === 'string'
        ? Number.parseInt(String(rule.priority), 10)
        : NaN;
    if (!(parsed >= 1)) return refuse('priority must be a whole number ≥ 1', 'priority');
    priority = parsed;
  }
  const id = actionId(event.type);
  if (id !== event.type)
    change(`event type ${JSON.stringify(event.type)} became the action id "${id}"`, 'event.type');
  const params: Record<string, unknown> = {};
  if (event.params !== undefined) {
    if (!isObject(event.params)) change('event params that are not an object are not kept', 'event.params');
    else {
      for (const [key, value] of Object.entries(event.params)) {
        if (ATTRIBUTE_NAME.test(key) && !isCoreField(key)) params[key] = value;
        else
          change(
            `event param "${key}" is not kept: action attribute names use letters, digits and _, and not ${ACTION_CORE_FIELDS.join(', ')}`,
            joinField('event.params', key),
          );
      }
    }
  }
  if (rule.conditions === undefined) return refuse('the rule needs "conditions"', 'conditions');
  let refused = false;
  const condition = convertCondition(rule.conditions, 'conditions', (field, message) => {
    refused = true;
    refuse(message, field);
  });
  if (refused) return undefined;
  const checked = checkCondition(condition, { facts: FACT_NAMES }, { field: 'conditions' });
  const errors = checked.filter((p) => p.severity === 'error');
  if (errors.length) {
    for (const e of errors) refuse(e.message, e.field);
    return undefined;
  }
  for (const w of checked) if (w.severity === 'warning') change(w.message, w.field);
  const actionName = (name.name ?? event.type.trim()).slice(0, ACTION_LIMITS.name);
  return { id, name: actionName, params, condition: condition as RootCondition, priority, index };
}

/** The event type made into a catalog action id (ACTION_ID, at most ACTION_LIMITS.id characters). */
function actionId(type: string): string {
  if (ACTION_ID.test(type) && type.length <= ACTION_LIMITS.id) return type;
  const slug = type
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, ACTION_LIMITS.id);
  return slug || 'rule-action';
}

/** Maps json-rules-engine facts onto the customer (see above); reports what cannot be carried over. */
function convertCondition(
  condition: unknown,
  field: string,
  problem: (field: string, message: string) => void,
): unknown {
  if (!isObject(condition)) return condition; // checkCondition names what is wrong
  if (Object.hasOwn(condition, 'condition')) {
    problem(
      field,
      'shared condition references ("condition") cannot be carried over: put the condition itself here',
    );
    return undefined;
  }
  for (const key of ['all', 'any'] as const) {
    if (Array.isArray(condition[key])) {
      return {
        ...condition,
        [key]: (condition[key] as unknown[]).map((c, i) =>
          convertCondition(c, `${field}.${key}[${i}]`, problem),
        ),
      };
    }
  }
  if (Object.hasOwn(condition, 'not')) {
    return { ...condition, not: convertCondition(condition.not, `${field}.not`, problem) };
  }
  if (Object.hasOwn(condition, 'params')) {
    problem(
      `${field}.params`,
      'dynamic facts with "params" cannot be carried over: a strategy reads customer fields',
    );
    return undefined;
  }
  const out: Record<string, unknown> = {
    ...condition,
    ...factOnCustomer(condition.fact, condition.path, field, problem),
  };
  if (isObject(condition.value) && Object.hasOwn(condition.value, 'fact')) {
    if (Object.hasOwn(condition.value, 'params')) {
      problem(`${field}.value.params`, 'dynamic facts with "params" cannot be carried over');
      return undefined;
    }
    out.value = {
      ...condition.value,
      ...factOnCustomer(condition.value.fact, condition.value.path, `${field}.value`, problem),
    };
  }
  return out;
}

function factOnCustomer(
  fact: unknown,
  path: unknown,
  field: string,
  problem: (field: string, message: string) => void,
): { fact?: unknown; path?: unknown } {
  if (typeof fact !== 'string' || fact === 'customer' || fact === 'context') return {};
  if (path !== undefined && (typeof path !== 'string' || !path.startsWith('$'))) return {}; // refused by the check
  const step = /^[A-Za-z0-9_-]+$/.test(fact)
    ? `.${fact}`
    : /^[^'"[\]\\~^@*`$(),:;#]+$/.test(fact)
      ? `['${fact}']`
      : undefined;
  if (!step) {
    problem(
      `${field}.fact`,
      `fact ${JSON.stringify(fact)} has characters a customer field path cannot name; rename the fact`,
    );
    return {};
  }
  return { fact: 'customer', path: `$${step}${typeof path === 'string' ? path.slice(1) : ''}` };
}

function draftDocument(
  name: string,
  actions: ActionDefinition[],
  byAction: Record<string, RootCondition>,
  priorities: Record<string, { type: 'expression'; expression: string }>,
): StrategyDocument {
  const steps: [string, string, string, unknown][] = [
    ['rule-actions', 'actions', 'Rule actions', { actionIds: actions.map((a) => a.id) }],
    ['rule-conditions', 'filter', 'Rule conditions', { byAction }],
    ['rule-priority', 'score', 'Rule priority', { field: 'priority', byAction: priorities }],
    ['rule-order', 'rank', 'By rule priority', { by: 'priority', order: 'desc', onePerGroup: false }],
    ['output', 'output', 'Recommendations', {}],
  ];
  return {
    schemaVersion: SCHEMA_VERSION,
    name,
    nodes: steps.map(([id, type, label, config], i) => ({
      id,
      type,
      label,
      position: { x: i * 260, y: 0 },
      config,
    })),
    edges: steps.slice(1).map(([id], i) => ({ source: steps[i]![0], target: id })),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
