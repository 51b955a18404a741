import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CliError, doctor } from './doctor.ts';

/*
 * `pnpm baton doctor`: the repository's `baton` script hands this one command to the readers
 * package, so the API never loads the page readers or jsdom.
 */

const USAGE = 'Usage: pnpm baton doctor <saved-page.html | support-report.txt> [--url <page URL>]';
const SUMMARY =
  "  prints as JSON what the extension's Gmail/LinkedIn readers see in a saved page,\n" +
  '  or reads back a support report copied from the sidebar';

export async function runDoctorCli(
  argv: string[],
  io: { cwd: string; stdout(text: string): void; stderr(text: string): void },
): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { url: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      io.stdout(`${USAGE}\n${SUMMARY}\n  --json  accepted for symmetry: the report is always JSON\n`);
      return 0;
    }
    if (positionals.length !== 1) throw new CliError(USAGE);
    const report = await doctor(resolve(io.cwd, positionals[0] ?? ''), values.url);
    // The report is for reading and for bug reports alike: always JSON.
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (error instanceof CliError) io.stderr(`${error.message}\n`);
    else if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) io.stderr(`${(error as Error).message}\n${USAGE}\n`);
    else io.stderr(`baton doctor failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}
