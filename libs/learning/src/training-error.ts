export type TrainingErrorCode =
  | 'single_class'
  | 'no_predictor'
  | 'too_many_categories'
  | 'invalid_value'
  | 'missing_column'
  | 'too_few_rows'
  | 'invalid_setting'
  | 'cancelled';

/** Why a training request cannot produce a model, in words an analyst can act on. */
export class TrainingError extends Error {
  override readonly name = 'TrainingError';

  constructor(
    readonly code: TrainingErrorCode,
    message: string,
    /** The dataset column the problem is about, when there is one. */
    readonly column?: string,
    /** The setting the problem is about, for `invalid_setting`. */
    readonly setting?: string,
  ) {
    super(message);
  }
}

export function cancelled(): TrainingError {
  return new TrainingError('cancelled', 'training was cancelled');
}
