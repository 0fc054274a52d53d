import {
  autosaveReducer as step,
  hasUnsavedChanges,
  initialAutosave,
  nextAttemptDelay,
  type AutosaveEvent,
  type AutosaveState,
} from './autosave-machine';

const run = (events: AutosaveEvent[], from: AutosaveState = initialAutosave(1)) => events.reduce(step, from);

describe('autosave state machine', () => {
  it('waits after an edit, then saves with the base revision', () => {
    const waiting = run([{ type: 'edited' }]);
    expect(waiting.status).toBe('waiting');
    expect(nextAttemptDelay(waiting)).toBeGreaterThan(0);
    const saving = step(waiting, { type: 'due' });
    expect(saving).toMatchObject({ status: 'saving', revision: 1, inFlightSeq: 1 });
    const saved = step(saving, { type: 'saved', revision: 2 });
    expect(saved).toMatchObject({ status: 'saved', revision: 2 });
    expect(hasUnsavedChanges(saved)).toBe(false);
  });

  it('keeps edits made during a save and saves them next', () => {
    const s = run([{ type: 'edited' }, { type: 'due' }, { type: 'edited' }, { type: 'saved', revision: 2 }]);
    expect(s.status).toBe('waiting');
    expect(hasUnsavedChanges(s)).toBe(true);
    expect(run([{ type: 'due' }], s)).toMatchObject({ status: 'saving', revision: 2, inFlightSeq: 2 });
  });

  it('retries failures with back-off and keeps the changes', () => {
    const failed = run([{ type: 'edited' }, { type: 'due' }, { type: 'failed', message: 'offline' }]);
    expect(failed.status).toBe('error');
    expect(hasUnsavedChanges(failed)).toBe(true);
    const twice = run([{ type: 'due' }, { type: 'failed', message: 'offline' }], failed);
    expect(nextAttemptDelay(twice)!).toBeGreaterThan(nextAttemptDelay(failed)!);
    expect(run([{ type: 'due' }], twice).status).toBe('saving');
  });

  it('stops on a conflict until the designer chooses, and never drops the edits', () => {
    const conflict = run([
      { type: 'edited' },
      { type: 'due' },
      { type: 'conflict' },
      { type: 'edited' },
      { type: 'due' },
    ]);
    expect(conflict.status).toBe('conflict');
    expect(hasUnsavedChanges(conflict)).toBe(true);
    const overwriting = step(conflict, { type: 'overwrite', revision: 5 });
    expect(overwriting).toMatchObject({ status: 'saving', revision: 5, inFlightSeq: 2 });
    expect(step(overwriting, { type: 'saved', revision: 6 })).toMatchObject({ status: 'saved', revision: 6 });
    expect(step(conflict, { type: 'loaded', revision: 5 })).toEqual(initialAutosave(5));
  });

  it('ignores a timer when nothing is left to save', () => {
    const saved = initialAutosave(3);
    expect(step(saved, { type: 'due' })).toBe(saved);
  });
});
