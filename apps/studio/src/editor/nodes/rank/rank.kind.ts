import { NODE_SPECS } from '@arbiter/engine';
import { defineNodeKind } from '../node-kind';
import { RankSettings } from './RankSettings';

export const rankKind = defineNodeKind({
  type: 'rank',
  engine: NODE_SPECS.rank,
  displayName: 'Rank',
  icon: 'rank',
  colour: '#059669',
  group: 'Decide',
  description: 'Sorts by priority and keeps the best few.',
  Settings: RankSettings,
});
