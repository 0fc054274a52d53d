import type { FairnessCheck } from '../review/fairness-api';

/** The check of a simulation run while no customer field was marked protected. */
export const NOT_MEASURED: FairnessCheck = {
  status: 'NOT_MEASURED',
  summary: 'No customer field was marked protected when this simulation ran, so nothing was checked.',
  findings: [],
  ratioFloor: 0.8,
  minGroupSize: 30,
  fields: [],
};
