import { NODE_SPECS } from '@arbiter/engine';
import { defineNodeKind } from '../node-kind';
import { OutputSettings } from './OutputSettings';

export const outputKind = defineNodeKind({
  type: 'output',
  engine: NODE_SPECS.output,
  displayName: 'Output',
  icon: 'output',
  colour: '#0f172a',
  group: 'Finish',
  description: 'The recommendations we return, best first.',
  Settings: OutputSettings,
});
