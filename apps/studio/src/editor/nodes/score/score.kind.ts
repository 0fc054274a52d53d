import { NODE_SPECS } from '@arbiter/engine';
import { defineNodeKind } from '../node-kind';
import { ScoreSettings } from './ScoreSettings';

export const scoreKind = defineNodeKind({
  type: 'score',
  engine: NODE_SPECS.score,
  displayName: 'Score',
  icon: 'score',
  colour: '#7c3aed',
  group: 'Decide',
  description: 'How likely will they accept? Sets a number from a model.',
  Settings: ScoreSettings,
});
