import { NODE_SPECS } from '@arbiter/engine';
import { defineNodeKind } from '../node-kind';
import { ContactPolicySettings } from './ContactPolicySettings';

export const contactPolicyKind = defineNodeKind({
  type: 'contactPolicy',
  engine: NODE_SPECS.contactPolicy,
  displayName: 'Contact policy',
  icon: 'contactPolicy',
  colour: '#d97706',
  group: 'Decide',
  description: 'No pestering: limits how often, and rests after a no.',
  Settings: ContactPolicySettings,
});
