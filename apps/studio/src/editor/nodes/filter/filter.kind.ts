import { NODE_SPECS } from '@arbiter/engine';
import { defineNodeKind } from '../node-kind';
import { FilterSettings } from './FilterSettings';

export const filterKind = defineNodeKind({
  type: 'filter',
  engine: NODE_SPECS.filter,
  displayName: 'Filter',
  icon: 'filter',
  colour: '#0891b2',
  group: 'Decide',
  description: 'Who may get what? Keeps candidates that meet eligibility rules.',
  Settings: FilterSettings,
});
