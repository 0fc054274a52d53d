/**
 * Autosave of a draft with optimistic locking, as a pure state machine. Every edit bumps `editSeq`;
 * a save carries the revision it was based on; a CONFLICT stops autosaving until the designer
 * chooses what to do, so no work is ever silently overwritten or lost.
 */
export type AutosaveStatus = 'saved' | 'waiting' | 'saving' | 'error' | 'conflict';

export interface AutosaveState {
  status: AutosaveStatus;
  /** Server revision the local document is based on. */
  revision: number;
  /** Number of edits so far, and the edit count the server has. */
  editSeq: number;
  savedSeq: number;
  /** Edit count of the save in flight. */
  inFlightSeq?: number;
  message?: string;
  /** Failed attempts in a row, for back-off. */
  failures: number;
}

export type AutosaveEvent =
  | { type: 'edited' }
  /** The debounce (or retry) timer fired, or the designer pressed Save. */
  | { type: 'due' }
  | { type: 'saved'; revision: number }
  | { type: 'failed'; message: string }
  | { type: 'conflict'; message?: string }
  /** A version was (re)loaded from the server, or overwritten/copied after a conflict: start clean. */
  | { type: 'loaded'; revision: number }
  /** Overwrite after a conflict: save again on top of the server's revision. */
  | { type: 'overwrite'; revision: number };

export const AUTOSAVE_DELAY_MS = 1500;

export function initialAutosave(revision: number): AutosaveState {
  return { status: 'saved', revision, editSeq: 0, savedSeq: 0, failures: 0 };
}

export function autosaveReducer(state: AutosaveState, event: AutosaveEvent): AutosaveState {
  switch (event.type) {
    case 'edited': {
      const editSeq = state.editSeq + 1;
      if (state.status === 'saving' || state.status === 'conflict') return { ...state, editSeq };
      return { ...state, editSeq, status: 'waiting', message: undefined };
    }
    case 'due':
      if ((state.status === 'waiting' || state.status === 'error') && state.editSeq > state.savedSeq) {
        return { ...state, status: 'saving', inFlightSeq: state.editSeq, message: undefined };
      }
      return state;
    case 'saved': {
      const savedSeq = state.inFlightSeq ?? state.savedSeq;
      return {
        ...state,
        revision: event.revision,
        savedSeq,
        inFlightSeq: undefined,
        failures: 0,
        status: state.editSeq > savedSeq ? 'waiting' : 'saved',
      };
    }
    case 'failed':
      return {
        ...state,
        status: 'error',
        inFlightSeq: undefined,
        message: event.message,
        failures: state.failures + 1,
      };
    case 'conflict':
      return { ...state, status: 'conflict', inFlightSeq: undefined, message: event.message };
    case 'loaded':
      return initialAutosave(event.revision);
    case 'overwrite':
      return {
        ...state,
        revision: event.revision,
        status: 'saving',
        inFlightSeq: state.editSeq,
        message: undefined,
        savedSeq: Math.min(state.savedSeq, state.editSeq - 1),
      };
  }
}

export function hasUnsavedChanges(state: AutosaveState): boolean {
  return state.editSeq > state.savedSeq;
}

/** Wait before the next automatic attempt: the debounce, or back-off after failures (max 30 s). */
export function nextAttemptDelay(state: AutosaveState): number | undefined {
  if (state.status === 'waiting') return AUTOSAVE_DELAY_MS;
  if (state.status === 'error') return Math.min(30_000, 2_000 * 2 ** Math.max(0, state.failures - 1));
  return undefined;
}

export function statusText(state: AutosaveState): string {
  switch (state.status) {
    case 'saved':
      return 'All changes saved';
    case 'waiting':
      return 'Unsaved changes';
    case 'saving':
      return 'Saving…';
    case 'error':
      return `Not saved: ${state.message ?? 'the server did not answer'}. Retrying…`;
    case 'conflict':
      return 'Someone else saved this draft';
  }
}
