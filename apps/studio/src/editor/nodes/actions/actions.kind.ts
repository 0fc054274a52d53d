import { NODE_SPECS } from '@arbiter/engine';
import { defineNodeKind } from '../node-kind';
import { ActionsSettings } from './ActionsSettings';

export const actionsKind = defineNodeKind({
  type: 'actions',
  engine: NODE_SPECS.actions,
  displayName: 'Actions',
  icon: 'actions',
  colour: '#2563eb',
  group: 'Start',
  description: 'What could we offer? Starts the flow with actions from the catalog.',
  Settings: ActionsSettings,
});
