/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { ApiError } from '../api/client';
import { PeopleProvider } from '../shared/people';
import { admin, analyst, designer, reviewer } from '../test-support/session-users';
import type { TrainingJobView } from './models-api';
import { ModelsScreen } from './ModelsScreen';
import { job, memoryApi, model, people, versionDetail } from './test-fixtures';
import { formatDate } from '../shared/format-date';

const show = (ui: ReactElement) => render(<PeopleProvider lookup={people}>{ui}</PeopleProvider>);

beforeEach(() => {
  window.location.hash = '';
});

describe('the models list', () => {
  it('lists each model with its latest training, algorithm, AUC, version count and last training', async () => {
    const { api } = memoryApi([
      model(),
      model({
        id: 'm2',
        name: 'Dinner coupons',
        description: null,
        target: 'outcome is "accepted"',
        versions: [],
        trainings: [job({ id: 'job-9', modelId: 'm2', modelName: 'Dinner coupons' })],
      }),
    ]);
    show(<ModelsScreen user={reviewer} api={api} />);
    const row = (await screen.findByRole('link', { name: 'Coupon acceptance' })).closest('tr')!;
    // Description, target, latest training, algorithm, AUC, versions.
    for (const text of ['Who takes a coupon', 'Y is "1"', 'Trained', 'Gradient-boosted trees', '0.812', '2'])
      expect(within(row).getByText(text)).toBeTruthy();
    expect(within(row).getByText(formatDate('2026-03-03T14:05:00.000Z'), { exact: false })).toBeTruthy();

    const training = screen.getByRole('link', { name: 'Dinner coupons' }).closest('tr')!;
    expect(within(training).getByText('Training')).toBeTruthy();
    expect(within(training).getByRole('link', { name: 'follow' }).getAttribute('href')).toBe(
      '#/models/m2/trainings/job-9',
    );
    expect(within(training).getByText('not yet')).toBeTruthy();

    // Everyone reads; only analysts and admins train.
    const train = screen.getByRole('button', { name: 'Train a model' }) as HTMLButtonElement;
    expect(train.disabled).toBe(true);
    expect(train.title).toBe('Only analysts (and admins) train models and cancel trainings.');
  });

  it('says what to do when there is none, and lets an admin train', async () => {
    const { api } = memoryApi([]);
    show(<ModelsScreen user={admin} api={api} />);
    expect(await screen.findByText('No models yet')).toBeTruthy();
    expect(screen.getByText(/Train one from a dataset/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Train a model' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows why the list cannot be loaded', async () => {
    const { api } = memoryApi([], {
      list: async () => {
        throw new ApiError('You are not allowed to do this.', 'FORBIDDEN', undefined, {
          requiredRoles: ['analyst'],
        });
      },
    });
    show(<ModelsScreen user={designer} api={api} />);
    expect(
      await screen.findByText(
        'Could not load the models: You are not allowed to do this: it needs the analyst role.',
        {
          exact: false,
        },
      ),
    ).toBeTruthy();
  });
});

describe('the training wizard', () => {
  const next = () => fireEvent.click(screen.getByRole('button', { name: 'Next' }));

  it('sends the chosen target values, predictors, algorithm and settings, then follows the training', async () => {
    const { api, trained, choicesAsked } = memoryApi([]);
    show(<ModelsScreen user={analyst} api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Train a model' }));

    // 1. Dataset and name: both are required.
    await screen.findByRole('option', { name: 'Coupons 2026 (10,000 rows)' });
    next();
    expect(screen.getByText('Choose the dataset to learn from.')).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Dataset' }), { target: { value: 'd1' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Model name' }), {
      target: { value: 'Coupon acceptance' },
    });
    next();

    // 2. Target: "1" is guessed for Y; choosing another column asks again.
    fireEvent.change(await screen.findByRole('combobox', { name: 'Target column' }), {
      target: { value: 'Y' },
    });
    expect((screen.getByRole('checkbox', { name: '1' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.change(screen.getByRole('combobox', { name: 'Target column' }), {
      target: { value: 'outcome' },
    });
    expect((screen.getByRole('checkbox', { name: 'accepted' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'accepted' }));
    next();
    expect(screen.getByText('Tick the values that count as positive (accepted).')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'accepted' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'clicked' }));
    next();

    // 3. Predictors: the suggestion, the reasons, the leakage warning.
    await screen.findByRole('table', { name: 'Predictors' });
    expect(choicesAsked).toEqual([
      ['d1', undefined],
      ['d1', 'outcome'],
    ]);
    expect(screen.getByText('2 of 4 predictors chosen')).toBeTruthy();
    expect(screen.getByText('an id: every row differs')).toBeTruthy();
    const leakage = screen.getByRole('note', { name: 'Leakage warnings' });
    expect(within(leakage).getByText('Left out because they may give the outcome away:')).toBeTruthy();
    expect(within(leakage).getByText(/predicts the target almost perfectly/)).toBeTruthy();
    // Ticking the leaking predictor turns the warning into an alert.
    fireEvent.click(screen.getByRole('checkbox', { name: 'Use duration' }));
    expect(
      within(screen.getByRole('alert', { name: 'Leakage warnings' })).getByText(
        'A chosen predictor may give the outcome away:',
      ),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Use duration' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Use age' }));
    expect(screen.getByText('1 of 4 predictors chosen')).toBeTruthy();
    next();

    // 4. Algorithm, with the advanced settings folded away.
    expect(screen.getByText(/Hundreds of small decision trees/)).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: /Naive Bayes/ }));
    fireEvent.click(screen.getByText('Advanced settings'));
    fireEvent.change(screen.getByRole('textbox', { name: 'Seed' }), { target: { value: '7' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Held-out share (%)' }), {
      target: { value: '25' },
    });
    fireEvent.change(screen.getByRole('combobox', { name: 'Split' }), { target: { value: 'visitedAt' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Bins per number predictor' }), {
      target: { value: '12' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Train' }));

    await waitFor(() => expect(window.location.hash).toBe('#/models/m1/trainings/job-1'));
    expect(trained).toEqual([
      {
        name: 'Coupon acceptance',
        datasetId: 'd1',
        targetColumn: 'outcome',
        positiveValues: ['accepted', 'clicked'],
        predictors: ['coupon'],
        algorithm: 'NAIVE_BAYES',
        settings: { bins: 12 },
        seed: 7,
        testShare: 0.25,
        timeColumn: 'visitedAt',
      },
    ]);
  });

  it("shows the API's refusal in words and keeps the form", async () => {
    const { api, trained } = memoryApi([], {
      train: async () => {
        throw new ApiError('Column "Y" has a single class: every row is "1".', 'VALIDATION_FAILED', [
          { field: 'targetColumn', message: 'column "Y" has a single class: every row is "1"' },
        ]);
      },
    });
    show(<ModelsScreen user={analyst} api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Train a model' }));
    await screen.findByRole('option', { name: 'Coupons 2026 (10,000 rows)' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Dataset' }), { target: { value: 'd1' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Model name' }), { target: { value: 'M' } });
    next();
    fireEvent.change(await screen.findByRole('combobox', { name: 'Target column' }), {
      target: { value: 'Y' },
    });
    next();
    await screen.findByRole('table', { name: 'Predictors' });
    next();
    fireEvent.click(screen.getByRole('button', { name: 'Train' }));
    expect(
      await screen.findByText('This cannot be accepted: column "Y" has a single class: every row is "1".'),
    ).toBeTruthy();
    expect(trained).toEqual([]);
    expect(screen.getByRole('button', { name: 'Train' })).toBeTruthy();
  });

  it('retrains a model as its latest version was trained, adding a version to it', async () => {
    const { api, trained } = memoryApi();
    show(<ModelsScreen user={analyst} api={api} modelId="m1" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Train a new version' }));
    expect(
      await screen.findByRole('heading', { name: 'Train a new version of Coupon acceptance' }),
    ).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Model name' })).toBeNull();
    await screen.findByRole('option', { name: 'Coupons 2026 (10,000 rows)' });
    next();
    await screen.findByRole('combobox', { name: 'Target column' });
    next();
    await screen.findByRole('table', { name: 'Predictors' });
    // The predictors that version used, not the suggestion.
    expect((screen.getByRole('checkbox', { name: 'Use age' }) as HTMLInputElement).checked).toBe(false);
    next();
    fireEvent.click(screen.getByRole('button', { name: 'Train' }));
    await waitFor(() => expect(trained).toHaveLength(1));
    expect(trained[0]).toEqual({
      modelId: 'm1',
      datasetId: 'd1',
      targetColumn: 'Y',
      positiveValues: ['1'],
      predictors: ['coupon'],
      algorithm: 'GBDT',
      settings: { trees: 100, maxDepth: 6, learningRate: 0.1 },
      seed: 42,
      testShare: 0.2,
    });
  });
});

describe('a training under way', () => {
  it('shows the phase, rows, iterations and time left, and cancels after confirmation', async () => {
    let current: TrainingJobView = job();
    const { api, cancelled } = memoryApi([model()], {
      job: async () => current,
      cancel: async (id) => {
        cancelled.push(id);
        current = job({ status: 'CANCELLED', finishedAt: '2026-03-03T14:01:00.000Z' });
        return current;
      },
    });
    show(<ModelsScreen user={analyst} api={api} modelId="m1" trainingId="job-1" />);
    expect(await screen.findByText('Fitting the model…')).toBeTruthy();
    expect(screen.getByText('10,000 rows')).toBeTruthy();
    expect(screen.getByText('iteration 40 of 100')).toBeTruthy();
    expect(screen.getByText('about 12 s left')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Training progress' }).getAttribute('aria-valuenow')).toBe(
      '40',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Cancel training…' }));
    const dialog = screen.getByRole('dialog', { name: 'Cancel this training?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel training' }));
    expect(await screen.findByText(/This training was cancelled before it finished/)).toBeTruthy();
    expect(cancelled).toEqual(['job-1']);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('follows the progress by itself and shows the new version’s report when it succeeds', async () => {
    const answers = [
      job({ status: 'QUEUED', phase: null, iteration: 0, iterations: 0, etaSeconds: null }),
      job({ status: 'SUCCEEDED', versionId: 'mv-2', finishedAt: '2026-03-03T14:05:00.000Z' }),
    ];
    const { api } = memoryApi([model()], {
      job: async () => (answers.length > 1 ? answers.shift()! : answers[0]!),
    });
    show(<ModelsScreen user={reviewer} api={api} modelId="m1" trainingId="job-1" />);
    expect(await screen.findByText('Waiting for a worker…')).toBeTruthy();
    // A reviewer watches but may not cancel.
    expect((screen.getByRole('button', { name: 'Cancel training…' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect(await screen.findByText(/the new version is registered/, {}, { timeout: 3000 })).toBeTruthy();
    expect(await screen.findByRole('region', { name: 'Report of version 2' })).toBeTruthy();
    expect(screen.getByText(/Trained on 10,000 rows/)).toBeTruthy();
    expect(within(screen.getByLabelText('Headline figures')).getByText(/by Ari Analyst/)).toBeTruthy();
  });

  it('says why a training failed', async () => {
    const { api } = memoryApi([model()], {
      job: async () =>
        job({ status: 'FAILED', error: 'TrainingError: column "duration" has Infinity in row 17' }),
      version: async () => versionDetail(),
    });
    show(<ModelsScreen user={analyst} api={api} modelId="m1" trainingId="job-1" />);
    expect(
      await screen.findByText(
        'The training failed: Column "duration" has Infinity in row 17. No version was registered.',
      ),
    ).toBeTruthy();
  });
});
