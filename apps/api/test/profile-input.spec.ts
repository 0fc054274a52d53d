import type { FieldDefinition } from '@arbiter/engine';
import {
  plainBatchItems,
  profileBatchSchema,
  updateCheck,
  updateProblems,
  type ProfileUpdate,
} from '../src/profiles/profile-input';

const item = (over: Record<string, unknown> = {}) => ({
  customerId: 'C-1',
  source: 'crm',
  fields: { segment: 'gold', balance: 10 },
  ...over,
});

describe('batch items checked without zod: the same answer as the schema, or none', () => {
  const bodies: [string, unknown][] = [
    ['plain items', { items: [item(), item({ customerId: 'C-2' })] }],
    ['ids trimmed, numbers as text', { items: [item({ customerId: '  C-3 ' }), item({ customerId: 42 })] }],
    [
      'a time and personal treatments',
      { items: [item({ updatedAt: '2026-03-01T10:00:00+01:00', personal: { segment: 'keep' } })] },
    ],
    ['a blank id', { items: [item({ customerId: '   ' })] }],
    ['an id too long', { items: [item({ customerId: 'x'.repeat(201) })] }],
    ['an id that is not finite', { items: [item({ customerId: null })] }],
    ['an unknown key in an item', { items: [item({ extra: 1 })] }],
    ['an unknown key in the body', { items: [item()], more: true }],
    ['a bad source name', { items: [item({ source: 'CRM' })] }],
    ['a bad time', { items: [item({ updatedAt: 'yesterday' })] }],
    ['a bad treatment', { items: [item({ personal: { segment: 'maybe' } })] }],
    ['fields that are a list', { items: [item({ fields: [1] })] }],
    ['no items', { items: [] }],
    ['too many items', { items: Array.from({ length: 1001 }, () => item()) }],
    ['a list as body', [item()]],
  ];
  it.each(bodies)('%s', (_name, body) => {
    const quick = plainBatchItems(body);
    const parsed = profileBatchSchema.safeParse(body);
    if (quick === undefined) expect(parsed.success).toBe(false);
    else expect(parsed.success && parsed.data.items).toEqual(quick);
  });
});

describe('the compiled update check agrees with updateProblems', () => {
  const declared: FieldDefinition[] = [
    { name: 'id', type: 'string' },
    { name: 'segment', type: 'string', allowedValues: ['gold', 'silver'] },
    { name: 'balance', type: 'number' },
    { name: 'since', type: 'date' },
    { name: 'vip', type: 'boolean' },
    { name: 'products', type: 'list' },
  ];
  const sources = new Set(['crm']);
  const now = Date.parse('2026-03-01T12:00:00Z');
  const update = (over: Partial<ProfileUpdate>): ProfileUpdate => ({
    customerId: 'C-1',
    source: 'crm',
    fields: { segment: 'gold' },
    ...over,
  });
  const cases: [string, ProfileUpdate][] = [
    [
      'every type right',
      update({ fields: { segment: 'silver', balance: 1.5, since: '2020-01-01', vip: false, products: [] } }),
    ],
    ['a value not allowed', update({ fields: { segment: 'bronze' } })],
    ['a number that is text', update({ fields: { balance: '5' } })],
    ['a number that is not finite', update({ fields: { balance: Infinity } })],
    ['a date that is not one', update({ fields: { since: 'soon' } })],
    ['null', update({ fields: { balance: null } })],
    ['an undeclared field', update({ fields: { shoeSize: 42 } })],
    ['the id as a field', update({ fields: { id: 'C-2' } })],
    ['the ages', update({ fields: { _age: { balance: 0 } } })],
    ['no fields', update({ fields: {} })],
    ['an undeclared source', update({ source: 'erp' })],
    ['a time ahead of the clock', update({ updatedAt: '2026-03-02T12:00:00Z' })],
    ['a time of the past', update({ updatedAt: '2026-02-01T12:00:00Z' })],
    ['a treatment for a field not sent', update({ personal: { balance: 'hash' } })],
  ];
  it.each(cases)('%s', (_name, u) => {
    expect(updateCheck(declared, sources, now)(u)).toBe(
      updateProblems(u, declared, sources, now).length === 0,
    );
  });
});
