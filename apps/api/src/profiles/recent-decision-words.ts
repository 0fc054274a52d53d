import { FIELD_AGES } from '@arbiter/engine';

/** A logged decision as the customer lookup reads it (decision_log: what was returned and read). */
export interface LoggedDecision {
  id: string;
  decidedAt: string;
  strategyId: string;
  versionNumber: number;
  actions: unknown;
  inputs?: unknown;
  arms?: unknown;
  source: string;
}

interface Names {
  actions: ReadonlyMap<string, string>;
  /** Customer fields declared personal: their values are shown to admins only. */
  personal: ReadonlySet<string>;
  mayReadPersonal: boolean;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const words = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/**
 * Why a customer got what they got, in sentences a service agent reads: what was recommended (by
 * name), which experiment arm the decision took, and the customer data and context the strategy
 * decided on (as logged: only the fields it reads, each profile field's age; personal values for
 * admins only).
 */
export function explainLoggedDecision(decision: LoggedDecision, names: Names): string[] {
  const lines: string[] = [];
  const actions = (Array.isArray(decision.actions) ? decision.actions : []).filter(isRecord);
  lines.push(
    actions.length === 0
      ? `Nothing was recommended (version ${decision.versionNumber} of the strategy).`
      : `Recommended (version ${decision.versionNumber} of the strategy): ${actions
          .map((a) => {
            const id = String(a['actionId']);
            return `${a['rank'] ?? '?'}. ${names.actions.get(id) ?? id}`;
          })
          .join(', ')}.`,
  );
  for (const arm of (Array.isArray(decision.arms) ? decision.arms : []).filter(isRecord))
    lines.push(`Experiment: took arm "${words(arm['arm'])}" of split step "${words(arm['splitStepId'])}".`);

  const inputs = isRecord(decision.inputs) ? decision.inputs : undefined;
  if (!inputs) {
    lines.push(
      'The customer data it decided on is not kept (decision inputs are not logged, or were erased).',
    );
  } else {
    const customer = isRecord(inputs['customer']) ? inputs['customer'] : {};
    const ages = isRecord(customer[FIELD_AGES]) ? customer[FIELD_AGES] : {};
    const used = Object.keys(customer)
      .filter((f) => f !== 'id' && f !== FIELD_AGES)
      .sort()
      .map((f) => {
        const shown =
          names.personal.has(f) && !names.mayReadPersonal ? '(personal, hidden)' : words(customer[f]);
        const age = typeof ages[f] === 'number' ? Math.round(ages[f] * 10) / 10 : 0;
        return age > 0 ? `${f} ${shown} (${age} days old)` : `${f} ${shown}`;
      });
    lines.push(
      used.length
        ? `Based on: ${used.join('; ')}.`
        : 'It read no customer field (the same answer for everyone).',
    );
    const context = isRecord(inputs['context']) ? inputs['context'] : {};
    // `now` is the decision's own time, already shown with it.
    const facts = Object.entries(context)
      .filter(([k]) => k !== 'now')
      .map(([k, v]) => `${k} ${words(v)}`);
    if (facts.length) lines.push(`Context: ${facts.join('; ')}.`);
  }
  lines.push(`Asked through: ${decision.source}.`);
  return lines;
}
