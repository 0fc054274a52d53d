// `npm run create-admin -- --email ana@example.com --name "Ana Lopez" [--password-stdin]`: creates an
// admin in DATABASE_URL (migrations applied first), e.g. the first one of a production installation.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { weakPasswordReason } from '../auth/password-strength';
import { Role } from '../auth/roles';
import { AppError } from '../common/errors';
import { ConfigError, loadConfig, type AppConfig } from '../config/app-config';
import { CommandError, runCommand } from '../config/run-command';
import { loadEnvFile } from '../config/env-file';
import { ConfigModule } from '../config/config.module';
import { dataSourceOptions } from './data-source-options';
import { createUserSchema } from '../users/dto/user.inputs';
import { UsersModule } from '../users/users.module';
import { UsersService } from '../users/users.service';

const USAGE = `Usage: npm run create-admin -- --email <email> [--name <display name>] [--password-stdin]
  Creates an admin in DATABASE_URL. Without --password-stdin a strong password is generated and
  printed once; with it, the first line of standard input is the password (at least 12 characters,
  not easy to guess). AUDIT_HMAC_SECRET must be the API's, since the creation is audited.`;

/** Users and audit only: no HTTP, no GraphQL, no jobs. Migrations run first, so a fresh database works. */
@Module({})
class CreateAdminModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: CreateAdminModule,
      imports: [
        ConfigModule.register(config),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config), migrationsRun: true }),
        UsersModule,
      ],
    };
  }
}

interface Options {
  email: string;
  name: string;
  passwordFromStdin: boolean;
}

function readOptions(argv: string[]): Options {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        'password-stdin': { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new CommandError(`${(error as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (!values.email) throw new CommandError(`--email is required.\n${USAGE}`);
  return {
    email: values.email,
    name: values.name ?? values.email.split('@')[0]!,
    passwordFromStdin: values['password-stdin'] ?? false,
  };
}

async function readFirstLine(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

async function main(): Promise<number> {
  const options = readOptions(process.argv.slice(2));
  const config = loadConfig({ LOG_LEVEL: 'warn', ...loadEnvFile() });
  const problems: string[] = [];
  if (!config.database.url)
    problems.push('DATABASE_URL: is required (the quick start has its demo admin already)');
  if (config.audit.secretGenerated)
    problems.push(
      'AUDIT_HMAC_SECRET: is required, with the API’s value: the new admin’s audit entry is signed with it',
    );
  if (problems.length) throw new ConfigError(problems);

  const password = options.passwordFromStdin
    ? await readFirstLine(process.stdin)
    : randomBytes(18).toString('base64url');
  const input = createUserSchema.safeParse({
    email: options.email,
    displayName: options.name,
    password,
    roles: [Role.admin],
  });
  if (!input.success) {
    const issue = input.error.issues[0]!;
    const field =
      { email: '--email', displayName: '--name', password: 'the password' }[String(issue.path[0])] ??
      String(issue.path[0]);
    throw new CommandError(`${field}: ${issue.message}`);
  }
  const weak = weakPasswordReason(password, [input.data.email, input.data.displayName]);
  if (weak)
    throw new CommandError(
      `The password ${weak}; choose another (or leave out --password-stdin to have one generated).`,
    );

  const app = await NestFactory.createApplicationContext(CreateAdminModule.register(config), {
    logger: ['error'],
  });
  try {
    const users = app.get(UsersService);
    const existing = await users.findByEmail(input.data.email);
    if (existing) return reportExisting(existing);
    const comment = `created with the create-admin command by ${userInfo().username}@${hostname()}`;
    let user;
    try {
      user = await users.create(null, input.data, comment);
    } catch (error) {
      // Another run created the same email in between: the same answer as when it existed before.
      const raced =
        error instanceof AppError && error.code === 'CONFLICT' && (await users.findByEmail(input.data.email));
      if (raced) return reportExisting(raced);
      throw error;
    }
    console.log(
      `Created the admin ${user.email} (${user.displayName}, id ${user.id}); the audit log has the entry.`,
    );
    if (!options.passwordFromStdin)
      console.log(`Password (shown only now; keep it in a password manager): ${password}`);
    return 0;
  } finally {
    await app.close();
  }
}

/** Running the command again is safe: an existing admin is left as it is, password included. */
function reportExisting(user: { email: string; roles: readonly Role[]; active: boolean }): number {
  if (user.active && user.roles.includes(Role.admin)) {
    console.log(`${user.email} is an admin already; nothing changed (the password neither).`);
    return 0;
  }
  console.error(
    `${user.email} exists but is ${user.active ? 'not an admin' : 'deactivated'}; nothing changed. An admin can ${user.active ? 'give them the admin role' : 'reactivate them'} in the studio (Users).`,
  );
  return 1;
}

runCommand(main);
