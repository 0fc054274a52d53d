import { compileStrategy, type StrategyDocument } from '@arbiter/engine';
import { EXAMPLES, exampleEnvironment } from '@arbiter/engine/examples';
import { actionStory, searchTrace, traceInWords, whereDropped } from './trace-words';
import { documentUpTo, rankingAfter, runStrategy } from './run-strategy';

const example = EXAMPLES[0]!;
const env = exampleEnvironment(example);

describe('trace in words', () => {
  it('tells the path of a customer, the branch taken and why actions dropped out', () => {
    const sample = example.sampleInputs[0]!;
    const { trace } = compileStrategy(example.document, env).decide(sample.input, { trace: true });
    const steps = traceInWords(trace!, example.document, example.actions);
    expect(steps[0]).toMatchObject({ nodeId: 'catalog', title: 'All offers' });
    expect(steps[0]!.text).toMatch(/actions? to consider/);
    const split = steps.find((s) => s.nodeId === 'churn-split')!;
    expect(split.text).toContain('took the branch “High churn risk”');
    const eligibility = steps.find((s) => s.nodeId === 'eligibility')!;
    expect(eligibility.dropped.length).toBeGreaterThan(0);
    expect(eligibility.dropped[0]!.name).not.toBe(eligibility.dropped[0]!.actionId);
    expect(steps.map((s) => s.nodeId)).not.toContain('score-standard');
    const dropped = eligibility.dropped[0]!;
    expect(whereDropped(trace!, dropped.actionId)).toEqual({ nodeId: 'eligibility', reason: dropped.reason });
    expect(whereDropped(trace!, sample.expectedTopAction!)).toBeUndefined();
  });

  it('a step with more than 100 actions lists its first drops and counts the rest by reason', () => {
    const actions = Array.from({ length: 300 }, (_, i) => ({ id: `a${i}`, name: `Action ${i}` }));
    const doc: StrategyDocument = {
      schemaVersion: 1,
      nodes: [
        { id: 'all', type: 'actions', position: { x: 0, y: 0 }, config: {} },
        {
          id: 'adults',
          type: 'filter',
          position: { x: 200, y: 0 },
          config: {
            condition: { all: [{ fact: 'action', path: '$.id', operator: 'in', value: ['a1', 'a2'] }] },
          },
        },
        { id: 'out', type: 'output', position: { x: 400, y: 0 }, config: {} },
      ],
      edges: [
        { source: 'all', target: 'adults' },
        { source: 'adults', target: 'out' },
      ],
    };
    const { trace } = compileStrategy(doc, { actions }).decide({ customer: {} }, { trace: true });
    const step = traceInWords(trace!, doc, actions).find((s) => s.nodeId === 'adults')!;
    expect(step.text).toBe('300 in → 2 out');
    expect(step.dropped).toHaveLength(20);
    expect(step.groups).toEqual([
      expect.objectContaining({ reason: 'fails on action id', count: 298, estimated: false }),
    ]);
  });

  it("groups 2,000 drops by reason with counts, searches them, and tells one action's story", () => {
    const actions = Array.from({ length: 2000 }, (_, i) => ({
      id: `a${i}`,
      name: `Offer ${i}`,
      group: i % 4 === 0 ? 'retention' : 'upsell',
      value: i % 10,
    }));
    const doc: StrategyDocument = {
      schemaVersion: 1,
      nodes: [
        { id: 'all', type: 'actions', label: 'Catalog', config: {} },
        {
          id: 'keep',
          type: 'filter',
          label: 'Retention only',
          config: {
            condition: { all: [{ fact: 'action', path: '$.group', operator: 'equal', value: 'retention' }] },
          },
        },
        { id: 'top', type: 'rank', label: 'Best 3', config: { by: 'value', limit: 3 } },
        { id: 'out', type: 'output', config: {} },
      ],
      edges: [
        { source: 'all', target: 'keep' },
        { source: 'keep', target: 'top' },
        { source: 'top', target: 'out' },
      ],
    };
    const outcome = runStrategy(doc, { actions }, { customer: {} }, ['a1999']);
    if (!outcome.ok) throw new Error(outcome.message);
    const steps = traceInWords(outcome.result.trace!, doc, actions);
    const filter = steps.find((s) => s.nodeId === 'keep')!;
    expect(filter.text).toBe('2000 in → 500 out');
    // One group, with the first 20 by name and the followed action in it, each with its own reason.
    expect(filter.groups).toEqual([
      expect.objectContaining({ reason: 'fails on action group', count: 1500, estimated: true }),
    ]);
    expect(filter.dropped).toHaveLength(21);
    expect(filter.groups[0]!.listed).toEqual(filter.dropped);
    // The ranking: every action below the top 3 in one group, not one group per rank.
    const rank = steps.find((s) => s.nodeId === 'top')!;
    expect(rank.text).toBe('500 in → 3 out');
    expect(rank.groups).toEqual([
      expect.objectContaining({ reason: 'below the top 3 by value', count: 497, estimated: false }),
    ]);
    expect(rank.groups[0]!.listed).toHaveLength(20);
    expect(rank.groups[0]!.listed[0]!.reason).toMatch(/^ranked #\d+ \(.*\), below the top 3$/);

    expect(searchTrace(steps, 'best 3').map((s) => s.nodeId)).toEqual(['top']);
    const followed = searchTrace(steps, 'offer 1999');
    expect(followed.map((s) => s.nodeId)).toEqual(['keep']);
    expect(followed[0]!.dropped.map((d) => d.actionId)).toEqual(['a1999']);
    expect(searchTrace(steps, 'action group').map((s) => s.groups[0]?.count)).toEqual([1500]);

    expect(actionStory(outcome.result.trace!, doc, 'a1999')).toEqual([
      expect.objectContaining({ nodeId: 'all', dropped: false }),
      expect.objectContaining({ nodeId: 'keep', dropped: true, text: expect.stringMatching(/^left: /) }),
    ]);
    const winner = outcome.result.recommendations[0]!.actionId;
    const story = actionStory(outcome.result.trace!, doc, winner);
    expect(story.map((s) => s.nodeId)).toEqual(['all', 'keep', 'top', 'out']);
    expect(story.every((s) => !s.dropped)).toBe(true);
  });

  it('groups a small ranking by its shared reason, keeping each action its own rank', () => {
    const actions = Array.from({ length: 60 }, (_, i) => ({ id: `a${i}`, name: `Offer ${i}` }));
    const doc: StrategyDocument = {
      schemaVersion: 1,
      nodes: [
        { id: 'all', type: 'actions', config: {} },
        { id: 'top', type: 'rank', label: 'Best 10', config: { by: 'value', limit: 10 } },
        { id: 'out', type: 'output', config: {} },
      ],
      edges: [
        { source: 'all', target: 'top' },
        { source: 'top', target: 'out' },
      ],
    };
    const outcome = runStrategy(doc, { actions }, { customer: {} });
    if (!outcome.ok) throw new Error(outcome.message);
    const rank = traceInWords(outcome.result.trace!, doc, actions).find((s) => s.nodeId === 'top')!;
    expect(rank.groups).toHaveLength(1);
    expect(rank.groups[0]).toMatchObject({
      reason: 'below the top 10 by value',
      count: 50,
      estimated: false,
    });
    expect(rank.groups[0]!.listed).toHaveLength(50);
    // Each its own rank, 11th to 60th.
    const positions = rank.groups[0]!.listed.map((d) => Number(/^ranked #(\d+) /.exec(d.reason)?.[1]));
    expect(positions.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 11));
    // Found by its own words too.
    expect(searchTrace([rank], 'ranked #60 ')[0]!.groups[0]!.listed).toHaveLength(1);
  });

  it('runs a strategy with problems as a friendly message', () => {
    const broken = { ...example.document, edges: [] };
    const outcome = runStrategy(broken, env, example.sampleInputs[0]!.input);
    expect(outcome).toMatchObject({ ok: false });
    expect(!outcome.ok && outcome.message).toMatch(/Fix the \d+ problems/);
  });

  it('previews the ranking right after a step, even when the rest is unfinished', () => {
    const unfinished = {
      ...example.document,
      edges: example.document.edges.filter((e) => e.source !== 'arbitrate'),
    };
    expect(documentUpTo(unfinished, 'arbitrate').nodes.map((n) => n.id)).not.toContain('top-3');
    const ranking = rankingAfter(unfinished, env, 'arbitrate', example.sampleInputs[1]!.input);
    expect(Array.isArray(ranking) && ranking.length).toBeGreaterThan(1);
    if (Array.isArray(ranking)) expect(ranking[0]!.priority).toBeGreaterThanOrEqual(ranking[1]!.priority);
  });
});
