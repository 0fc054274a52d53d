import type { ActionDefinition, StrategyDocument } from '@arbiter/engine';
import { coupon } from '@arbiter/engine/examples';
import { exampleSamples } from './TestPanel';

const retailOffer: ActionDefinition = {
  id: 'gold-card',
  name: 'Gold credit card',
  channel: 'web',
  value: 120,
};
const catalog = [retailOffer, ...coupon.actions];
const offering = (channels: string[]): StrategyDocument => ({
  schemaVersion: 1,
  nodes: [{ id: 'catalog', type: 'actions', config: { channels } }],
  edges: [],
});

describe('exampleSamples: the example customers proposed in the test panel', () => {
  it('proposes the drivers of the coupon example to a strategy that offers coupons', () => {
    const samples = exampleSamples(catalog, offering(['in-car']));
    expect(samples.map((s) => s.name)).toEqual(coupon.sampleInputs.map((s) => s.name));
  });

  it('proposes no driver to a strategy of another business line on the same catalog', () => {
    expect(exampleSamples(catalog, offering(['web']))).toEqual([]);
  });

  it('proposes nothing from an example whose catalog is not all here', () => {
    expect(exampleSamples([retailOffer, ...coupon.actions.slice(1)], offering([]))).toEqual([]);
  });
});
