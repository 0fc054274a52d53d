import { ApiError } from '../api/client';
import { errorMessage } from './error-message';

describe('errorMessage', () => {
  it('turns the API error codes into sentences, never JSON', () => {
    expect(
      errorMessage(
        new ApiError('This operation needs one of the roles: reviewer.', 'FORBIDDEN', undefined, {
          code: 'FORBIDDEN',
          requiredRoles: ['reviewer'],
        }),
      ),
    ).toBe('You are not allowed to do this: it needs the reviewer role.');
    expect(
      errorMessage(
        new ApiError('Version 2 is DRAFT. Allowed now: submit, clone.', 'INVALID_STATE', undefined, {
          code: 'INVALID_STATE',
          allowed: ['submit', 'clone'],
        }),
      ),
    ).toBe('Version 2 is DRAFT. What can be done now: submit, clone.');
    expect(
      errorMessage(
        new ApiError('Version 2 is RETIRED. Nothing is allowed in this state.', 'INVALID_STATE', undefined, {
          allowed: [],
        }),
      ),
    ).toBe('Version 2 is RETIRED. Nothing can be done with it in this state.');
    expect(errorMessage(new ApiError('The version was saved by someone else.', 'CONFLICT'))).toMatch(
      /^Someone changed this in the meantime: .* Reload to see the latest\.$/,
    );
    expect(
      errorMessage(
        new ApiError('The input is invalid', 'VALIDATION_FAILED', [
          { field: 'comment', message: 'comment must not be empty' },
          { field: 'x', message: 'x is wrong' },
        ]),
      ),
    ).toBe('This cannot be accepted: comment must not be empty; x is wrong.');
    expect(errorMessage(new Error('boom'))).toBe('boom');
    expect(errorMessage('??')).toBe('Something went wrong.');
  });
});
