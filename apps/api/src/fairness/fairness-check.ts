import {
  fairnessFindingWords,
  fairnessSummaryWords,
  judgeFairness,
  type FairnessFigures,
  type FairnessNames,
  type FairnessThresholds,
} from '@arbiter/engine';
import { FairnessStatus, type FairnessCheckType } from './dto/fairness.types';

/** What a simulation keeps that the check reads: its results, and the names of what it simulated. */
export interface CheckedSimulation {
  results: unknown;
  options: {
    environment?: { actions?: { id: string; name: string }[] };
    /** The customer fields marked protected when it was requested (absent: requested before the check existed). */
    protectedFields?: { name: string; label: string | null }[];
  };
}

/** The fairness check of one simulation with these thresholds, in words and figures (names, not ids). */
export function fairnessCheckOf(
  simulation: CheckedSimulation,
  thresholds: FairnessThresholds,
): FairnessCheckType {
  const base = {
    ratioFloor: thresholds.ratioFloor,
    minGroupSize: thresholds.minGroupSize,
    findings: [],
    fields: [],
  };
  const protectedFields = simulation.options.protectedFields;
  const figures = (simulation.results as { fairness?: FairnessFigures } | null)?.fairness;
  if (!protectedFields)
    return {
      ...base,
      status: FairnessStatus.NOT_MEASURED,
      summary: 'This simulation was run before the fairness check existed; run it again to see the check.',
    };
  if (protectedFields.length === 0) {
    return {
      ...base,
      status: FairnessStatus.NOT_MEASURED,
      summary:
        'No customer field was marked protected when this simulation ran, so nothing was checked: mark the protected fields in the Customer schema, then run it again.',
    };
  }
  const labels = new Map(protectedFields.map((f) => [f.name, f.label || f.name]));
  const actionNames = new Map((simulation.options.environment?.actions ?? []).map((a) => [a.id, a.name]));
  const names: FairnessNames = {
    field: (n) => labels.get(n) ?? n,
    action: (id) => actionNames.get(id) ?? id,
  };
  if (!figures || figures.fields.length === 0) {
    return {
      ...base,
      status: FairnessStatus.NOT_MEASURED,
      summary: `The simulated data has no value for the protected fields (${protectedFields.map((f) => names.field(f.name)).join(', ')}), so nothing could be compared.`,
    };
  }
  const judgement = judgeFairness(figures, thresholds);
  const measured = judgement.fields.some((f) => f.actions.some((a) => a.first !== null));
  return {
    ...base,
    status: !judgement.passed
      ? FairnessStatus.FAILED
      : measured
        ? FairnessStatus.PASSED
        : FairnessStatus.NOT_MEASURED,
    summary: fairnessSummaryWords(judgement, names),
    findings: judgement.findings.map((f) => fairnessFindingWords(f, thresholds.ratioFloor, names)),
    fields: judgement.fields.map((f) => ({
      field: f.field,
      label: names.field(f.field),
      groups: f.groups.map((g) => ({ group: g.group, rows: g.rows, judged: g.judged })),
      actions: f.actions.map((a) => ({
        actionId: a.actionId,
        actionName: names.action(a.actionId),
        ratio: a.first?.ratio ?? null,
        ratioAnyRank: a.anyRank?.ratio ?? null,
        belowFloor: a.belowFloor,
        rates: f.groups.map((g) => {
          const counts = g.actions.find((x) => x.actionId === a.actionId);
          return {
            group: g.group,
            first: (counts?.first ?? 0) / g.rows,
            anyRank: (counts?.anyRank ?? 0) / g.rows,
          };
        }),
      })),
    })),
  };
}
