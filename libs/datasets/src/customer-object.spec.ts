import { customerObjectBuilder, NO_VALUE } from './customer-object';

describe('customerObjectBuilder', () => {
  it('makes the customer object in field order, leaving out values that are not fields or have no value', () => {
    const build = customerObjectBuilder(['age', undefined, 'segment', 'vip']);
    const customer = build([30, 'not a field', NO_VALUE, false]);
    expect(customer).toEqual({ age: 30, vip: false });
    expect(Object.keys(build([1, 2, 'gold', true]))).toEqual(['age', 'segment', 'vip']);
  });

  it('takes any name as plain text, never as code', () => {
    const name = `a"]; globalThis.injected = 1; o["b`;
    const customer = customerObjectBuilder([name, 'x\\y'])(['v', 'w']);
    expect(customer).toEqual({ [name]: 'v', 'x\\y': 'w' });
    expect((globalThis as { injected?: unknown }).injected).toBeUndefined();
  });
});
