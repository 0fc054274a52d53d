/**
 * In-vehicle coupons: which of 10 coupons (5 venue types × valid 2 hours / 1 day) to show a driver,
 * scored with acceptance models fitted on real survey answers.
 *
 * Data: UCI Machine Learning Repository, "In-Vehicle Coupon Recommendation" by Tong Wang and
 * Cynthia Rudin, DOI 10.24432/C5GS4P, licensed CC BY 4.0. Paper: T. Wang, C. Rudin, F. Doshi-Velez,
 * Y. Liu, E. Klampfl, P. MacNeille, "A Bayesian Framework for Learning Rule Sets for Interpretable
 * Classification", JMLR 18(70):1–37, 2017. A copy of the CSV is kept in shared/data.
 *
 * The models in coupon-model.json are fitted by fit-coupon-model.js (plain Node, deterministic):
 *   node libs/engine/examples/fit-coupon-model.js
 * Re-run it after changing the features or the data; the tests check the fit against the CSV.
 */
import type {
  ActionDefinition,
  DataSchema,
  DecisionInput,
  FieldDefinition,
  ModelSpec,
  StrategyDocument,
} from '../src';
import couponModelFile from './coupon-model.json';
import couponRespondentColumns from './coupon-respondent-columns.json';
import { at, compare, flow, type ExampleStrategy } from './example-strategy';

type LogisticModel = Extract<ModelSpec, { type: 'logistic' }>;

export interface FitQuality {
  rows: number;
  logLoss: number;
  accuracy: number;
  /** Log-loss and accuracy of always predicting the group's acceptance rate. */
  baseLogLoss: number;
  baseAccuracy: number;
}

/** What fit-coupon-model.js writes: one logistic model per coupon group, and how well it fits. */
export interface CouponModelFile {
  description: string;
  fit: Record<string, unknown>;
  groups: Record<
    string,
    { coupon: string; habit: string; training: FitQuality; holdout: FitQuality; model: LogisticModel }
  >;
}

export const COUPON_MODELS = couponModelFile as CouponModelFile;

/**
 * The columns that are the same for all answers of one respondent (the dataset README's 13 columns),
 * in file order. Kept in JSON so that fit-coupon-model.js, plain Node, reads the same list.
 */
export const COUPON_RESPONDENT_COLUMNS: readonly string[] = couponRespondentColumns;

/** The CSV's header, in file order (`passanger` is spelled as in the data). */
export const COUPON_CSV_COLUMNS: readonly string[] = [
  'destination',
  'passanger',
  'weather',
  'temperature',
  'time',
  'coupon',
  'expiration',
  ...COUPON_RESPONDENT_COLUMNS,
  'toCoupon_GEQ5min',
  'toCoupon_GEQ15min',
  'toCoupon_GEQ25min',
  'direction_same',
  'direction_opp',
  'Y',
];

/** Visits (or orders) per month, as the survey asked them. */
const FREQUENCY = ['never', 'less1', '1~3', '4~8', 'gt8'];
const FLAG = [0, 1];

const categorical = (name: string, allowedValues: string[], label?: string): FieldDefinition => ({
  name,
  type: 'string',
  allowedValues,
  ...(label ? { label } : {}),
});
const flag = (name: string, label: string): FieldDefinition => ({
  name,
  type: 'number',
  allowedValues: FLAG,
  label,
});
const habit = (name: string, label: string): FieldDefinition => categorical(name, FREQUENCY, label);

/** Every column of the CSV except the offer (coupon, expiration) and the answer (Y). */
const customerFields: FieldDefinition[] = [
  categorical('destination', ['No Urgent Place', 'Home', 'Work']),
  categorical('passanger', ['Alone', 'Friend(s)', 'Kid(s)', 'Partner'], 'passengers'),
  categorical('weather', ['Sunny', 'Rainy', 'Snowy']),
  { name: 'temperature', type: 'number', allowedValues: [30, 55, 80], label: 'temperature (°F)' },
  categorical('time', ['7AM', '10AM', '2PM', '6PM', '10PM']),
  { ...categorical('gender', ['Female', 'Male']), personal: true },
  { ...categorical('age', ['below21', '21', '26', '31', '36', '41', '46', '50plus']), personal: true },
  {
    ...categorical('maritalStatus', [
      'Single',
      'Married partner',
      'Unmarried partner',
      'Divorced',
      'Widowed',
    ]),
    personal: true,
  },
  { ...flag('has_children', 'has children'), personal: true },
  categorical('education', [
    'Some High School',
    'High School Graduate',
    'Some college - no degree',
    'Associates degree',
    'Bachelors degree',
    'Graduate degree (Masters or Doctorate)',
  ]),
  categorical('occupation', [
    'Architecture & Engineering',
    'Arts Design Entertainment Sports & Media',
    'Building & Grounds Cleaning & Maintenance',
    'Business & Financial',
    'Community & Social Services',
    'Computer & Mathematical',
    'Construction & Extraction',
    'Education&Training&Library',
    'Farming Fishing & Forestry',
    'Food Preparation & Serving Related',
    'Healthcare Practitioners & Technical',
    'Healthcare Support',
    'Installation Maintenance & Repair',
    'Legal',
    'Life Physical Social Science',
    'Management',
    'Office & Administrative Support',
    'Personal Care & Service',
    'Production Occupations',
    'Protective Service',
    'Retired',
    'Sales & Related',
    'Student',
    'Transportation & Material Moving',
    'Unemployed',
  ]),
  {
    ...categorical('income', [
      'Less than $12500',
      '$12500 - $24999',
      '$25000 - $37499',
      '$37500 - $49999',
      '$50000 - $62499',
      '$62500 - $74999',
      '$75000 - $87499',
      '$87500 - $99999',
      '$100000 or More',
    ]),
    personal: true,
  },
  categorical('car', [
    'Car that is too old to install Onstar :D',
    'Mazda5',
    'Scooter and motorcycle',
    'crossover',
    'do not drive',
  ]),
  habit('Bar', 'bar visits per month'),
  habit('CoffeeHouse', 'coffee house visits per month'),
  habit('CarryAway', 'take-away orders per month'),
  habit('RestaurantLessThan20', 'visits to restaurants under $20 per month'),
  habit('Restaurant20To50', 'visits to restaurants $20–50 per month'),
  // Every venue in the survey was at least 5 minutes away, so the data only has 1 here.
  { name: 'toCoupon_GEQ5min', type: 'number', allowedValues: [1], label: 'venue 5+ minutes away' },
  flag('toCoupon_GEQ15min', 'venue 15+ minutes away'),
  flag('toCoupon_GEQ25min', 'venue 25+ minutes away'),
  flag('direction_same', 'venue on the way'),
  flag('direction_opp', 'venue in the opposite direction'),
];

const schema: DataSchema = {
  customer: customerFields,
  context: [{ name: 'now', type: 'date', label: 'decision time' }],
};

/**
 * Coupon types as the CSV names them, with the action group and what one redeemed coupon earns us: a 10%
 * commission on a typical bill (coffee $8, take-away and cheap restaurant $15, bar $25, restaurant $20–50 $35).
 */
const COUPON_TYPES = [
  { coupon: 'Restaurant(<20)', group: 'restaurant-under-20', name: 'Restaurant under $20', value: 1.5 },
  { coupon: 'Coffee House', group: 'coffee-house', name: 'Coffee house', value: 0.8 },
  { coupon: 'Carry out & Take away', group: 'carry-out', name: 'Carry out & take away', value: 1.5 },
  { coupon: 'Bar', group: 'bar', name: 'Bar', value: 2.5 },
  { coupon: 'Restaurant(20-50)', group: 'restaurant-20-50', name: 'Restaurant $20–50', value: 3.5 },
] as const;

const EXPIRATIONS = [
  { expiration: '2h', words: 'valid 2 hours' },
  { expiration: '1d', words: 'valid 1 day' },
] as const;

const actions: ActionDefinition[] = COUPON_TYPES.flatMap((type) =>
  EXPIRATIONS.map((e) => ({
    id: `${type.group}-${e.expiration}`,
    name: `${type.name} coupon, ${e.words}`,
    group: type.group,
    channel: 'in-car',
    value: type.value,
    attributes: { coupon: type.coupon, expiration: e.expiration },
  })),
);

const modelsByGroup: Record<string, ModelSpec> = Object.fromEntries(
  COUPON_TYPES.map((type) => [type.group, COUPON_MODELS.groups[type.group]!.model]),
);

const document: StrategyDocument = {
  schemaVersion: 1,
  name: 'In-vehicle coupons',
  description:
    'Chooses up to three coupons (one per venue type) for a driver from the trip, the weather, who is in the car ' +
    'and the driver’s habits; acceptance models fitted on the UCI In-Vehicle Coupon Recommendation survey.',
  nodes: [
    { id: 'coupons', type: 'actions', label: 'All coupons', position: at(0), config: {} },
    {
      id: 'suitability',
      type: 'filter',
      label: 'Suitability',
      position: at(1),
      config: {
        // A 2-hour coupon is only worth showing when the venue is less than 25 minutes away.
        condition: {
          any: [
            compare('action', 'expiration', 'equal', '1d'),
            compare('customer', 'toCoupon_GEQ25min', 'equal', 0),
          ],
        },
        byGroup: {
          bar: {
            all: [
              compare('customer', 'age', 'notEqual', 'below21'),
              compare('customer', 'passanger', 'notEqual', 'Kid(s)'),
              compare('customer', 'Bar', 'notEqual', 'never'),
            ],
          },
          'coffee-house': { all: [compare('customer', 'CoffeeHouse', 'notEqual', 'never')] },
          'restaurant-20-50': { all: [compare('customer', 'Restaurant20To50', 'notEqual', 'never')] },
        },
      },
    },
    {
      id: 'acceptance',
      type: 'score',
      label: 'Acceptance model',
      position: at(2),
      config: { field: 'propensity', byGroup: modelsByGroup },
    },
    {
      id: 'arbitrate',
      type: 'arbitrate',
      label: 'Relevance vs. commission',
      position: at(3),
      // value^0.5: the commission counts, but a likely-accepted coffee coupon can beat an unlikely dinner.
      config: { propensityWeight: 1, valueWeight: 0.5, contextWeights: [], levers: {} },
    },
    {
      id: 'top-3',
      type: 'rank',
      label: 'Best 3, one per venue type',
      position: at(4),
      config: { by: 'priority', order: 'desc', onePerGroup: true, limit: 3 },
    },
    { id: 'output', type: 'output', label: 'Coupons to show', position: at(5), config: {} },
  ],
  edges: flow('coupons', 'suitability', 'acceptance', 'arbitrate', 'top-3', 'output'),
};

/** The survey has no dates; decisions are made at a fixed moment so they are reproducible. */
export const COUPON_DECISION_TIME = '2026-06-15T12:00:00Z';

/** The CSV's columns that hold numbers (0/1 flags and the temperature); every other column is text. */
export const COUPON_NUMBER_COLUMNS: ReadonlySet<string> = new Set(
  customerFields.filter((f) => f.type === 'number').map((f) => f.name),
);

/**
 * One CSV row (all strings) as a decision input: numbers for the numeric columns, an empty cell
 * leaves the field out. The offer (coupon, expiration) and the answer (Y) are not part of the input.
 */
export function couponRowToInput(
  row: Record<string, string>,
  now: string = COUPON_DECISION_TIME,
): DecisionInput {
  const customer: Record<string, unknown> = {};
  for (const field of customerFields) {
    const raw = row[field.name];
    if (raw === undefined || raw === '') continue;
    customer[field.name] = COUPON_NUMBER_COLUMNS.has(field.name) ? Number(raw) : raw;
  }
  return { customer, context: { now } };
}

/** The action a CSV row offered: its coupon and expiration. */
export function couponActionId(row: Record<string, string>): string | undefined {
  const type = COUPON_TYPES.find((t) => t.coupon === row.coupon);
  return type && (row.expiration === '2h' || row.expiration === '1d')
    ? `${type.group}-${row.expiration}`
    : undefined;
}

/** A line of the CSV (no quoting in this file) as a row keyed by column. */
export function couponCsvRow(line: string): Record<string, string> {
  const cells = line.split(',');
  return Object.fromEntries(COUPON_CSV_COLUMNS.map((column, i) => [column, cells[i] ?? '']));
}

const sample = (name: string, csvLine: string, expectedTopAction: string | null) => ({
  name,
  input: couponRowToInput(couponCsvRow(csvLine)),
  expectedTopAction,
});

export const coupon: ExampleStrategy = {
  id: 'coupon',
  title: 'In-vehicle coupons',
  description:
    'Ten coupons (five venue types, valid 2 hours or 1 day) for drivers. Suitability rules (no bar coupons ' +
    'with children in the car or under 21), acceptance models per venue type fitted on the UCI In-Vehicle ' +
    'Coupon Recommendation survey (CC BY 4.0), expected value arbitration and the best three, one per type.',
  document,
  actions,
  schema,
  // Rows of the CSV (line numbers of the file); each answered one coupon, the strategy ranks all ten.
  sampleInputs: [
    sample(
      'Evening drive home alone, goes to a bar 1–3 times a month (line 125)',
      'Home,Alone,Sunny,55,6PM,Bar,1d,Male,26,Unmarried partner,0,Bachelors degree,Student,$50000 - $62499,,1~3,gt8,4~8,1~3,less1,1,0,0,1,0,1',
      'bar-1d',
    ),
    sample(
      'Driver under 21: no bar coupons (line 4348)',
      'No Urgent Place,Alone,Sunny,80,10AM,Bar,1d,Female,below21,Single,0,High School Graduate,Unemployed,Less than $12500,,never,never,4~8,4~8,never,1,0,0,0,1,0',
      'restaurant-under-20-1d',
    ),
    sample(
      'Kids in the car on a sunny afternoon: no bar coupons (line 535)',
      'No Urgent Place,Kid(s),Sunny,80,2PM,Restaurant(<20),1d,Male,50plus,Married partner,1,Graduate degree (Masters or Doctorate),Sales & Related,$100000 or More,,1~3,1~3,4~8,4~8,less1,1,0,0,0,1,1',
      'carry-out-1d',
    ),
    sample(
      'Cold morning commute, coffee-house habit not answered (line 6603)',
      'Work,Alone,Sunny,30,7AM,Bar,1d,Male,36,Married partner,1,Associates degree,Management,$87500 - $99999,,never,,less1,less1,never,1,0,0,0,1,0',
      'carry-out-1d',
    ),
    sample(
      'Afternoon out with friends (line 1355)',
      'No Urgent Place,Friend(s),Sunny,55,2PM,Carry out & Take away,1d,Male,26,Unmarried partner,0,Some college - no degree,Sales & Related,$50000 - $62499,,1~3,4~8,gt8,1~3,1~3,1,1,0,0,1,0',
      'restaurant-20-50-1d',
    ),
    sample(
      'Morning commute, venues 25+ minutes away: no 2-hour coupons (line 84)',
      'Work,Alone,Sunny,55,7AM,Coffee House,2h,Male,46,Married partner,1,Bachelors degree,Education&Training&Library,$75000 - $87499,,less1,1~3,1~3,1~3,less1,1,1,1,0,1,0',
      'restaurant-under-20-1d',
    ),
  ],
};
