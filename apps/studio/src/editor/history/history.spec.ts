import { canRedo, canUndo, COALESCE_MS, createHistory, HISTORY_LIMIT, record, redo, undo } from './history';

describe('history', () => {
  it('undoes and redoes edits in order', () => {
    let h = createHistory('a');
    h = record(h, 'b');
    h = record(h, 'c');
    expect(h.present).toBe('c');
    h = undo(h);
    expect(h.present).toBe('b');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toBe(h);
    h = redo(h);
    h = redo(h);
    expect(h.present).toBe('c');
    expect(canRedo(h)).toBe(false);
  });

  it('drops the redo branch on a new edit', () => {
    let h = record(record(createHistory(1), 2), 3);
    h = record(undo(h), 4);
    expect(h.present).toBe(4);
    expect(canRedo(h)).toBe(false);
    expect(undo(h).present).toBe(2);
  });

  it('coalesces quick edits with the same key into one step', () => {
    let h = createHistory('');
    h = record(h, 'h', { coalesceKey: 'name', now: 0 });
    h = record(h, 'he', { coalesceKey: 'name', now: 100 });
    h = record(h, 'hey', { coalesceKey: 'name', now: 200 });
    expect(h.past).toEqual(['']);
    h = record(h, 'hey!', { coalesceKey: 'name', now: 200 + COALESCE_MS + 1 });
    expect(h.past).toEqual(['', 'hey']);
    h = record(h, 'x', { coalesceKey: 'other', now: 200 + COALESCE_MS + 2 });
    expect(h.past).toEqual(['', 'hey', 'hey!']);
  });

  it('does not coalesce after an undo', () => {
    let h = record(createHistory(0), 1, { coalesceKey: 'k', now: 0 });
    h = record(undo(record(h, 2, { coalesceKey: 'j', now: 1 })), 3, { coalesceKey: 'k', now: 2 });
    expect(h.past).toEqual([0, 1]);
  });

  it('ignores a no-op edit and keeps at most HISTORY_LIMIT steps', () => {
    const h0 = createHistory(0);
    expect(record(h0, 0)).toBe(h0);
    let h = h0;
    for (let i = 1; i <= HISTORY_LIMIT + 10; i++) h = record(h, i);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]).toBe(10);
  });
});
