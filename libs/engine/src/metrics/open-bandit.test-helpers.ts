// Reads the Open Bandit Dataset sample shipped in ../shared/data (test-only I/O).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { OpenBanditRow } from './open-bandit';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
export const OPEN_BANDIT_DIR = path.join(repoRoot, '..', 'shared', 'data', 'open-bandit-dataset-small');

export const CAMPAIGNS = ['men', 'women'] as const;

export function openBanditFile(campaign: (typeof CAMPAIGNS)[number]): string {
  return path.join(OPEN_BANDIT_DIR, 'random', campaign, `${campaign}.csv`);
}

/** Parses a campaign file: plain comma-separated values, no quoting, a header and an unnamed index column. */
export function readOpenBandit(file: string): OpenBanditRow[] {
  const [header, ...lines] = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0);
  const columns = header!.split(',');
  const at = (name: string) => {
    const i = columns.indexOf(name);
    if (i < 0) throw new Error(`${file}: no column ${name}`);
    return i;
  };
  const item = at('item_id');
  const click = at('click');
  const propensity = at('propensity_score');
  const affinity = columns
    .map((c, i) => [c, i] as const)
    .filter(([c]) => c.startsWith('user-item_affinity_'));
  affinity.sort(
    ([a], [b]) =>
      Number(a.slice('user-item_affinity_'.length)) - Number(b.slice('user-item_affinity_'.length)),
  );
  return lines.map((line, lineIndex) => {
    const cells = line.split(',');
    if (cells.length !== columns.length)
      throw new Error(`${file}:${lineIndex + 2}: ${cells.length} cells, expected ${columns.length}`);
    return {
      index: Number(cells[0]),
      itemId: Number(cells[item]),
      click: Number(cells[click]),
      propensity: Number(cells[propensity]),
      affinity: affinity.map(([, i]) => Number(cells[i])),
    };
  });
}
