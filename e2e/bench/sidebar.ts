import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Frame } from '@playwright/test';
import { threadPageHtml, threadUrl, type FixtureThread } from '../fixtures/gmail-thread.ts';
import { RILEY, rileyRollout, TAYLOR, taylorRenewal } from '../fixtures/people.ts';
import { GmailPage } from '../pages/gmail-page.ts';
import { OptionsPage } from '../pages/options-page.ts';
import { apiHttp } from '../support/api-http.ts';
import { ApiServer, seedDemo } from '../support/api-server.ts';
import { CHROMIUM, extensionIdOf, launchWithExtension, prepareExtension } from '../support/extension.ts';
import { freePort } from '../support/free-port.ts';
import { repoRoot } from '../support/paths.ts';
import { GmailServer, routeSites } from '../support/site-routes.ts';
import { contentScriptSizes } from './content-script-size.ts';
import { loadCost, type LoadCost } from './load-cost.ts';
import { compareTraces, traceLoad, type LoadTrace } from './load-trace.ts';
import { installBriefProbe, switchThread } from './switch-probe.ts';
import { percentile, summary } from './stats.ts';

/*
 * `pnpm bench:sidebar`: how fast the sidebar shows a cached brief after a thread switch, how big
 * the content script is, and what it costs the Gmail page at load — against the same page without
 * the extension, in the same run. Prints numbers; docs/benchmarks.md records them.
 */

const SWITCHES = Number(process.env.BENCH_SWITCHES ?? 50);
const LOADS = Number(process.env.BENCH_LOADS ?? 15);
const TRACES = Number(process.env.BENCH_TRACES ?? 5);
const temp = (label: string) => mkdtempSync(join(tmpdir(), `baton-bench-${label}-`));

function build(): void {
  if (process.env.BATON_E2E_SKIP_BUILD === '1') return;
  const result = spawnSync('pnpm', ['--filter', '@baton/extension', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('Building the extension failed');
}

function chromiumVersion(): string {
  const out = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout.trim();
  return out.split('\n').pop() ?? 'unknown';
}

async function plainContext(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

async function sidebarFrame(gmail: GmailPage): Promise<Frame> {
  const frame = await (await gmail.sidebar.frameElement.elementHandle())?.contentFrame();
  if (!frame) throw new Error('The sidebar frame is not attached');
  return frame;
}

async function main(): Promise<void> {
  build();
  const dirs: string[] = [];
  const dir = (label: string) => {
    const made = temp(label);
    dirs.push(made);
    return made;
  };
  const dataDir = join(dir('api'), 'data');
  const users = await seedDemo(dataDir);
  const sdrUser = users.find((user) => user.user.role === 'sdr');
  if (!sdrUser) throw new Error('The demo organisation has no SDR');
  const api = new ApiServer({ dataDir, port: await freePort(), logFile: join(dir('log'), 'api.log') });
  await api.start();
  const contexts: BrowserContext[] = [];
  try {
    const sdr = apiHttp(api.url, sdrUser.token);
    for (const [person, company, title] of [
      [RILEY, 'Northwind', 'Northwind support pilot'],
      [TAYLOR, 'Fabrikam', 'Fabrikam renewal'],
    ] as const) {
      const { contact } = await sdr.resolveContact({ emails: [person.email], name: person.name, company });
      await sdr.createDeal({ contactId: contact.id, title });
    }

    const withExtension = await launchWithExtension(dir('profile'), prepareExtension(join(dir('extension'), 'chrome-mv3')));
    contexts.push(withExtension);
    const server = new GmailServer();
    await routeSites(withExtension, server);
    const options = new OptionsPage(await withExtension.newPage(), await extensionIdOf(withExtension));
    await options.open();
    await options.configure(api.url, sdrUser.token);
    await options.expectSignedInAs(sdrUser.user.name);
    await options.page.close();

    // Warm the local cache: each thread opened once, its brief fetched and written through.
    const gmail = new GmailPage(await withExtension.newPage(), server);
    const threads: [FixtureThread, string][] = [
      [rileyRollout, RILEY.name],
      [taylorRenewal, TAYLOR.name],
    ];
    await gmail.open(rileyRollout);
    const frame = await sidebarFrame(gmail);
    await installBriefProbe(frame);
    for (const [thread, name] of [...threads, ...threads]) await switchThread(gmail.page, frame, thread, name);

    const samples = [];
    for (let index = 0; index < SWITCHES; index += 1) {
      const [thread, name] = threads[index % threads.length] ?? threads[0]!;
      samples.push(await switchThread(gmail.page, frame, thread, name));
    }
    await gmail.page.close();

    const plain = await plainContext(dir('plain'));
    contexts.push(plain);
    await routeSites(plain, server);
    server.serveNext(threadPageHtml(taylorRenewal));
    const url = threadUrl(taylorRenewal);
    const costs: { with: LoadCost[]; without: LoadCost[] } = { with: [], without: [] };
    for (let index = 0; index < LOADS; index += 1) {
      // Alternated, so both setups see the same machine state.
      costs.without.push(await loadCost(plain, url, null));
      costs.with.push(await loadCost(withExtension, url, TAYLOR.name));
    }

    const traces: { with: LoadTrace[]; without: LoadTrace[] } = { with: [], without: [] };
    for (let index = 0; index < TRACES; index += 1) {
      traces.without.push(await traceLoad(plain, url, null));
      traces.with.push(await traceLoad(withExtension, url, TAYLOR.name));
    }

    const sizes = contentScriptSizes();
    printReport({ samples, costs, sizes, traces });
  } finally {
    for (const context of contexts) await context.close().catch((error: unknown) => console.error('closing a browser failed:', error));
    await api.dispose();
    for (const made of dirs) rmSync(made, { recursive: true, force: true });
  }
}

function printReport({
  samples,
  costs,
  sizes,
  traces,
}: {
  samples: Awaited<ReturnType<typeof switchThread>>[];
  costs: { with: LoadCost[]; without: LoadCost[] };
  sizes: ReturnType<typeof contentScriptSizes>;
  traces: { with: LoadTrace[]; without: LoadTrace[] };
}): void {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const line = (label: string, values: number[]) => {
    const stats = summary(values);
    console.log(`  ${label.padEnd(34)} p50 ${ms(stats.p50).padStart(9)}  p95 ${ms(stats.p95).padStart(9)}  max ${ms(stats.max).padStart(9)}`);
  };
  console.log(`\nBaton sidebar benchmark — ${new Date().toISOString()}`);
  console.log(`machine: ${process.env.BENCH_MACHINE ?? ''} nproc ${spawnSync('nproc', { encoding: 'utf8' }).stdout.trim()}, memory ${Math.round(Number(spawnSync('awk', ['/MemTotal/ {print $2}', '/proc/meminfo'], { encoding: 'utf8' }).stdout.trim()) / 1024 / 1024)} GiB, ${chromiumVersion()}, Node ${process.version}`);

  console.log(`\nThread switch → brief visible (local cache), ${samples.length} switches:`);
  line('DOM present → sidebar has the thread', samples.map((sample) => sample.threadShown));
  line('DOM present → brief in the DOM', samples.map((sample) => sample.briefInDom));
  line('DOM present → brief painted', samples.map((sample) => sample.briefPainted));
  const p95 = percentile(samples.map((sample) => sample.briefPainted), 95);
  console.log(`  target p95 < 150 ms: ${p95 < 150 ? 'met' : 'MISSED'} (${ms(p95)})`);

  console.log('\nContent script (what runs in the Gmail page):');
  for (const file of sizes.files) console.log(`  ${file.name.padEnd(34)} ${(file.raw / 1024).toFixed(1)} KB raw, ${(file.gzip / 1024).toFixed(1)} KB gzip`);
  console.log(`  target gmail.js < 30 KB gzip: ${sizes.gmailGzip < 30 * 1024 ? 'met' : 'MISSED'}`);

  console.log(`\nGmail page load, main thread (CDP Performance metrics), median of ${costs.with.length} loads each:`);
  const keys = ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration'] as const;
  for (const key of keys) {
    const without = percentile(costs.without.map((cost) => cost[key]), 50);
    const withExt = percentile(costs.with.map((cost) => cost[key]), 50);
    console.log(`  ${key.padEnd(20)} without ${ms(without).padStart(9)}  with ${ms(withExt).padStart(9)}  delta ${ms(withExt - without).padStart(9)}`);
  }
  const added = percentile(costs.with.map((cost) => cost.TaskDuration), 50) - percentile(costs.without.map((cost) => cost.TaskDuration), 50);
  console.log(`  target < 20 ms main-thread time added: ${added < 20 ? 'met' : 'MISSED'} (${ms(added)})`);

  if (traces.with.length > 0) {
    console.log(`\nGmail page load, traced (page renderer's main thread), median of ${traces.with.length} loads each:`);
    for (const row of compareTraces(traces.without, traces.with)) console.log(row);
  }
}

await main();
