import { NODE_SPECS } from '@arbiter/engine';
import { defineNodeKind } from '../node-kind';
import { MergeSettings } from './MergeSettings';

export const mergeKind = defineNodeKind({
  type: 'merge',
  engine: NODE_SPECS.merge,
  displayName: 'Merge',
  icon: 'merge',
  colour: '#475569',
  group: 'Shape the flow',
  description: 'Joins branches back into one list.',
  Settings: MergeSettings,
});
