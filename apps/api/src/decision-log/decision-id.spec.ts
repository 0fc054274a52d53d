import { decisionIdTime, newDecisionId } from './decision-id';

describe('decision ids', () => {
  it('are UUIDs of version 7 that tell when they were made', () => {
    const at = Date.parse('2026-12-06T17:00:00.123Z');
    const id = newDecisionId(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(decisionIdTime(id)).toBe(at);
  });

  it('sort in the order they were made and never repeat', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => newDecisionId(1_800_000_000_000 + i));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('say nothing about the time of ids they did not make', () => {
    expect(decisionIdTime('6f1c2f43-8f3e-4c55-9a51-0d8b0b5b2f10')).toBeUndefined();
    expect(decisionIdTime('not an id')).toBeUndefined();
  });
});
