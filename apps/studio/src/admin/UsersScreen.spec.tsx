/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ApiError } from '../api/client';
import type { Role } from '../api/generated/graphql';
import { admin as me } from '../test-support/session-users';
import type { NewUser, User, UsersApi } from './admin-api';
import { UsersScreen } from './UsersScreen';

const person = (id: string, displayName: string, roles: Role[]): User => ({
  id,
  displayName,
  email: `${displayName.split(' ')[0]!.toLowerCase()}@arbiter.local`,
  roles,
  active: true,
  createdAt: '2026-11-20T10:00:00.000Z',
});

function memoryApi() {
  const users = [person('u-admin', 'Ada Admin', ['admin']), person('u-dan', 'Dan Designer', ['designer'])];
  const calls: { setRoles: [string, Role[]][]; created: NewUser[] } = { setRoles: [], created: [] };
  const api: UsersApi = {
    page: async () => ({ users: users.map((u) => ({ ...u })) }),
    create: async (input) => {
      calls.created.push(input);
      if (input.email === 'dan@arbiter.local')
        throw new ApiError('A user with the email dan@arbiter.local exists already.', 'CONFLICT');
      const user = { ...person(`u${users.length}`, input.displayName, input.roles), email: input.email };
      users.push(user);
      return user;
    },
    setRoles: async (userId, roles) => {
      calls.setRoles.push([userId, roles]);
      if (userId === 'u-admin' && !roles.includes('admin')) {
        throw new ApiError(
          'At least one active admin must remain, or nobody could manage users any more.',
          'INVALID_STATE',
          undefined,
          { allowed: ['make another user admin first'] },
        );
      }
      const user = users.find((u) => u.id === userId)!;
      user.roles = roles;
      return { ...user };
    },
    setActive: async (userId, active) => {
      const user = users.find((u) => u.id === userId)!;
      user.active = active;
      return { ...user };
    },
  };
  return { api, calls };
}

describe('UsersScreen', () => {
  it('explains every role and changes roles with the checkboxes', async () => {
    const { api, calls } = memoryApi();
    render(<UsersScreen user={me} api={api} />);
    const legend = within(screen.getByLabelText('What each role allows'));
    expect(legend.getByText('reviewer').nextSibling?.textContent).toBe(
      'approves or rejects versions in review',
    );
    const analyst = await screen.findByLabelText('analyst role for Dan Designer');
    fireEvent.click(analyst);
    await screen.findByText('Dan Designer is now analyst.');
    expect(calls.setRoles).toEqual([['u-dan', ['designer', 'analyst']]]);
    expect((screen.getByLabelText('analyst role for Dan Designer') as HTMLInputElement).checked).toBe(true);
  });

  it('says in a sentence why the last admin keeps the admin role', async () => {
    const { api } = memoryApi();
    render(<UsersScreen user={me} api={api} />);
    fireEvent.click(await screen.findByLabelText('admin role for Ada Admin'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'Ada Admin: At least one active admin must remain, or nobody could manage users any more. What can be done now: make another user admin first.',
    );
    expect((screen.getByLabelText('admin role for Ada Admin') as HTMLInputElement).checked).toBe(true);
  });

  it('deactivates and activates a user, but not oneself', async () => {
    const { api } = memoryApi();
    render(<UsersScreen user={me} api={api} />);
    expect(
      (await screen.findByRole('button', { name: 'Deactivate Ada Admin' })).hasAttribute('disabled'),
    ).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Deactivate Dan Designer' }));
    await screen.findByText(/Dan Designer is deactivated/);
    expect(screen.getByText('Dan Designer').closest('tr')!.className).toContain('row-revoked');
    fireEvent.click(screen.getByRole('button', { name: 'Activate Dan Designer' }));
    await screen.findByText('Dan Designer can sign in again.');
  });

  it('checks a new user before creating it', async () => {
    const { api, calls } = memoryApi();
    render(<UsersScreen user={me} api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'New user' }));
    const form = screen.getByRole('form', { name: 'New user' });
    fireEvent.change(within(form).getByLabelText('Email'), { target: { value: 'ana@' } });
    fireEvent.change(within(form).getByLabelText('First password'), { target: { value: 'short' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create user' }));
    expect(within(form).getByText('This is not an email address, e.g. ana@example.com.')).toBeTruthy();
    expect(within(form).getByText('Enter the name others see, e.g. Ana Silva.')).toBeTruthy();
    expect(within(form).getByText('At least 12 characters (5 so far).')).toBeTruthy();
    expect(calls.created).toEqual([]);

    fireEvent.change(within(form).getByLabelText('Email'), { target: { value: 'ana@arbiter.local' } });
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Ana Analyst' } });
    fireEvent.change(within(form).getByLabelText('First password'), {
      target: { value: 'long enough pass' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Create user' }));
    // Without a role: a warning first, then it can be created anyway.
    expect(within(form).getByText(/Without a role this user can sign in but sees nothing/)).toBeTruthy();
    expect(calls.created).toEqual([]);
    fireEvent.click(within(form).getByLabelText(/analyst/));
    fireEvent.click(within(form).getByRole('button', { name: 'Create user' }));
    await screen.findByText('Ana Analyst can now sign in as ana@arbiter.local.');
    expect(calls.created).toEqual([
      {
        email: 'ana@arbiter.local',
        displayName: 'Ana Analyst',
        password: 'long enough pass',
        roles: ['analyst'],
      },
    ]);
    expect(screen.getByLabelText('analyst role for Ana Analyst')).toBeTruthy();
  });

  it('says when the email is in use already', async () => {
    const { api } = memoryApi();
    render(<UsersScreen user={me} api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'New user' }));
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'dan@arbiter.local' } });
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Dan again' } });
    fireEvent.change(screen.getByLabelText('First password'), { target: { value: 'long enough pass' } });
    fireEvent.click(screen.getByLabelText(/designer/, { selector: 'form input' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create user' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'A user with the email dan@arbiter.local exists already.',
      ),
    );
  });
});
