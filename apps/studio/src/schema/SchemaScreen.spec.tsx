/** @jest-environment jsdom */
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { DefineSchemaFieldInput } from '../api/generated/graphql';
import { ApiError } from '../api/client';
import type { ChangeImpact } from '../catalog/change-impact';
import { admin, analyst, designer } from '../test-support/session-users';
import type { FairnessSettingsApi, FairnessThresholds } from './fairness-settings-api';
import type { DeclaredFields, SchemaApi, SchemaField } from './schema-api';
import { SchemaScreen } from './SchemaScreen';

const field = (
  scope: 'customer' | 'context',
  name: string,
  over: Partial<SchemaField> = {},
): SchemaField => ({
  scope,
  name,
  type: 'string',
  label: null,
  description: null,
  allowedValues: null,
  personal: false,
  protected: false,
  ...over,
});

const NO_IMPACT: ChangeImpact = { refused: false, refusal: null, impacts: [] };
const BREAKS: ChangeImpact = {
  refused: true,
  refusal: 'This change would break a version that is approved or published, so nothing was changed: …',
  impacts: [
    {
      strategyName: 'Adults only',
      versionId: 'v1',
      versionNumber: 1,
      status: 'PUBLISHED',
      effect: 'BREAKS',
      message:
        "Adults only version 1 (published) reads customer.age, and its type would change from number to string, so callers' values would no longer fit",
    },
    {
      strategyName: 'Adults only',
      versionId: 'v2',
      versionNumber: 2,
      status: 'DRAFT',
      effect: 'FOLLOWS',
      message:
        'Adults only version 2 (draft) takes the change: customer field \'age\': type "number" → "string"',
    },
  ],
};

function fakeApi() {
  const declared: DeclaredFields = {
    customer: [
      field('customer', 'age', { type: 'number', personal: true }),
      field('customer', 'segment', { allowedValues: ['gold', 'silver'] }),
    ],
    context: [field('context', 'channel', { allowedValues: ['web', 'app'] })],
  };
  const defined: DefineSchemaFieldInput[] = [];
  const removed: string[] = [];
  const protectedNow: string[] = [];
  const api: SchemaApi & { defined: typeof defined; removed: typeof removed; protectedNow: string[] } = {
    defined,
    removed,
    protectedNow,
    impact: async () => NO_IMPACT,
    setProtected: async (scope, name, value) => {
      protectedNow.push(`${scope}.${name} ${value}`);
      return { ...declared[scope].find((f) => f.name === name)!, protected: value };
    },
    load: async () => declared,
    define: async (input) => {
      defined.push(input);
      return field(input.scope, input.name, {
        type: input.type,
        label: input.label ?? null,
        allowedValues: input.allowedValues,
        personal: !!input.personal,
      });
    },
    remove: async (scope, name) => {
      removed.push(`${scope}.${name}`);
    },
  };
  return api;
}

describe('SchemaScreen', () => {
  it('lists customer and context fields with their types, allowed values and personal data', async () => {
    render(<SchemaScreen user={designer} api={fakeApi()} />);
    const customer = await screen.findByRole('region', { name: 'Customer fields' });
    expect(within(customer).getByText('customer.age')).toBeTruthy();
    expect(within(customer).getByText('personal').getAttribute('title')).toBe(
      'Personal data: never logged, masked in exports',
    );
    expect(within(customer).getByText('silver')).toBeTruthy();
    expect(
      within(screen.getByRole('region', { name: 'Context fields' })).getByText('context.channel'),
    ).toBeTruthy();
  });

  it('adds a field with allowed values typed to the field', async () => {
    const api = fakeApi();
    render(<SchemaScreen user={designer} api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Add customer field' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a customer field' });
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'score' } });
    fireEvent.change(within(dialog).getByLabelText('Type'), { target: { value: 'number' } });
    const values = within(dialog).getByLabelText('Allowed values');
    fireEvent.change(values, { target: { value: 'high' } });
    fireEvent.keyDown(values, { key: 'Enter' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add field' }));
    expect(
      await within(dialog).findByText('Allowed values: "high" is not a number: a number field takes numbers'),
    ).toBeTruthy();
    expect(api.defined).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove high' }));
    fireEvent.change(values, { target: { value: '3' } });
    fireEvent.keyDown(values, { key: 'Enter' });
    fireEvent.click(within(dialog).getByRole('switch', { name: /Personal data/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add field' }));
    expect(await screen.findByText('Saved customer.score.')).toBeTruthy();
    expect(api.defined).toEqual([
      {
        scope: 'customer',
        name: 'score',
        type: 'number',
        label: null,
        description: null,
        allowedValues: [3],
        personal: true,
        protected: false,
      },
    ]);
    expect(screen.getByText('customer.score')).toBeTruthy();
  });

  it('shows before saving which strategy versions a change would break, and that it will be refused', async () => {
    const api = fakeApi();
    const asked: DefineSchemaFieldInput[] = [];
    api.impact = async (input) => (asked.push(input), BREAKS);
    render(<SchemaScreen user={designer} api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit customer.age' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit customer.age' });
    fireEvent.change(within(dialog).getByLabelText('Type'), { target: { value: 'string' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save field' }));
    const impact = await within(dialog).findByRole('region', { name: 'Strategies this change affects' });
    expect(within(impact).getByRole('alert').textContent).toMatch(
      /^Saving will be refused: customer\.age is read by a published or approved version/,
    );
    expect(
      within(impact)
        .getByText(/^Would break — ‘Adults only’ v1:/)
        .closest('li')!.textContent,
    ).toContain('its type would change from number to string');
    expect(within(impact).getByText(/^Takes the change — ‘Adults only’ v2:/)).toBeTruthy();
    expect((within(dialog).getByRole('button', { name: 'Save anyway' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect(asked).toEqual([expect.objectContaining({ scope: 'customer', name: 'age', type: 'string' })]);
    expect(api.defined).toEqual([]);
  });

  it('saves a change some versions read once the designer has seen them', async () => {
    const api = fakeApi();
    api.impact = async () => ({
      ...BREAKS,
      refused: false,
      refusal: null,
      impacts: [{ ...BREAKS.impacts[1]! }],
    });
    render(<SchemaScreen user={designer} api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit customer.age' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit customer.age' });
    fireEvent.click(within(dialog).getByRole('switch', { name: /Protected attribute/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save field' }));
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Save anyway' }));
    expect(await screen.findByText('Saved customer.age.')).toBeTruthy();
    expect(api.defined).toEqual([expect.objectContaining({ name: 'age', protected: true })]);
  });

  it('lets an admin mark a field protected and set the fairness thresholds, but not edit fields', async () => {
    const api = fakeApi();
    const saved: FairnessThresholds[] = [];
    const fairness: FairnessSettingsApi = {
      load: async () => ({ ratioFloor: 0.8, minGroupSize: 30 }),
      save: async (input) => (saved.push(input), input),
    };
    render(<SchemaScreen user={admin} api={api} fairnessApi={fairness} />);
    expect(
      ((await screen.findByRole('button', { name: 'Edit customer.age' })) as HTMLButtonElement).disabled,
    ).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Protect customer.segment' }));
    expect(
      await screen.findByText('customer.segment is protected: simulations report the fairness check for it.'),
    ).toBeTruthy();
    expect(api.protectedNow).toEqual(['customer.segment true']);
    const row = screen.getByText('customer.segment').closest('tr')!;
    expect(within(row).getByText('protected')).toBeTruthy();
    // Context fields describe the request, not a person: nothing to mark.
    expect(screen.queryByRole('button', { name: 'Protect context.channel' })).toBeNull();

    const panel = screen.getByRole('region', { name: 'Fairness check thresholds' });
    const floor = await within(panel).findByLabelText('Ratio floor');
    expect((floor as HTMLInputElement).value).toBe('0.8');
    fireEvent.change(floor, { target: { value: '1.5' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Save thresholds' }));
    expect(within(panel).getByText('Ratio floor must be more than 0 and at most 1')).toBeTruthy();
    expect(saved).toEqual([]);
    fireEvent.change(floor, { target: { value: '0,75' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Save thresholds' }));
    expect(
      await within(panel).findByText(/^Saved: every fairness check is judged with these thresholds/),
    ).toBeTruthy();
    expect(saved).toEqual([{ ratioFloor: 0.75, minGroupSize: 30 }]);
  });

  it('shows the thresholds to admins only', async () => {
    render(<SchemaScreen user={designer} api={fakeApi()} />);
    await screen.findByRole('region', { name: 'Customer fields' });
    expect(screen.queryByRole('region', { name: 'Fairness check thresholds' })).toBeNull();
  });

  it('shows a server error as a sentence and keeps the form', async () => {
    const api = fakeApi();
    api.define = async () => {
      throw new ApiError('This operation needs one of the roles: designer.', 'FORBIDDEN', undefined, {
        requiredRoles: ['designer'],
      });
    };
    render(<SchemaScreen user={designer} api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit context.channel' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit context.channel' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save field' }));
    expect(
      await within(dialog).findByText(
        'Not saved: You are not allowed to do this: it needs the designer role.',
      ),
    ).toBeTruthy();
    expect(within(dialog).getByText('web')).toBeTruthy();
  });

  it('removes a field after confirmation', async () => {
    const api = fakeApi();
    render(<SchemaScreen user={designer} api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove customer.segment' }));
    fireEvent.click(
      within(screen.getByRole('dialog', { name: 'Remove customer.segment?' })).getByRole('button', {
        name: 'Remove field',
      }),
    );
    expect(await screen.findByText('Removed customer.segment.')).toBeTruthy();
    expect(api.removed).toEqual(['customer.segment']);
    expect(screen.queryByText('customer.segment')).toBeNull();
  });

  it('is read-only for an analyst, with the reason', async () => {
    render(<SchemaScreen user={analyst} api={fakeApi()} />);
    const add = (await screen.findByRole('button', { name: 'Add customer field' })) as HTMLButtonElement;
    expect(add.disabled).toBe(true);
    expect(add.title).toBe('Only designers change the customer schema.');
    expect((screen.getByRole('button', { name: 'Remove customer.age' }) as HTMLButtonElement).title).toBe(
      'Only designers change the customer schema.',
    );
    expect(screen.getByText('Read-only: Only designers change the customer schema.')).toBeTruthy();
  });
});
