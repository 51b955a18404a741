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
