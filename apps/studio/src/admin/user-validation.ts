import type { NewUser } from './admin-api';

export const MIN_PASSWORD = 12;

export type NewUserErrors = Partial<Record<'email' | 'displayName' | 'password', string>>;

/** What must be fixed before a user can be created (the server checks the same). */
export function newUserErrors(input: NewUser): NewUserErrors {
  const errors: NewUserErrors = {};
  const email = input.email.trim();
  if (!email) errors.email = 'Enter the email address the person signs in with.';
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    errors.email = 'This is not an email address, e.g. ana@example.com.';
  if (!input.displayName.trim()) errors.displayName = 'Enter the name others see, e.g. Ana Silva.';
  if (input.password.length < MIN_PASSWORD)
    errors.password = `At least ${MIN_PASSWORD} characters (${input.password.length} so far).`;
  return errors;
}

/** Allowed, but worth a second look: a user without roles signs in to an empty studio. */
export function newUserWarning(input: NewUser): string | undefined {
  return input.roles.length === 0
    ? 'Without a role this user can sign in but sees nothing. Choose at least one role (you can change them later).'
    : undefined;
}
