import { ApiError } from '../api/client';
import type { AdaptiveModelInput, AdaptiveStatusFieldsFragment } from '../api/generated/graphql';
import type { FieldOption } from '../editor/fields/field-catalog';
import type { ModelSummary } from './models-api';

/**
 * Adaptive models as the studio shows and configures them (issue 18): the status the API reports
 * (adaptiveModelStatus), the "New adaptive model" form with its checks, and what the form sends.
 * The API stays the judge: its field errors land on the same fields.
 */

export type PredictorType = 'number' | 'string' | 'boolean';
export type GroupBy = 'action' | 'channel' | 'none';

/** What createAdaptiveModel / reconfigureAdaptiveModel take. */
export type { AdaptiveModelInput };

/**
 * A version's status as adaptiveModelStatus reports it. `snapshots` newest first, each with its
 * `reason` (learned, reset or rollback), the `comment` a user gave for a reset or rollback, and
 * `createdBy` (null for the learner).
 */
export type AdaptiveStatus = AdaptiveStatusFieldsFragment;

/** A version's configuration, as the status reports it. */
export type AdaptiveConfigView = AdaptiveStatus['config'];

/** What the adaptive screens ask of the API; component tests pass an in-memory one. */
export interface AdaptiveApi {
  create(input: AdaptiveModelInput): Promise<ModelSummary>;
  reconfigure(modelId: string, input: AdaptiveModelInput): Promise<ModelSummary>;
  status(modelId: string, version: number): Promise<AdaptiveStatus>;
  freeze(modelId: string, version: number, frozen: boolean, reason: string): Promise<AdaptiveStatus>;
  reset(modelId: string, version: number, reason: string): Promise<AdaptiveStatus>;
  rollBack(modelId: string, version: number, snapshotId: string, reason: string): Promise<AdaptiveStatus>;
  /** What a predictor may read: the customer schema's and context's fields and the actions' fields. */
  inputs(): Promise<FieldOption[]>;
}

export const GROUP_BY_WORDS: Record<GroupBy, string> = {
  action: 'One model per action',
  channel: 'One model per channel',
  none: 'One model for all actions',
};

// ---- The form -------------------------------------------------------------------------------

export interface AdaptiveForm {
  name: string;
  description: string;
  /** Chosen inputs (`customer.age`) with their type from the schema. */
  predictors: { input: string; type: PredictorType }[];
  positiveOutcomes: string[];
  negativeOutcomes: string[];
  /** `<modelId>@<version>` of a trained model, or '' for none. */
  prior: string;
  /** The typed texts of the number fields: checked on submit. */
  explorationShare: string;
  maturity: string;
  groupBy: GroupBy;
  aucFloor: string;
  calibrationFloor: string;
}

export type AdaptiveFormField = Exclude<keyof AdaptiveForm, 'description'> | 'form';
export type AdaptiveFormErrors = Partial<Record<AdaptiveFormField, string>>;

export const emptyAdaptiveForm = (): AdaptiveForm => ({
  name: '',
  description: '',
  predictors: [],
  positiveOutcomes: ['accepted'],
  negativeOutcomes: ['declined', 'ignored'],
  prior: '',
  explorationShare: '0.1',
  maturity: '100',
  groupBy: 'action',
  aucFloor: '',
  calibrationFloor: '',
});

/** A version's configuration back in the form, to reconfigure it as a new version. */
export function formOfConfig(name: string, description: string | null, c: AdaptiveConfigView): AdaptiveForm {
  const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
  return {
    name,
    description: description ?? '',
    // The API takes no other predictor types, so a configuration holds none (the schema says `String`).
    predictors: c.predictors.map((p) => ({ input: p.input, type: p.type as PredictorType })),
    positiveOutcomes: [...c.positiveOutcomes],
    negativeOutcomes: [...c.negativeOutcomes],
    prior: c.priorModelId && c.priorVersion !== null ? `${c.priorModelId}@${c.priorVersion}` : '',
    explorationShare: text(c.explorationShare),
    maturity: text(c.maturity),
    groupBy: isGroupBy(c.groupBy) ? c.groupBy : 'action',
    aucFloor: text(c.aucFloor),
    calibrationFloor: text(c.calibrationFloor),
  };
}

const isGroupBy = (v: string): v is GroupBy => v === 'action' || v === 'channel' || v === 'none';

/** A predictor's type from the schema's: lists and dates cannot be learned from (undefined). */
export function predictorType(option: Pick<FieldOption, 'type'>): PredictorType | undefined {
  if (option.type === 'number' || option.type === 'boolean' || option.type === 'string') return option.type;
  return undefined;
}

type Parsed = { value: number | null } | { error: string };

function parseNumber(
  text: string,
  { min, max, integer, optional }: { min: number; max?: number; integer?: boolean; optional?: boolean },
): Parsed {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return optional ? { value: null } : { error: 'is required' };
  const n = Number(trimmed);
  if (!Number.isFinite(n)) return { error: `"${text}" is not a number` };
  if (integer && !Number.isInteger(n)) return { error: 'must be a whole number' };
  if (n < min || (max !== undefined && n > max))
    return { error: max === undefined ? `must be at least ${min}` : `must be between ${min} and ${max}` };
  return { value: n };
}

/** Checks the form; with no errors, what to send. Mirrors the API's rules. */
export function checkAdaptiveForm(form: AdaptiveForm): {
  errors: AdaptiveFormErrors;
  input?: AdaptiveModelInput;
} {
  const errors: AdaptiveFormErrors = {};
  if (!form.name.trim()) errors.name = 'Give the model a name.';
  if (form.predictors.length === 0) errors.predictors = 'Choose at least one predictor.';
  const positives = form.positiveOutcomes.map((o) => o.trim()).filter(Boolean);
  const negatives = form.negativeOutcomes.map((o) => o.trim()).filter(Boolean);
  if (positives.length === 0) errors.positiveOutcomes = 'Name at least one positive outcome (e.g. accepted).';
  const both = positives.filter((o) => negatives.includes(o));
  if (both.length)
    errors.negativeOutcomes = `${both.map((o) => `"${o}"`).join(', ')} cannot be positive and negative.`;
  const share = parseNumber(form.explorationShare, { min: 0, max: 1 });
  const maturity = parseNumber(form.maturity, { min: 0, integer: true, optional: true });
  const auc = parseNumber(form.aucFloor, { min: 0, max: 1, optional: true });
  const calibration = parseNumber(form.calibrationFloor, { min: 0, max: 1, optional: true });
  if (negatives.length === 0)
    errors.negativeOutcomes ??= 'Name at least one negative outcome (e.g. declined).';
  const numbers = {
    explorationShare: share,
    maturity,
    aucFloor: auc,
    calibrationFloor: calibration,
  } as const;
  for (const [field, parsed] of Object.entries(numbers))
    if ('error' in parsed) errors[field as keyof typeof numbers] = `${FIELD_WORDS[field]} ${parsed.error}.`;
  const [priorModelId, priorVersion] = form.prior ? form.prior.split('@') : [];
  if (Object.keys(errors).length) return { errors };
  const value = (n: Parsed) => ('value' in n ? n.value : null);
  return {
    errors,
    input: {
      name: form.name.trim(),
      description: form.description.trim() || null,
      predictors: form.predictors.map((p) => ({ input: p.input, type: p.type })),
      positiveOutcomes: positives,
      negativeOutcomes: negatives,
      priorModelId: priorModelId ?? null,
      priorVersion: priorVersion ? Number(priorVersion) : null,
      explorationShare: value(share)!,
      maturity: value(maturity),
      groupBy: form.groupBy,
      aucFloor: value(auc),
      calibrationFloor: value(calibration),
    },
  };
}

const FIELD_WORDS: Record<string, string> = {
  explorationShare: 'The exploration share',
  maturity: 'Maturity',
  aucFloor: 'The AUC floor',
  calibrationFloor: 'The calibration floor',
};

/** Where a field of the API's input (`input.predictors[2].input`) is shown in the form. */
export function formFieldOf(apiField: string): AdaptiveFormField {
  const path = apiField.replace(/^input\./, '');
  const head = path.split(/[.[]/)[0] ?? '';
  if (head === 'priorModelId' || head === 'priorVersion') return 'prior';
  const fields: readonly string[] = [
    'name',
    'predictors',
    'positiveOutcomes',
    'negativeOutcomes',
    'explorationShare',
    'maturity',
    'groupBy',
    'aucFloor',
    'calibrationFloor',
  ];
  return fields.includes(head) ? (head as AdaptiveFormField) : 'form';
}

/**
 * A refusal from the API on the fields it names (a predictor's problem says which predictor);
 * anything else as a sentence for the whole form.
 */
export function serverErrors(err: unknown, form: AdaptiveForm): AdaptiveFormErrors {
  if (err instanceof ApiError && err.code === 'VALIDATION_FAILED' && Array.isArray(err.details)) {
    const errors: AdaptiveFormErrors = {};
    for (const d of err.details as { field?: string; message?: string }[]) {
      const field = formFieldOf(d.field ?? '');
      const index = /^(?:input\.)?predictors\[(\d+)\]/.exec(d.field ?? '')?.[1];
      const which = index !== undefined ? form.predictors[Number(index)]?.input : undefined;
      const message = `${which ? `${which}: ` : ''}${d.message ?? 'is not valid'}`;
      errors[field] = errors[field] ? `${errors[field]} ${message}` : message;
    }
    if (Object.keys(errors).length) return errors;
  }
  if (err instanceof ApiError && err.code === 'CONFLICT') return { name: err.message };
  return { form: err instanceof Error ? err.message : String(err) };
}

// ---- Figures ----------------------------------------------------------------------------------

export const isAdaptive = (m: Pick<ModelSummary, 'kind'>) => m.kind === 'adaptive';

/** "4 s", "3 min", "2 h": how far the learner is behind the outcomes posted. */
export function formatLag(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  if (seconds < 1) return 'under 1 s';
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

/** A snapshot's name: the start of its hash. */
export const shortHash = (hash: string) => hash.replace(/^sha256:/, '').slice(0, 8);

/** The snapshot being served, in words. */
export function servingWords(status: AdaptiveStatus): string {
  const serving = status.snapshots.find((s) => s.id === status.servingSnapshotId);
  if (!serving) return status.frozen ? 'Frozen before its first snapshot' : 'No snapshot yet';
  const name = shortHash(serving.hash);
  if (status.frozen) return `Frozen · snapshot ${name}`;
  return serving.id === status.snapshots[0]?.id ? `Learning · snapshot ${name}` : `Serving snapshot ${name}`;
}

/** Learned, reset or rolled back, with the reason the user gave. */
export function snapshotWords(snapshot: AdaptiveStatus['snapshots'][number]): string {
  const what = SNAPSHOT_REASON_WORDS[snapshot.reason] ?? snapshot.reason;
  return snapshot.comment ? `${what}: ${snapshot.comment}` : what;
}

const SNAPSHOT_REASON_WORDS: Record<string, string> = {
  learned: 'learned',
  reset: 'reset',
  rollback: 'rolled back',
  created: 'created',
};
