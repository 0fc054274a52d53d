import {
  changeWords,
  describeDiff,
  diffFlow,
  diffStatusByNode,
  settingWords,
  shortSummary,
} from './diff-model';
import { DIFF, FROM_DOC, TO_DOC } from './test-fixtures';

describe('diff model', () => {
  it('marks added, removed and changed nodes; a move alone is no change', () => {
    expect([...diffStatusByNode(DIFF)]).toEqual([
      ['top', 'added'],
      ['old-top', 'removed'],
      ['adults', 'changed'],
    ]);
  });

  it('describes the diff in words with the settings before → after', () => {
    expect(describeDiff(DIFF)).toEqual([
      { status: 'added', nodeId: 'top', text: 'Added “Rank”: top 3 by priority', details: [] },
      {
        status: 'removed',
        nodeId: 'old-top',
        text: 'Removed “Old ranking” (was: top 5 by priority)',
        details: [],
      },
      {
        status: 'changed',
        nodeId: 'adults',
        text: 'Changed “Adults”: now age ≥ 21',
        details: ['condition: age ≥ 18 → age ≥ 21'],
      },
    ]);
    expect(settingWords('config.levers.byGroup')).toBe('levers › by group');
  });

  it('words single conditions changed, added and removed, and cuts a long summary', () => {
    const change = (beforeText: string, afterText: string) => ({
      field: 'config.condition.all[2]',
      beforeText,
      afterText,
    });
    expect(changeWords(change('age ≥ 18', 'age ≥ 21'))).toBe('condition: age ≥ 18 → age ≥ 21');
    expect(changeWords(change('(not set)', 'balance ≥ 0'))).toBe('condition: added balance ≥ 0');
    expect(changeWords(change('balance ≥ 0', '(not set)'))).toBe('condition: removed balance ≥ 0');
    expect(settingWords('config.byGroup.retention.any[0].not')).toBe('by group › retention');
    expect(shortSummary('x'.repeat(500))).toHaveLength(160);
  });

  it('colours the newer canvas and ghosts the removed steps, with comment badges', () => {
    const { nodes, edges } = diffFlow(TO_DOC, FROM_DOC, DIFF, {}, new Map([['adults', 2]]));
    const byId = new Map(nodes.map((n) => [n.id, n]));
    expect(byId.get('top')?.data.diff).toBe('added');
    expect(byId.get('adults')?.data.diff).toBe('changed');
    expect(byId.get('adults')?.data.comments).toBe(2);
    expect(byId.get('old-top')?.data.diff).toBe('removed');
    expect(byId.get('old-top')?.position).toEqual({ x: 520, y: 120 });
    expect(byId.get('all')?.data.diff).toBeUndefined();
    expect(byId.get('out')?.data.diff).toBeUndefined();
    expect(nodes.every((n) => n.draggable === false)).toBe(true);
    expect(edges.filter((e) => e.className === 'edge-removed').map((e) => `${e.source}→${e.target}`)).toEqual(
      ['adults→old-top', 'old-top→out'],
    );
  });
});
