/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { ApiError } from '../api/client';
import { PeopleProvider } from '../shared/people';
import { designer } from '../test-support/session-users';
import { ModelsScreen } from './ModelsScreen';
import { memoryApi, people, report, versionDetail } from './test-fixtures';

const show = (ui: ReactElement) => render(<PeopleProvider lookup={people}>{ui}</PeopleProvider>);

// jsdom lays nothing out: without a ResizeObserver recharts draws at its initial size instead of 0 × 0.
const resizeObserver = globalThis.ResizeObserver;
beforeAll(() => {
  Reflect.deleteProperty(globalThis, 'ResizeObserver');
});
afterAll(() => {
  globalThis.ResizeObserver = resizeObserver;
});

beforeEach(() => {
  window.location.hash = '';
});

describe('a model and its report', () => {
  it('puts the warnings first, then the headline figures in readable numbers', async () => {
    const { api } = memoryApi();
    show(<ModelsScreen user={designer} api={api} modelId="m1" />);
    const reportRegion = await screen.findByRole('region', { name: 'Report of version 2' });
    const warnings = within(reportRegion).getByRole('note', { name: 'Warnings' });
    expect(within(warnings).getByText(/duration alone predicts the target with AUC 0.99/)).toBeTruthy();
    // The warnings come before anything else in the report.
    expect(reportRegion.querySelector('.mdl-warnings')).toBe(reportRegion.children[1]);

    const headline = within(reportRegion).getByLabelText('Headline figures');
    expect(within(headline).getByText('0.812')).toBeTruthy();
    expect(within(headline).getByText('95% CI 0.79–0.83')).toBeTruthy();
    expect(within(headline).getByText('Y is "1"')).toBeTruthy();
    expect(within(headline).getByRole('link', { name: 'Coupons 2026' }).getAttribute('href')).toBe(
      '#/datasets/d1',
    );
    expect(within(headline).getByText('8,000 to train, 2,000 held out (5,700 positive, 57.0%)')).toBeTruthy();
    expect(within(headline).getByText('20% held out at random (stratified), seed 42')).toBeTruthy();
    expect(within(headline).getByText('Gradient-boosted trees, 3 predictors')).toBeTruthy();
    expect(within(headline).getByText('0.487 (lower is better)')).toBeTruthy();
    expect(within(headline).getByText('0.161 (lower is better)')).toBeTruthy();
    await waitFor(() => expect(within(headline).getByText(/by Ari Analyst/)).toBeTruthy());
  });

  it('draws the ROC, calibration, gains, lift and importance charts', async () => {
    const { api } = memoryApi();
    show(<ModelsScreen user={designer} api={api} modelId="m1" />);
    await screen.findByRole('region', { name: 'Report of version 2' });
    for (const name of [
      'ROC curve',
      'Calibration curve',
      'Cumulative gains',
      'Lift',
      'Predictor importance',
    ]) {
      const figure = screen.getByRole('figure', { name });
      expect(figure.querySelector('svg.recharts-surface')).not.toBeNull();
    }
    expect(
      screen.getByRole('figure', { name: 'ROC curve' }).querySelector('.recharts-line-curve'),
    ).not.toBeNull();
    // The curves have their diagonal: chance for ROC and gains, perfect calibration.
    for (const [figure, diagonal] of [
      ['ROC curve', 'chance'],
      ['Calibration curve', 'perfectly calibrated'],
      ['Cumulative gains', 'random order'],
    ] as const)
      expect(within(screen.getByRole('figure', { name: figure })).getByText(diagonal)).toBeTruthy();
    const importance = screen.getByRole('figure', { name: 'Predictor importance' });
    expect(within(importance).getByText('coupon')).toBeTruthy();
    expect(importance.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(3);

    const gains = screen.getByRole('table', { name: 'Gains and lift' });
    expect(within(gains).getByText('top 10%')).toBeTruthy();
    expect(within(gains).getByText('1.60×')).toBeTruthy();

    const segments = screen.getByRole('table', { name: 'AUC per segment' });
    expect(within(segments).getByText('0.740')).toBeTruthy();
    expect(within(segments).getByText('— (one class)')).toBeTruthy();
  });

  it('shows another version on request, and compares two versions side by side', async () => {
    const { api } = memoryApi();
    const { unmount } = show(<ModelsScreen user={designer} api={api} modelId="m1" versionId="mv-1" />);
    const v1 = await screen.findByRole('region', { name: 'Report of version 1' });
    expect(within(v1).queryByRole('note', { name: 'Warnings' })).toBeNull();
    expect(within(v1).getByText('0.763')).toBeTruthy();

    const compare = screen.getByRole('button', {
      name: 'Compare the two ticked versions',
    }) as HTMLButtonElement;
    expect(compare.disabled).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Compare version 2' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Compare version 1' }));
    fireEvent.click(compare);
    expect(window.location.hash).toBe('#/models/m1?compare=mv-1&with=mv-2');
    unmount();

    show(<ModelsScreen user={designer} api={api} modelId="m1" compare={['mv-1', 'mv-2']} />);
    expect(await screen.findByRole('heading', { name: 'Coupon acceptance: v1 → v2' })).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Metric changes' });
    const auc = within(table).getByText('AUC').closest('tr')!;
    expect([...auc.querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      '0.763',
      '0.812',
      '+0.049 (better)',
    ]);
    const logLoss = within(table).getByText('Log loss').closest('tr')!;
    expect(logLoss.querySelector('.mdl-change-better')?.textContent).toBe('−0.033 (better)');
    expect(
      within(screen.getByRole('region', { name: 'Version 1' })).getByText('Logistic regression'),
    ).toBeTruthy();
    expect(
      within(screen.getByRole('region', { name: 'Version 2' })).getByText('Gradient-boosted trees'),
    ).toBeTruthy();
    expect(
      screen.getByRole('figure', { name: 'ROC curve' }).querySelectorAll('.recharts-line-curve'),
    ).toHaveLength(2);
  });

  it('says so when a version has no report, and when the model is gone', async () => {
    const { api } = memoryApi(undefined, { version: async (id) => versionDetail({ id, report: {} }) });
    const { unmount } = show(<ModelsScreen user={designer} api={api} modelId="m1" />);
    expect(await screen.findByText(/registered without an evaluation report/)).toBeTruthy();
    expect(screen.queryByRole('figure')).toBeNull();
    unmount();

    const gone = memoryApi(undefined, {
      get: async () => {
        throw new ApiError('Model m9 does not exist (any more).', 'NOT_FOUND');
      },
    });
    show(<ModelsScreen user={designer} api={gone.api} modelId="m9" />);
    expect(
      await screen.findByText('Could not load this model: Model m9 does not exist (any more).'),
    ).toBeTruthy();
  });

  it('leaves empty calibration bins out of the reliability curve', async () => {
    const { api } = memoryApi(undefined, {
      version: async (id) => versionDetail({ id, report: report({ warnings: [] }) }),
    });
    show(<ModelsScreen user={designer} api={api} modelId="m1" />);
    const figure = await screen.findByRole('figure', { name: 'Calibration curve' });
    // Ten bins, the last one empty: nine dots.
    await waitFor(() => expect(figure.querySelectorAll('.recharts-line-dot')).toHaveLength(9));
  });
});
