type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export type Logger = Record<Level, (message: string, fields?: Record<string, unknown>) => void>;

/** Structured JSON lines on stdout (errors on stderr), one object per event. */
export function createLogger(level: Level | 'silent', write = defaultWrite): Logger {
  const make = (at: Level) => (message: string, fields: Record<string, unknown> = {}) => {
    if (order[at] < order[level]) return;
    write(at, JSON.stringify({ level: at, time: new Date().toISOString(), msg: message, ...fields }));
  };
  return { debug: make('debug'), info: make('info'), warn: make('warn'), error: make('error') };
}

function defaultWrite(level: Level, line: string) {
  (level === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
}

/**
 * What a log line may say about an error: for a failed query the statement (with its $n
 * placeholders), the SQLSTATE and the constraint, never the parameter values or the database's
 * message and detail, which quote them (emails, bodies). Stack frames are kept, the message
 * line that repeats the values is not.
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: typeof error === 'string' ? error : 'non-Error thrown' };
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).join('\n');
  if (error.name === 'DrizzleQueryError' || 'query' in error) {
    // drizzle wraps the driver's error in cause; a prepared statement (lib/prepared.ts) throws the driver's own.
    const cause = (error.cause ?? error) as { code?: unknown; constraint_name?: unknown; constraint?: unknown; name?: unknown };
    const code = typeof cause.code === 'string' ? cause.code : undefined;
    const constraint = typeof cause.constraint_name === 'string' ? cause.constraint_name : typeof cause.constraint === 'string' ? cause.constraint : undefined;
    const query: unknown = (error as { query?: unknown }).query;
    const statement = typeof query === 'string' ? query : undefined;
    return { error: 'database query failed', statement, sqlState: code, constraint, stack: frames };
  }
  return { error: `${error.name}: ${error.message}`, stack: frames };
}
