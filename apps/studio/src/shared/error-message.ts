import { ApiError } from '../api/client';

/** A server error as a sentence for the reviewer: never raw JSON. */
export function errorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : 'Something went wrong.';
  const details = error.details;
  const ext = error.extensions;
  switch (error.code) {
    case 'FORBIDDEN': {
      const roles = arrayOfStrings(ext.requiredRoles);
      return roles.length
        ? `You are not allowed to do this: it needs the ${roles.join(' or ')} role.`
        : 'You are not allowed to do this.';
    }
    case 'INVALID_STATE': {
      const allowed = arrayOfStrings(ext.allowed);
      const base = error.message.replace(/\s*(Allowed now:.*|Nothing is allowed in this state\.)$/, '');
      return allowed.length
        ? `${base} What can be done now: ${allowed.join(', ')}.`
        : `${base} Nothing can be done with it in this state.`;
    }
    case 'CONFLICT':
      return `Someone changed this in the meantime: ${error.message} Reload to see the latest.`;
    case 'VALIDATION_FAILED': {
      const list = Array.isArray(details) ? details : [];
      const lines = list
        .map((d: unknown) =>
          d && typeof d === 'object' && 'message' in d
            ? String((d as { message: unknown }).message)
            : undefined,
        )
        .filter((m): m is string => !!m);
      return lines.length
        ? `This cannot be accepted: ${lines.slice(0, 3).join('; ')}${lines.length > 3 ? `; and ${lines.length - 3} more` : ''}.`
        : error.message;
    }
    default:
      return error.message;
  }
}

function arrayOfStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
}
