import type { StrategyDocument, StrategyNode } from '@arbiter/engine';
import { hiddenSteps, branchKey } from './collapsed-branches';
import { groupBoxId, groupedSteps, groupSummary } from './collapsed-groups';
import { toCanvasNodes, toFlowEdges, type CanvasDecorations } from './document-flow';

const step = (id: string, type: string, x: number, y = 0, label?: string): StrategyNode => ({
  id,
  type,
  position: { x, y },
  config: {},
  ...(label && { label }),
});

/** all → eligibility → (split: young → score → rank | rest → rank) → rank → out */
const doc: StrategyDocument = {
  schemaVersion: 1,
  nodes: [
    step('all', 'actions', 0),
    step('rank', 'rank', 900, 0, 'Best 3'),
    step('eligibility', 'filter', 200, 40, 'Eligibility'),
    step('split', 'split', 400, 0, 'Young or not'),
    step('score', 'score', 600, 20, 'Score'),
    step('out', 'output', 1100),
  ],
  edges: [
    { source: 'all', target: 'eligibility' },
    { source: 'eligibility', target: 'split' },
    { source: 'split', sourceHandle: 'young', target: 'score' },
    { source: 'split', sourceHandle: 'rest', target: 'rank' },
    { source: 'score', target: 'rank' },
    { source: 'rank', target: 'out' },
  ],
};

describe('groupedSteps: a group of steps collapsed into one box', () => {
  it('hides the steps of the group, in the order of the flow, with the box in the place of the first', () => {
    const view = groupedSteps(doc, [{ id: '1', steps: ['rank', 'split', 'eligibility', 'score'] }]);
    expect(view.boxes).toEqual([
      {
        id: groupBoxId('1'),
        groupId: '1',
        steps: ['eligibility', 'split', 'score', 'rank'],
        position: { x: 200, y: 40 },
      },
    ]);
    expect([...view.byStep.keys()].sort()).toEqual(['eligibility', 'rank', 'score', 'split']);
  });

  it('drops the lines inside the group and attaches the lines into and out of it to the box', () => {
    const view = groupedSteps(doc, [{ id: '1', steps: ['eligibility', 'split', 'score'] }]);
    const box = groupBoxId('1');
    // Both exits of the split reach "rank" (one directly, one through "score"): one line out of the box.
    expect(view.lines).toEqual([
      { id: `all:out->${box}`, source: 'all', sourceHandle: 'out', target: box },
      { id: `${box}:out->rank`, source: box, sourceHandle: 'out', target: 'rank' },
    ]);
  });

  it('keeps the exit a line leaves from when it goes from a step into a group', () => {
    const view = groupedSteps(doc, [{ id: '7', steps: ['score', 'rank'] }]);
    expect(view.lines.map((l) => [l.source, l.sourceHandle, l.target])).toEqual([
      ['split', 'young', groupBoxId('7')],
      ['split', 'rest', groupBoxId('7')],
      [groupBoxId('7'), 'out', 'out'],
    ]);
  });

  it('shows no box for a group with fewer than two steps left (deleted, or hidden by a folded branch)', () => {
    const deleted = groupedSteps(doc, [{ id: '1', steps: ['score', 'gone'] }]);
    expect(deleted.boxes).toEqual([]);
    expect(deleted.byStep.size).toBe(0);
    expect(deleted.lines).toEqual([]);
    const folded = hiddenSteps(doc, new Set([branchKey('split', 'young')]));
    expect([...folded.byStep.keys()]).toEqual(['score']);
    const view = groupedSteps(doc, [{ id: '1', steps: ['score', 'rank'] }], folded.byStep);
    expect(view.boxes).toEqual([]);
  });

  it('leaves a step in the first group that holds it, and lines hidden by a folded branch hidden', () => {
    const folded = hiddenSteps(doc, new Set([branchKey('split', 'young')]));
    const view = groupedSteps(
      doc,
      [
        { id: '1', steps: ['all', 'eligibility'] },
        { id: '2', steps: ['eligibility', 'split', 'score', 'rank'] },
      ],
      folded.byStep,
    );
    expect(view.boxes.map((b) => b.steps)).toEqual([
      ['all', 'eligibility'],
      ['split', 'rank'],
    ]);
    // score → rank is hidden with the folded branch; no line stands for it.
    expect(view.lines.map((l) => `${l.source}->${l.target}`)).toEqual([
      `${groupBoxId('1')}->${groupBoxId('2')}`,
      `${groupBoxId('2')}->out`,
    ]);
  });

  it('sums a group up by its count and the names of its first steps', () => {
    const nodes = ['eligibility', 'split', 'score', 'rank'].map((id) => doc.nodes.find((n) => n.id === id)!);
    expect(groupSummary(nodes, (n) => n.label ?? n.type)).toBe(
      '4 steps: Eligibility, Young or not, Score, …',
    );
    expect(groupSummary(nodes.slice(0, 2), (n) => n.label ?? n.type)).toBe(
      '2 steps: Eligibility, Young or not',
    );
  });
});

describe('a collapsed group on the canvas', () => {
  const deco = (groups = [{ id: '1', steps: ['eligibility', 'split', 'score'] }]): CanvasDecorations => ({
    labels: {},
    problemsByNode: new Map(),
    problemEdges: new Set(),
    grouped: groupedSteps(doc, groups),
  });

  it('hides its steps and their lines, and adds its box and the lines re-attached to it', () => {
    const nodes = toCanvasNodes(doc, deco());
    expect(nodes.filter((n) => !n.hidden).map((n) => n.id)).toEqual(['all', 'rank', 'out', groupBoxId('1')]);
    const box = nodes.find((n) => n.type === 'group-box')!;
    expect(box.data).toMatchObject({
      summary: '3 steps: Eligibility, Young or not, Score',
      hasInput: true,
      hasExit: true,
    });
    const edges = toFlowEdges(doc, deco());
    expect(edges.filter((e) => !e.hidden).map((e) => `${e.source}->${e.target}`)).toEqual([
      'rank->out',
      `all->${groupBoxId('1')}`,
      `${groupBoxId('1')}->rank`,
    ]);
  });

  it('says how many problems its steps have', () => {
    const problem = { code: 'missing_edge', severity: 'error', message: 'no line', nodeId: 'score' } as const;
    const nodes = toCanvasNodes(doc, { ...deco(), problemsByNode: new Map([['score', [problem]]]) });
    expect(nodes.find((n) => n.type === 'group-box')!.data).toMatchObject({ errors: 1, warnings: 0 });
  });

  it('gives back the same nodes and lines while nothing changed, and the steps again once expanded', () => {
    const first = toCanvasNodes(doc, deco());
    expect(toCanvasNodes(doc, deco(), first)).toBe(first);
    const edges = toFlowEdges(doc, deco());
    expect(toFlowEdges(doc, deco(), edges)).toBe(edges);
    const expanded = toCanvasNodes(doc, deco([]), first);
    expect(expanded.every((n) => n.type === 'step' && !n.hidden)).toBe(true);
    expect(toFlowEdges(doc, deco([]), edges).every((e) => !e.hidden)).toBe(true);
  });
});
