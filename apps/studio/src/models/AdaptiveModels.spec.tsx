/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { ApiError } from '../api/client';
import { PeopleProvider, type PeopleLookup } from '../shared/people';
import { admin, analyst, designer } from '../test-support/session-users';
import { adaptiveModel, adaptiveStatus, memoryAdaptiveApi, PUBLISHER_ID } from './adaptive-fixtures';
import type { AdaptiveModelInput } from './adaptive-model';
import { ModelsScreen } from './ModelsScreen';
import { ANALYST_ID, memoryApi, model } from './test-fixtures';
import { formatDate } from '../shared/format-date';
import type { SessionUser } from '../auth/session';
import { sessionUser } from '../test-support/session-users';

const publisher = sessionUser(PUBLISHER_ID, 'Pat Publisher', ['publisher'], 'publisher@arbiter.local');

const people: PeopleLookup = async (ids) =>
  [
    { id: ANALYST_ID, displayName: 'Ari Analyst' },
    { id: PUBLISHER_ID, displayName: 'Pat Publisher' },
  ].filter((p) => ids.includes(p.id));

const show = (ui: ReactElement) => render(<PeopleProvider lookup={people}>{ui}</PeopleProvider>);

beforeEach(() => {
  window.location.hash = '';
});

describe('New adaptive model', () => {
  const open = async (user: SessionUser = analyst) => {
    const models = memoryApi([model()]);
    const adaptive = memoryAdaptiveApi();
    show(<ModelsScreen user={user} api={models.api} adaptiveApi={adaptive.api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'New adaptive model' }));
    await screen.findByRole('checkbox', { name: /customer\.age/ });
    return adaptive;
  };

  it('is for analysts and admins; others see why not', async () => {
    const { api } = memoryApi([model()]);
    show(<ModelsScreen user={designer} api={api} adaptiveApi={memoryAdaptiveApi().api} />);
    const button = (await screen.findByRole('button', { name: 'New adaptive model' })) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.title).toBe('Only analysts (and admins) create and reconfigure adaptive models.');
  });

  it('shows each problem next to its field and sends nothing', async () => {
    const adaptive = await open();
    fireEvent.change(screen.getByLabelText('Exploration share'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create the model' }));

    const name = screen.getByRole('textbox', { name: 'Name' }).closest('.field')!;
    expect(within(name as HTMLElement).getByRole('alert').textContent).toBe('Give the model a name.');
    const share = screen.getByLabelText('Exploration share').closest('.field')!;
    expect(within(share as HTMLElement).getByRole('alert').textContent).toBe(
      'The exploration share must be between 0 and 1.',
    );
    expect(screen.getByText('Choose at least one predictor.')).toBeTruthy();
    expect(screen.getByText('Not saved: 3 fields need a change.')).toBeTruthy();
    expect(adaptive.calls).toEqual([]);
  });

  it('offers the schema’s and the actions’ fields with their types; lists and dates cannot be chosen', async () => {
    await open(admin);
    const customer = screen.getByRole('group', { name: 'Customer fields' });
    expect(within(customer).getByRole('checkbox', { name: /customer\.segment string/ })).toBeTruthy();
    expect(
      (within(customer).getByRole('checkbox', { name: /customer\.joined date/ }) as HTMLInputElement)
        .disabled,
    ).toBe(true);
    const action = screen.getByRole('group', { name: 'Action fields' });
    expect(within(action).getByRole('checkbox', { name: /action\.value number/ })).toBeTruthy();
  });

  it('creates the model with the chosen predictors and opens it', async () => {
    const adaptive = await open();
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Card offers' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /customer\.age/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /customer\.vip/ }));
    // Only logistic regressions can be a prior: v1 of the fixture's model, not its v2 (trees).
    const prior = screen.getByLabelText('Prior');
    expect(within(prior).queryByRole('option', { name: /Coupon acceptance v2/ })).toBeNull();
    fireEvent.change(prior, { target: { value: 'm1@1' } });
    fireEvent.change(screen.getByLabelText('Group by'), { target: { value: 'none' } });
    fireEvent.change(screen.getByLabelText('AUC floor'), { target: { value: '0.6' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create the model' }));

    await waitFor(() => expect(window.location.hash).toBe('#/models/am1'));
    const input = adaptive.calls[0]![1] as AdaptiveModelInput;
    expect(input).toMatchObject({
      name: 'Card offers',
      predictors: [
        { input: 'customer.age', type: 'number' },
        { input: 'customer.vip', type: 'boolean' },
      ],
      positiveOutcomes: ['accepted'],
      negativeOutcomes: ['declined', 'ignored'],
      priorModelId: 'm1',
      priorVersion: 1,
      explorationShare: 0.1,
      groupBy: 'none',
      aucFloor: 0.6,
    });
  });

  it('shows the server’s field errors next to the fields they name', async () => {
    const models = memoryApi([model()]);
    const adaptive = memoryAdaptiveApi(adaptiveStatus(), {
      create: async () => {
        throw new ApiError('The input is invalid', 'VALIDATION_FAILED', [
          { field: 'input.predictors[0].input', message: 'is not a declared field' },
          { field: 'input.maturity', message: 'must be at most 1000000' },
        ]);
      },
    });
    show(<ModelsScreen user={analyst} api={models.api} adaptiveApi={adaptive.api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'New adaptive model' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Card offers' } });
    fireEvent.click(await screen.findByRole('checkbox', { name: /customer\.segment/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Create the model' }));

    expect(await screen.findByText('customer.segment: is not a declared field')).toBeTruthy();
    const maturity = screen.getByLabelText('Maturity (outcomes)').closest('.field') as HTMLElement;
    expect(within(maturity).getByRole('alert').textContent).toBe('must be at most 1000000');
    expect(window.location.hash).toBe('');
  });
});

describe('the adaptive model page', () => {
  const open = (user: SessionUser, status = adaptiveStatus()) => {
    const models = memoryApi([adaptiveModel(), model()]);
    const adaptive = memoryAdaptiveApi(status);
    show(<ModelsScreen user={user} modelId="am1" api={models.api} adaptiveApi={adaptive.api} />);
    return adaptive;
  };

  it('shows a learning model: figures, per action, predictors, snapshots and overrides', async () => {
    open(analyst);
    expect(await screen.findByText('Learning · snapshot c3c3c3c3')).toBeTruthy();
    const figure = (label: string) =>
      screen.getByText(label, { selector: 'dt' }).nextElementSibling!.textContent;
    expect(figure('Evidence')).toBe('1,240');
    expect(figure('Positives')).toBe('310');
    expect(figure('Success rate')).toBe('25.0%');
    expect(figure('Rolling AUC')).toBe('0.741');
    expect(figure('Calibration error')).toBe('0.031');
    expect(figure('Maturity')).toBe('Mature (200 of 200)');
    expect(figure('Learner lag')).toBe('under 1 s');
    expect(screen.getByRole('figure', { name: 'Evidence and positives over time' })).toBeTruthy();
    expect(screen.getByRole('figure', { name: 'Rolling AUC over time' })).toBeTruthy();

    const gold = screen.getByRole('table', { name: 'Per action' }).querySelector('tbody tr')!;
    expect(gold.textContent).toBe('Gold card80026032.5%yes');
    expect(gold.querySelector('th')!.getAttribute('title')).toBe('gold-card');
    const overrides = screen.getByRole('table', { name: 'Staff overrides' });
    expect(within(overrides).getByRole('row', { name: /Gold card/ }).textContent).toBe('Gold card800405.0%');
    const segment = within(screen.getByRole('table', { name: 'Predictors' })).getByRole('row', {
      name: /segment/,
    });
    expect(segment.textContent).toContain('young +0.44 ± 0.10');
    expect(segment.textContent).toContain('senior −0.37 ± 0.12');

    const snapshots = within(screen.getByRole('table', { name: 'Snapshots' }))
      .getAllByRole('row')
      .slice(1);
    expect(snapshots.map((r) => r.querySelector('code')!.textContent)).toEqual([
      'c3c3c3c3',
      'b2b2b2b2',
      'a1a1a1a1',
    ]);
    expect(snapshots[0]!.querySelector('th')!.textContent).toBe(
      `${formatDate('2026-03-06T10:15:00.000Z')} serving`,
    );
    expect(snapshots[1]!.textContent).toContain('learned');
    expect(snapshots[1]!.textContent).toContain('learner');
    expect(snapshots[2]!.textContent).toContain('reset: First week of the campaign');
    await waitFor(() => expect(snapshots[2]!.textContent).toContain('Ari Analyst'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('lists the newest ten snapshots, and all on request', async () => {
    const [newest] = adaptiveStatus().snapshots;
    const snapshots = Array.from({ length: 12 }, (_, i) => ({
      ...newest!,
      id: `s${12 - i}`,
      hash: `sha256:${String(12 - i).padStart(8, '0')}`,
    }));
    open(analyst, adaptiveStatus({ snapshots, servingSnapshotId: 's12' }));
    const table = await screen.findByRole('table', { name: 'Snapshots' });
    expect(within(table).getAllByRole('row')).toHaveLength(11);
    fireEvent.click(screen.getByRole('button', { name: 'Show all 12 snapshots' }));
    expect(within(table).getAllByRole('row')).toHaveLength(13);
  });

  it('shows the guard’s alert as a banner', async () => {
    open(
      analyst,
      adaptiveStatus({
        rollingAuc: 0.55,
        alert: {
          kind: 'auc',
          message: 'Rolling AUC 0.550 is below the floor 0.6.',
          since: '2026-03-06T10:20:00.000Z',
        },
      }),
    );
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toContain('Guard alert (AUC): Rolling AUC 0.550 is below the floor 0.6.');
  });

  it('shows a frozen model as frozen, with Unfreeze offered', async () => {
    open(publisher, adaptiveStatus({ frozen: true, servingSnapshotId: 's2' }));
    expect(await screen.findByText('Frozen · snapshot b2b2b2b2')).toBeTruthy();
    expect(screen.getByText(/Learning is frozen: decisions keep using the snapshot served/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Unfreeze…' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Freeze…' })).toBeNull();
  });

  it('says nothing is learned yet for a new model', async () => {
    open(
      analyst,
      adaptiveStatus({
        evidence: 0,
        positives: 0,
        mature: false,
        history: [],
        groups: [],
        overrides: [],
        successRate: null,
        rollingAuc: null,
        lastUpdatedAt: null,
      }),
    );
    expect(await screen.findByText(/Nothing learned yet/)).toBeTruthy();
    expect(screen.getByText('Learning (0 of 200)')).toBeTruthy();
    expect(screen.getByText('No recommendation of this model has been overridden.')).toBeTruthy();
  });

  it('lets only publishers and admins freeze, reset and roll back, saying why on hover', async () => {
    open(analyst);
    const freeze = (await screen.findByRole('button', { name: 'Freeze…' })) as HTMLButtonElement;
    const reason = 'Only publishers (and admins) freeze, reset or roll back an adaptive model.';
    expect(freeze.disabled).toBe(true);
    expect(freeze.title).toBe(reason);
    expect((screen.getByRole('button', { name: 'Reset…' }) as HTMLButtonElement).title).toBe(reason);
    expect(
      (screen.getByRole('button', { name: 'Roll back to snapshot b2b2b2b2' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    // Analysts reconfigure; publishers do not.
    expect((screen.getByRole('button', { name: 'Reconfigure…' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('freezes with a reason and shows the frozen state', async () => {
    const adaptive = open(publisher);
    fireEvent.click(await screen.findByRole('button', { name: 'Freeze…' }));
    const dialog = screen.getByRole('dialog', { name: /Freeze learning/ });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Freeze' }));
    expect(within(dialog).getByRole('alert').textContent).toBe(
      'Give a reason: it is recorded in the audit log.',
    );
    expect(adaptive.calls).toEqual([]);

    fireEvent.change(within(dialog).getByLabelText(/Reason/), {
      target: { value: 'Campaign week: hold it' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Freeze' }));
    expect(await screen.findByText('Frozen · snapshot c3c3c3c3')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(adaptive.calls).toEqual([['freeze', 'am1', 1, true, 'Campaign week: hold it']]);
    expect(screen.getByRole('button', { name: 'Unfreeze…' })).toBeTruthy();
  });

  it('resets and rolls back with a reason, and shows the new state', async () => {
    const adaptive = open(admin);
    fireEvent.click(await screen.findByRole('button', { name: 'Reset…' }));
    let dialog = screen.getByRole('dialog', { name: /Reset the model/ });
    fireEvent.change(within(dialog).getByLabelText(/Reason/), { target: { value: 'Bad week of data' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reset' }));
    expect(await screen.findByText('Learning · snapshot d4d4d4d4')).toBeTruthy();
    expect(screen.getByText(/^Reset: the model starts again/)).toBeTruthy();
    const figure = (label: string) =>
      screen.getByText(label, { selector: 'dt' }).nextElementSibling!.textContent;
    expect(figure('Evidence')).toBe('0');
    expect(screen.getByText(/^Nothing learned since the reset/)).toBeTruthy();
    const newest = within(screen.getByRole('table', { name: 'Snapshots' })).getAllByRole('row')[1]!;
    expect(newest.textContent).toContain('reset: Bad week of data');
    await waitFor(() => expect(newest.textContent).toContain('Pat Publisher'));

    fireEvent.click(screen.getByRole('button', { name: 'Roll back to snapshot b2b2b2b2' }));
    dialog = screen.getByRole('dialog', { name: /Roll back to snapshot b2b2b2b2/ });
    fireEvent.change(within(dialog).getByLabelText(/Reason/), { target: { value: 'Back to Tuesday' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Roll back' }));
    expect(await screen.findByText('Learning · snapshot e5e5e5e5')).toBeTruthy();
    expect(figure('Evidence')).toBe('700');
    expect(
      within(screen.getByRole('table', { name: 'Snapshots' })).getAllByRole('row')[1]!.textContent,
    ).toContain('rolled back: Back to Tuesday');
    expect(adaptive.calls).toEqual([
      ['reset', 'am1', 1, 'Bad week of data'],
      ['rollBack', 'am1', 1, 's2', 'Back to Tuesday'],
    ]);
  });

  it('reconfigures as a new version, the form set up like the version shown', async () => {
    const adaptive = open(analyst);
    fireEvent.click(await screen.findByRole('button', { name: 'Reconfigure…' }));
    const form = screen.getByRole('region', { name: 'Reconfigure Card offers (adaptive)' });
    expect((within(form).getByRole('textbox', { name: 'Name' }) as HTMLInputElement).value).toBe(
      'Card offers (adaptive)',
    );
    expect(
      ((await within(form).findByRole('checkbox', { name: /customer\.age/ })) as HTMLInputElement).checked,
    ).toBe(true);
    expect((within(form).getByLabelText('AUC floor') as HTMLInputElement).value).toBe('0.6');
    fireEvent.change(within(form).getByLabelText('Exploration share'), { target: { value: '0.05' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save as a new version' }));
    await waitFor(() => expect(adaptive.calls).toHaveLength(1));
    const [kind, modelId, input] = adaptive.calls[0]!;
    expect([kind, modelId]).toEqual(['reconfigure', 'am1']);
    expect(input).toMatchObject({
      predictors: [
        { input: 'customer.age', type: 'number' },
        { input: 'customer.segment', type: 'string' },
      ],
      explorationShare: 0.05,
      maturity: 200,
      aucFloor: 0.6,
    });
    await waitFor(() => expect(window.location.hash).toBe('#/models/am1?version=amv-1'));
  });

  it('keeps a refused control in its dialog', async () => {
    const models = memoryApi([adaptiveModel()]);
    const adaptive = memoryAdaptiveApi(adaptiveStatus(), {
      reset: async () => {
        throw new ApiError('Version 1 is retired: it can no longer be reset.', 'INVALID_STATE');
      },
    });
    show(<ModelsScreen user={admin} modelId="am1" api={models.api} adaptiveApi={adaptive.api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Reset…' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/Reason/), { target: { value: 'why not' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reset' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('Version 1 is retired');
    expect(screen.getByText('Learning · snapshot c3c3c3c3')).toBeTruthy();
  });
});
