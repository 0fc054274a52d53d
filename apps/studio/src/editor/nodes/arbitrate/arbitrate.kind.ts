import { NODE_SPECS } from '@arbiter/engine';
import { defineNodeKind } from '../node-kind';
import { ArbitrateSettings } from './ArbitrateSettings';

export const arbitrateKind = defineNodeKind({
  type: 'arbitrate',
  engine: NODE_SPECS.arbitrate,
  displayName: 'Arbitrate',
  icon: 'arbitrate',
  colour: '#db2777',
  group: 'Decide',
  description: 'Balance relevance against business value into one priority.',
  Settings: ArbitrateSettings,
});
