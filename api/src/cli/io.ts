/** What a command may touch of the outside world: injected so tests run commands in-process. */
export interface CliIo {
  env: Record<string, string | undefined>;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** A failure the user can act on: printed as-is to stderr, exit code 1. */
export class CliError extends Error {
  override name = 'CliError';
}

export interface Printer {
  json: boolean;
  /** Prints `value` as JSON with --json, otherwise the human-readable `text`. */
  result(value: unknown, text: string): void;
}

export function printer(io: CliIo, json: boolean): Printer {
  return {
    json,
    result(value, text) {
      io.stdout(json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);
    },
  };
}
