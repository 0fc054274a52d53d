import { ConfigError } from './app-config';

/** A problem the operator can fix (a bad flag, a refused input): printed without a stack trace, exit code 1. */
export class CommandError extends Error {}

/**
 * Runs the `main` of a command-line entry point (`npm run migrate`, `seed`, `create-admin`). When it
 * returns a number the process exits with it; otherwise it ends on its own. A ConfigError or
 * CommandError prints its message alone, any other error prints in full; both exit with 1.
 */
export function runCommand(main: () => Promise<number | void>): void {
  main().then(
    (code) => {
      if (code !== undefined) process.exit(code);
    },
    (error: unknown) => {
      console.error(error instanceof ConfigError || error instanceof CommandError ? error.message : error);
      process.exit(1);
    },
  );
}
