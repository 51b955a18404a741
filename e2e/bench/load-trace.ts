import type { BrowserContext } from '@playwright/test';
import { waitForSidebarHeading } from './sidebar-frame.ts';

/*
 * A trace of one page load, reduced to where the Gmail page's main thread spent its time. The
 * Performance counters (load-cost.ts) only say how much; this says on what, so the time the
 * extension adds can be attributed: the content script's compile and run, the frame it embeds,
 * style and layout, or tasks with no script at all (IPC, frame plumbing).
 */

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: Record<string, unknown>;
}

export interface LoadTrace {
  /** Sum of top-level tasks of the page renderer's main thread, from navigation to the end. */
  taskMs: number;
  tasks: number;
  /** Exclusive time by what ran (event name, script URL, or where an unlabelled task was posted from). */
  byKind: Map<string, number>;
  /** The longest tasks and what was inside them. */
  longest: { ms: number; label: string }[];
}

const CATEGORIES = ['toplevel', 'devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline', 'blink.user_timing'].join(',');
const TOP_LEVEL = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/** Where a script event's time belongs: the content script, the page, or the extension. */
function scriptUrl(event: TraceEvent): string | null {
  const data = (event.args?.['data'] ?? event.args?.['beginData']) as { url?: string; fileName?: string } | undefined;
  const url = data?.url ?? data?.fileName ?? '';
  if (url === '') return null;
  if (url.startsWith('chrome-extension://')) return `extension ${new URL(url).pathname}`;
  return `page ${new URL(url).pathname || '/'}`;
}

function label(event: TraceEvent): string {
  if (TOP_LEVEL.has(event.name)) {
    const src = event.args?.['src_func'] ?? event.args?.['src'];
    const file = typeof event.args?.['src_file'] === 'string' ? (event.args['src_file'] as string).split('/').slice(-1)[0] : '';
    return `task posted from ${file ?? ''}:${typeof src === 'string' ? src : '?'}`;
  }
  if (event.name === 'EventDispatch') return `EventDispatch ${String((event.args?.['data'] as { type?: string } | undefined)?.type ?? '?')}`;
  const url = scriptUrl(event);
  return url === null ? event.name : `${event.name} (${url})`;
}

export function analyseTrace(events: TraceEvent[]): LoadTrace {
  const parse = events.find((event) => event.name === 'ParseHTML' && String((event.args?.['beginData'] as { url?: string } | undefined)?.url ?? '').startsWith('https://mail.google.com'));
  if (!parse) throw new Error('The trace has no ParseHTML of the Gmail page');
  const { pid, tid } = parse;
  const start = events.filter((event) => event.pid === pid && event.name === 'navigationStart').map((event) => event.ts).sort((a, b) => a - b)[0] ?? parse.ts - 50_000;
  const thread = events
    .filter((event) => event.pid === pid && event.tid === tid && event.ph === 'X' && event.dur !== undefined && event.ts >= start)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));

  const byKind = new Map<string, number>();
  const add = (key: string, us: number) => byKind.set(key, (byKind.get(key) ?? 0) + us / 1000);
  const tasks: { ms: number; label: string }[] = [];
  let taskMs = 0;
  // A stack walk: each event's exclusive time is its duration minus its direct children's.
  const stack: { event: TraceEvent; end: number; children: number; inner: Map<string, number> }[] = [];
  const close = (upTo: number) => {
    while (stack.length > 0 && (stack[stack.length - 1]?.end ?? 0) <= upTo) {
      const done = stack.pop()!;
      const self = (done.event.dur ?? 0) - done.children;
      add(label(done.event), self);
      const top = stack[0];
      if (top && top !== done) top.inner.set(label(done.event), (top.inner.get(label(done.event)) ?? 0) + self / 1000);
      if (stack.length === 0 && TOP_LEVEL.has(done.event.name)) {
        done.inner.set('(task itself)', self / 1000);
        const inner = [...done.inner.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
        tasks.push({ ms: (done.event.dur ?? 0) / 1000, label: `${label(done.event)} — ${inner.map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join(', ')}` });
      }
    }
  };
  for (const event of thread) {
    close(event.ts);
    const parent = stack[stack.length - 1];
    if (!parent && !TOP_LEVEL.has(event.name)) continue; // outside any task: not main-thread work of a task
    if (parent) parent.children += event.dur ?? 0;
    if (!parent) {
      taskMs += (event.dur ?? 0) / 1000;
    }
    stack.push({ event, end: event.ts + (event.dur ?? 0), children: 0, inner: new Map() });
  }
  close(Number.POSITIVE_INFINITY);
  return { taskMs, tasks: tasks.length, byKind, longest: tasks.sort((a, b) => b.ms - a.ms).slice(0, 8) };
}

/** One fresh load of `url` in a new tab, traced; with the extension, until the sidebar shows `expectName`, then `quietMs`. */
export async function traceLoad(context: BrowserContext, url: string, expectName: string | null, quietMs = 1000): Promise<LoadTrace> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES.split(','), recordMode: 'recordAsMuchAsPossible' }, transferMode: 'ReportEvents' });
    await page.goto(url, { waitUntil: 'load' });
    if (expectName !== null) {
      await waitForSidebarHeading(page, expectName);
    }
    await page.waitForTimeout(quietMs);
    await cdp.send('Tracing.end');
    await complete;
    return analyseTrace(events);
  } finally {
    await page.close();
  }
}

/** Median per kind over several traces, the kinds that differ most between with and without first. */
export function compareTraces(without: LoadTrace[], withExt: LoadTrace[], rows = 25): string[] {
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
  };
  const kinds = new Set([...without, ...withExt].flatMap((trace) => [...trace.byKind.keys()]));
  const table = [...kinds].map((kind) => {
    const a = median(without.map((trace) => trace.byKind.get(kind) ?? 0));
    const b = median(withExt.map((trace) => trace.byKind.get(kind) ?? 0));
    return { kind, a, b, delta: b - a };
  });
  table.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta));
  const lines = [
    `  main-thread tasks: without ${median(without.map((t) => t.taskMs)).toFixed(1)} ms (${median(without.map((t) => t.tasks))} tasks), with ${median(withExt.map((t) => t.taskMs)).toFixed(1)} ms (${median(withExt.map((t) => t.tasks))} tasks)`,
    '  exclusive time by kind, median (ms): without / with / delta',
  ];
  for (const row of table.slice(0, rows)) lines.push(`    ${row.a.toFixed(1).padStart(6)} ${row.b.toFixed(1).padStart(6)} ${row.delta >= 0 ? '+' : ''}${row.delta.toFixed(1).padStart(6)}  ${row.kind}`);
  lines.push('  longest tasks with the extension (last load):');
  for (const task of withExt[withExt.length - 1]?.longest ?? []) lines.push(`    ${task.ms.toFixed(1).padStart(6)} ms  ${task.label}`);
  return lines;
}
