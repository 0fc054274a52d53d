// Simulation figures and off-policy estimates: pure, deterministic and mergeable across workers.
export type { Estimate, Interval } from './confidence-interval';
export { normalQuantile } from './confidence-interval';
export { ExactSum } from './exact-sum';
export { seededRandom, stableHash } from './stable-hash';
export type { BootstrapOptions } from './poisson-bootstrap';
export {
  OffPolicyAccumulator,
  policyProbability,
  topRecommendation,
  type OffPolicyEstimates,
  type OffPolicyJSON,
  type OffPolicyOptions,
  type OffPolicyRow,
  type PolicyView,
} from './off-policy';
export {
  PairedOffPolicyAccumulator,
  pairedOffPolicyRow,
  type OffPolicyUplift,
  type PairedOffPolicyJSON,
  type PairedOffPolicyRow,
} from './paired-off-policy';
export type * from './simulation-summary';
export {
  SimulationAccumulator,
  type LoggedAction,
  type SimulationJSON,
  type SimulationOptions,
  type SimulationRow,
} from './simulation-accumulator';
export * from './compare-simulations';
export {
  ActionFunnel,
  compareActionFunnels,
  type ActionFunnelChange,
  type ActionFunnelComparison,
  type ActionFunnelFigures,
  type ActionFunnelJSON,
  type ActionFunnelRow,
  type FunnelStep,
  type StepChange,
} from './action-funnel';
export * from './fairness';
export {
  evaluateOpenBandit,
  highestAffinityItem,
  openBanditSimulationRow,
  type OpenBanditFigures,
  type OpenBanditRow,
} from './open-bandit';
