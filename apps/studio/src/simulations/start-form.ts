import type { DatasetChoice, RunInput, StrategyChoice } from './simulations-api';

/** The start form's state and rules, apart from the component. */

export interface StartForm {
  strategyId: string;
  versionId: string;
  datasetId: string;
  /** '' for no baseline. */
  baselineVersionId: string;
  force: boolean;
  /** Replay in time order with the adaptive models learning from outcomes. */
  learning: boolean;
  /** The column that orders the rows in time ('' until chosen). */
  orderBy: string;
}

export const EMPTY_START_FORM: StartForm = {
  strategyId: '',
  versionId: '',
  datasetId: '',
  baselineVersionId: '',
  force: false,
  learning: false,
  orderBy: '',
};

const TIME_LIKE = /time|date|when|^t$|order|seq/i;

/** Choosing a dataset proposes its time-like column to order a learning replay by. */
export function chooseDataset(form: StartForm, dataset: DatasetChoice | undefined): StartForm {
  const columns = dataset?.orderColumns ?? [];
  const orderBy = columns.includes(form.orderBy)
    ? form.orderBy
    : (columns.find((c) => TIME_LIKE.test(c)) ?? '');
  return { ...form, datasetId: dataset?.id ?? '', learning: form.learning && !!dataset?.logged, orderBy };
}

/** The published version when it is not the simulated one; otherwise none. */
export function defaultBaseline(strategy: StrategyChoice | undefined, versionId: string): string {
  const published = strategy?.publishedVersion?.id;
  return published && published !== versionId ? published : '';
}

/** Choosing a strategy picks its newest version and the default baseline for it. */
export function chooseStrategy(form: StartForm, strategy: StrategyChoice | undefined): StartForm {
  const versionId = strategy?.versions[0]?.id ?? '';
  return {
    ...form,
    strategyId: strategy?.id ?? '',
    versionId,
    baselineVersionId: defaultBaseline(strategy, versionId),
  };
}

export function chooseVersion(
  form: StartForm,
  strategy: StrategyChoice | undefined,
  versionId: string,
): StartForm {
  return { ...form, versionId, baselineVersionId: defaultBaseline(strategy, versionId) };
}

/** The form for `?version=<id>`: that version's strategy, the version and its default baseline. */
export function preselect(
  strategies: readonly StrategyChoice[],
  datasets: readonly DatasetChoice[],
  versionId?: string,
): StartForm {
  const strategy = versionId
    ? strategies.find((s) => s.versions.some((v) => v.id === versionId))
    : strategies.length === 1
      ? strategies[0]
      : undefined;
  const base = chooseStrategy(chooseDataset(EMPTY_START_FORM, readyDatasets(datasets)[0]), strategy);
  return versionId && strategy ? chooseVersion(base, strategy, versionId) : base;
}

export function readyDatasets(datasets: readonly DatasetChoice[]): DatasetChoice[] {
  return datasets.filter((d) => d.status === 'READY');
}

/** Why the form cannot be started yet, or undefined. */
export function startProblem(form: StartForm): string | undefined {
  if (!form.strategyId) return 'Choose a strategy.';
  if (!form.versionId) return 'Choose a version.';
  if (!form.datasetId) return 'Choose a dataset.';
  if (form.baselineVersionId && form.baselineVersionId === form.versionId)
    return 'The baseline must be a different version.';
  if (form.learning && !form.orderBy) return 'Choose the column that orders the rows in time.';
  return undefined;
}

export function runInput(form: StartForm): RunInput {
  return {
    versionId: form.versionId,
    datasetId: form.datasetId,
    force: form.force,
    ...(form.baselineVersionId ? { baselineVersionId: form.baselineVersionId } : {}),
    ...(form.learning ? { learning: { orderBy: form.orderBy } } : {}),
  };
}
