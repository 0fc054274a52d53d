import { ApiError } from '../api/client';
import { adaptiveStatus } from './adaptive-fixtures';
import {
  checkAdaptiveForm,
  emptyAdaptiveForm,
  formFieldOf,
  formOfConfig,
  formatLag,
  serverErrors,
  servingWords,
  snapshotWords,
  type AdaptiveForm,
} from './adaptive-model';

const filled = (patch: Partial<AdaptiveForm> = {}): AdaptiveForm => ({
  ...emptyAdaptiveForm(),
  name: 'Card offers',
  predictors: [{ input: 'customer.age', type: 'number' }],
  ...patch,
});

describe('the adaptive model form', () => {
  it('sends what the analyst chose, numbers parsed and empty optional fields as null', () => {
    const { errors, input } = checkAdaptiveForm(
      filled({
        description: '  ',
        positiveOutcomes: ['accepted', ' clicked '],
        prior: 'm-7@3',
        explorationShare: '0,2',
        groupBy: 'channel',
        aucFloor: '0.6',
      }),
    );
    expect(errors).toEqual({});
    expect(input).toEqual({
      name: 'Card offers',
      description: null,
      predictors: [{ input: 'customer.age', type: 'number' }],
      positiveOutcomes: ['accepted', 'clicked'],
      negativeOutcomes: ['declined', 'ignored'],
      priorModelId: 'm-7',
      priorVersion: 3,
      explorationShare: 0.2,
      maturity: 100,
      groupBy: 'channel',
      aucFloor: 0.6,
      calibrationFloor: null,
    });
  });

  it('names every field that needs a change, and sends nothing', () => {
    const { errors, input } = checkAdaptiveForm({
      ...emptyAdaptiveForm(),
      positiveOutcomes: [],
      explorationShare: '1.5',
      maturity: '12.5',
      calibrationFloor: '-1',
    });
    expect(input).toBeUndefined();
    expect(errors).toEqual({
      name: 'Give the model a name.',
      predictors: 'Choose at least one predictor.',
      positiveOutcomes: 'Name at least one positive outcome (e.g. accepted).',
      explorationShare: 'The exploration share must be between 0 and 1.',
      maturity: 'Maturity must be a whole number.',
      calibrationFloor: 'The calibration floor must be between 0 and 1.',
    });
  });

  it('refuses an outcome that is both positive and negative, and no negative at all', () => {
    expect(checkAdaptiveForm(filled({ negativeOutcomes: ['declined', 'accepted'] })).errors).toEqual({
      negativeOutcomes: '"accepted" cannot be positive and negative.',
    });
    expect(checkAdaptiveForm(filled({ negativeOutcomes: [' '] })).errors).toEqual({
      negativeOutcomes: 'Name at least one negative outcome (e.g. declined).',
    });
  });

  it('puts the API’s field errors on the form’s fields, a predictor’s with its input', () => {
    const form = filled({
      predictors: [
        { input: 'customer.age', type: 'number' },
        { input: 'customer.planet', type: 'string' },
      ],
    });
    const err = new ApiError('The input is invalid', 'VALIDATION_FAILED', [
      { field: 'input.predictors[1].input', message: 'is not a declared customer field' },
      { field: 'input.priorVersion', message: 'model m-7 has no version 9' },
      { field: 'input.explorationShare', message: 'must be between 0 and 1' },
    ]);
    expect(serverErrors(err, form)).toEqual({
      predictors: 'customer.planet: is not a declared customer field',
      prior: 'model m-7 has no version 9',
      explorationShare: 'must be between 0 and 1',
    });
    expect(serverErrors(new ApiError('Name taken', 'CONFLICT'), form)).toEqual({ name: 'Name taken' });
    expect(serverErrors(new ApiError('Down', 'UNAVAILABLE'), form)).toEqual({ form: 'Down' });
    expect(formFieldOf('input.somethingElse')).toBe('form');
  });

  it('fills the form from a version’s configuration, to reconfigure it', () => {
    const form = formOfConfig('Card offers', null, {
      ...adaptiveStatus().config,
      priorModelId: 'm-7',
      priorVersion: 2,
    });
    expect(form).toMatchObject({
      name: 'Card offers',
      description: '',
      predictors: [
        { input: 'customer.age', type: 'number' },
        { input: 'customer.segment', type: 'string' },
      ],
      prior: 'm-7@2',
      explorationShare: '0.1',
      maturity: '200',
      aucFloor: '0.6',
      calibrationFloor: '',
    });
    expect(checkAdaptiveForm(form).errors).toEqual({});
  });
});

describe('the adaptive figures in words', () => {
  it('says how far the learner is behind', () => {
    expect(formatLag(null)).toBe('—');
    expect(formatLag(0.2)).toBe('under 1 s');
    expect(formatLag(42)).toBe('42 s');
    expect(formatLag(600)).toBe('10 min');
    expect(formatLag(3 * 3600)).toBe('3 h');
  });

  it('says which snapshot is served', () => {
    expect(servingWords(adaptiveStatus())).toBe('Learning · snapshot c3c3c3c3');
    expect(servingWords(adaptiveStatus({ frozen: true, servingSnapshotId: 's2' }))).toBe(
      'Frozen · snapshot b2b2b2b2',
    );
    expect(servingWords(adaptiveStatus({ servingSnapshotId: 's1' }))).toBe('Serving snapshot a1a1a1a1');
    expect(servingWords(adaptiveStatus({ servingSnapshotId: null, snapshots: [] }))).toBe('No snapshot yet');
  });

  it('says what made a snapshot, with the reason given', () => {
    const [learned, , reset] = adaptiveStatus().snapshots;
    expect(snapshotWords(learned!)).toBe('learned');
    expect(snapshotWords(reset!)).toBe('reset: First week of the campaign');
    expect(snapshotWords({ ...reset!, reason: 'rollback', comment: 'Back to Tuesday' })).toBe(
      'rolled back: Back to Tuesday',
    );
  });
});
