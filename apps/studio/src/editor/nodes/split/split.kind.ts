import { NODE_SPECS } from '@arbiter/engine';
import { defineNodeKind } from '../node-kind';
import { SplitSettings } from './SplitSettings';

export const splitKind = defineNodeKind({
  type: 'split',
  engine: NODE_SPECS.split,
  displayName: 'Split',
  icon: 'split',
  colour: '#4f46e5',
  group: 'Shape the flow',
  description: 'Different paths per segment, or a champion / challenger test.',
  Settings: SplitSettings,
  handleLabel(config, handle) {
    if (handle === 'default') return 'default';
    if (config.mode === 'condition') return config.cases.find((c) => c.id === handle)?.label ?? handle;
    const branch = config.branches.find((b) => b.id === handle);
    return branch ? `${branch.label ?? branch.id} ${branch.percent}%` : handle;
  },
});
