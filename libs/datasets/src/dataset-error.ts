/**
 * Why a whole file (or the options given for it) cannot be imported. Bad rows never raise this:
 * they are rejected one by one and counted in the data-quality report.
 */
export type DatasetErrorCode =
  | 'empty'
  | 'binary'
  | 'encoding'
  | 'no-header'
  | 'duplicate-column'
  | 'too-many-columns'
  | 'delimiter'
  | 'not-json-lines'
  | 'unknown-column'
  | 'invalid-options'
  | 'aborted';

export class DatasetError extends Error {
  override readonly name = 'DatasetError';

  constructor(
    readonly code: DatasetErrorCode,
    message: string,
  ) {
    super(message);
  }
}
