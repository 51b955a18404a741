import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { backup, restore } from '../db/backup.ts';
import { CopyError } from '../db/copy.ts';
import { EmbeddedDatabaseError, isPgliteFolder } from '../db/embedded.ts';
import { migrationsFolder } from '../db/migrate.ts';
import { upgradePgliteFolder } from '../db/upgrade-pglite.ts';
import { ConfigError, loadEnv, type Env } from '../env.ts';
import { ApiError } from '../errors.ts';
import { demo, orgCreate, tokenCreate, tokenRevoke, userAdd, type UserWithToken } from './admin-commands.ts';
import { withDatabase } from './database.ts';
import { CliError, printer, type CliIo, type Printer } from './io.ts';
import { serve } from './serve.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

interface Command {
  usage: string;
  summary: string;
  options: Options;
  /** Positional arguments: exact count, or [min, max]. */
  positionals: [number, number];
  /** Returns the exit code, or 'running' when the process must stay up (serve). */
  run(args: { values: Record<string, string | boolean | undefined>; positionals: string[]; env: Env; out: Printer; io: CliIo }): Promise<number | 'running'>;
}

const str = (value: string | boolean | undefined) => (typeof value === 'string' ? value : undefined);

function required(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = str(values[name]);
  if (value === undefined || value.trim() === '') throw new CliError(`--${name} is required`);
  return value;
}

const userLine = ({ user, token, password }: UserWithToken) =>
  `  ${user.role.padEnd(8)} ${user.email.padEnd(34)} ${token}${password === undefined ? '' : `\n  ${''.padEnd(8)} ${'console password:'.padEnd(34)} ${password}`}`;

const commands: Record<string, Command> = {
  serve: {
    usage: 'serve [--port <n>] [--host <address>]',
    summary: 'start the API (PORT/HOST from the environment by default)',
    options: { port: { type: 'string' }, host: { type: 'string' } },
    positionals: [0, 0],
    async run({ values, env, out, io }) {
      const port = str(values.port);
      const host = str(values.host);
      const merged = loadEnv({ ...io.env, ...(port === undefined ? {} : { PORT: port }), ...(host === undefined ? {} : { HOST: host }) });
      await serve({ ...env, port: merged.port, host: merged.host }, out, io);
      return 'running';
    },
  },
  migrate: {
    usage: 'migrate',
    summary: 'apply pending database migrations',
    options: {},
    positionals: [0, 0],
    async run({ env, out, io }) {
      let upgraded: Awaited<ReturnType<typeof upgradePgliteFolder>> | null = null;
      if (!env.databaseUrl && isPgliteFolder(env.dataDir)) {
        // A folder from before the embedded PostgreSQL: copy it over (progress on stderr, so --json stays one value).
        upgraded = await upgradePgliteFolder(env.dataDir, (line) => io.stderr(`${line}\n`));
      }
      await withDatabase(env, async (database) => {
        const upgrade = upgraded ? { upgradedFromPglite: { keptAt: upgraded.keptAt, tables: upgraded.tables } } : {};
        const rows = upgraded?.tables.reduce((sum, t) => sum + t.rows, 0) ?? 0;
        out.result(
          { migrated: true, database: database.kind, migrationsFolder, ...upgrade },
          upgraded
            ? `Migrations applied (${database.kind}). Upgraded from PGlite: ${rows} rows in ${upgraded.tables.length} tables, every count verified. The old folder is ${upgraded.keptAt}: delete it once you are happy.`
            : `Migrations applied (${database.kind}).`,
        );
      });
      return 0;
    },
  },
  backup: {
    usage: 'backup <file>',
    summary: 'write every table to <file> (gzip JSON lines, one consistent snapshot; safe while Baton runs)',
    options: {},
    positionals: [1, 1],
    async run({ positionals, env, out, io }) {
      const file = resolve(io.env.INIT_CWD ?? process.cwd(), positionals[0] ?? '');
      const tables = await withDatabase(env, (database) => backup(database.url, file, (line) => io.stderr(`${line}\n`)));
      const rows = tables.reduce((sum, t) => sum + t.rows, 0);
      out.result({ file, tables }, `Backed up ${rows} rows in ${tables.length} tables to ${file}.`);
      return 0;
    },
  },
  restore: {
    usage: 'restore <file> [--replace]',
    summary: 'load a backup into the database (refuses a database that holds data unless --replace)',
    options: { replace: { type: 'boolean' } },
    positionals: [1, 1],
    async run({ values, positionals, env, out, io }) {
      const file = resolve(io.env.INIT_CWD ?? process.cwd(), positionals[0] ?? '');
      const tables = await withDatabase(env, (database) =>
        restore(database.url, file, { replace: values.replace === true }, (line) => io.stderr(`${line}\n`)),
      );
      const rows = tables.reduce((sum, t) => sum + t.rows, 0);
      out.result({ file, tables }, `Restored ${rows} rows in ${tables.length} tables from ${file}; every count matches the backup.`);
      return 0;
    },
  },
  'org create': {
    usage: 'org create <name>',
    summary: 'create an organisation',
    options: {},
    positionals: [1, 1],
    async run({ positionals, env, out }) {
      const org = await withDatabase(env, (database) => orgCreate(database.db, positionals[0] ?? ''));
      out.result(org, `Created the organisation "${org.name}" (${org.id}).`);
      return 0;
    },
  },
  'user add': {
    usage: 'user add --org <id|name> --email <email> --name <name> --role <sdr|ae|csm|marketing|manager|admin>',
    summary: 'add a user to an organisation and print their first token',
    options: { org: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
    positionals: [0, 0],
    async run({ values, env, out }) {
      const input = { org: required(values, 'org'), email: required(values, 'email'), name: required(values, 'name'), role: required(values, 'role') };
      const added = await withDatabase(env, (database) => userAdd(database.db, input));
      out.result(added, `Added ${added.user.email} (${added.user.role}). Their token, shown once:\n${added.token}`);
      return 0;
    },
  },
  'token create': {
    usage: 'token create --user <email> [--org <id|name>]',
    summary: 'create a token for a user (shown once; only its hash is stored)',
    options: { user: { type: 'string' }, org: { type: 'string' } },
    positionals: [0, 0],
    async run({ values, env, out }) {
      const input = { user: required(values, 'user'), org: str(values.org) };
      const created = await withDatabase(env, (database) => tokenCreate(database.db, input));
      out.result(created, `A token for ${created.user.email}, shown once:\n${created.token}`);
      return 0;
    },
  },
  'token revoke': {
    usage: 'token revoke <token> | token revoke --user <email> [--org <id|name>]',
    summary: 'revoke one token, or every token of a user',
    options: { user: { type: 'string' }, org: { type: 'string' } },
    positionals: [0, 1],
    async run({ values, positionals, env, out }) {
      const input = { token: positionals[0], user: str(values.user), org: str(values.org) };
      const result = await withDatabase(env, (database) => tokenRevoke(database.db, input));
      out.result(result, `Revoked ${result.revoked} token${result.revoked === 1 ? '' : 's'}.`);
      return 0;
    },
  },
  demo: {
    usage: 'demo',
    summary: 'create a demo organisation with an SDR, an AE, a CSM and a manager, and print their tokens and console passwords',
    options: {},
    positionals: [0, 0],
    async run({ env, out }) {
      const created = await withDatabase(env, (database) => demo(database.db));
      out.result(created.users, [`Created "${created.org.name}" (${created.org.id}). Tokens and console passwords, shown once:`, ...created.users.map(userLine)].join('\n'));
      return 0;
    },
  },
};

function helpText(): string {
  const lines = Object.values(commands).map((c) => `  ${c.usage}\n      ${c.summary}`);
  return [
    'Usage: pnpm baton <command> [options]',
    '',
    'Commands:',
    ...lines,
    // Runs in the page-readers package (scripts/baton.mjs sends it there), not in the API.
    '  doctor <saved-page.html | support-report.txt> [--url <page URL>]',
    "      print what the extension's Gmail/LinkedIn readers see in a saved page or a support report",
    '',
    'Every command takes --json (machine-readable output) and --help.',
    'Storage: the embedded PostgreSQL in BATON_DATA_DIR (default .baton/data), or DATABASE_URL=postgres://…',
  ].join('\n');
}

function findCommand(argv: string[]): { name: string; command: Command; rest: string[] } | null {
  const words = argv.filter((arg) => !arg.startsWith('-')).slice(0, 2);
  for (const name of [words.join(' '), words[0] ?? '']) {
    const command = commands[name];
    if (!command) continue;
    const rest = [...argv];
    for (const word of name.split(' ')) rest.splice(rest.indexOf(word), 1);
    return { name, command, rest };
  }
  return null;
}

/** Runs one CLI invocation; returns the exit code, or 'running' while a server keeps going. */
export async function runCli(argv: string[], io: CliIo): Promise<number | 'running'> {
  const json = argv.includes('--json');
  const found = findCommand(argv);
  if (!found) {
    if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
      io.stdout(`${helpText()}\n`);
      return 0;
    }
    io.stderr(`Unknown command: ${argv.filter((a) => !a.startsWith('-')).join(' ') || argv.join(' ')}\n\n${helpText()}\n`);
    return 1;
  }
  const { name, command, rest } = found;
  try {
    const parsed = parseArgs({
      args: rest,
      options: { ...command.options, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if (parsed.values.help) {
      io.stdout(`Usage: pnpm baton ${command.usage}\n  ${command.summary}\n  --json  machine-readable output\n`);
      return 0;
    }
    const [min, max] = command.positionals;
    if (parsed.positionals.length < min || parsed.positionals.length > max) {
      throw new CliError(`Usage: pnpm baton ${command.usage}`);
    }
    const env = loadEnv(io.env);
    return await command.run({ values: parsed.values, positionals: parsed.positionals, env, out: printer(io, json), io });
  } catch (error) {
    io.stderr(`${describeError(error, name)}\n`);
    return 1;
  }
}

function describeError(error: unknown, name: string): string {
  if (error instanceof CliError || error instanceof ConfigError || error instanceof EmbeddedDatabaseError || error instanceof CopyError) return error.message;
  if (error instanceof ApiError) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    return `${(error as Error).message}\nUsage: pnpm baton ${commands[name]?.usage ?? name}`;
  }
  if (code === 'ECONNREFUSED') return `Cannot reach the PostgreSQL server in DATABASE_URL: ${(error as Error).message}`;
  return `baton ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}
