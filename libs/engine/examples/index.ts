import { coupon } from './coupon';
import type { ExampleStrategy } from './example-strategy';
import { telcoRetention } from './telco-retention';

export * from './example-strategy';
export { telcoRetention } from './telco-retention';
export {
  coupon,
  couponRowToInput,
  couponCsvRow,
  couponActionId,
  COUPON_CSV_COLUMNS,
  COUPON_DECISION_TIME,
  COUPON_NUMBER_COLUMNS,
  COUPON_RESPONDENT_COLUMNS,
  COUPON_MODELS,
} from './coupon';
export type { CouponModelFile, FitQuality } from './coupon';

/** Every example strategy, in the order the studio shows them. */
export const EXAMPLES: readonly ExampleStrategy[] = [telcoRetention, coupon];
