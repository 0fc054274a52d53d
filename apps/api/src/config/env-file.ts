import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

/**
 * Reads a `.env` file (default: the working directory's) into the process environment, as
 * `.env.example` promises. Variables already set in the environment win over the file, so a
 * deployment's own settings are never replaced by a forgotten file.
 */
export function loadEnvFile(path = '.env'): NodeJS.ProcessEnv {
  if (existsSync(path)) {
    for (const [name, value] of Object.entries(parseEnv(readFileSync(path, 'utf8')))) {
      if (process.env[name] === undefined) process.env[name] = value;
    }
  }
  return process.env;
}
