import type { FetchLike } from '../../extension/src/api-client/index.ts';
import type { ApiProcess } from './api-process.ts';
import type { Rng } from './prng.ts';

/*
 * The network between the extension and the API, as a fetch wrapper: every request the sync
 * engine makes passes here, and the seeded generator decides what goes wrong with it.
 */

export const faultKinds = ['offline', 'drop', 'duplicate', 'reorder', 'kill', 'worker-stop'] as const;
export type FaultKind = (typeof faultKinds)[number];

/** One "service worker": when it is stopped, its requests never answer and its code never resumes. */
export class Worker {
  dead = false;
  readonly died: Promise<'died'>;
  private markDead!: () => void;

  constructor(readonly generation: number) {
    this.died = new Promise((resolve) => {
      this.markDead = () => resolve('died');
    });
  }

  stop(): void {
    this.dead = true;
    this.markDead();
  }
}

interface Straggler {
  send: () => Promise<unknown>;
  /** Requests that must complete before this one reaches the server. */
  after: number;
}

const never = <T>() => new Promise<T>(() => {});
const networkError = (message: string) => new TypeError(message);

export class ChaosNetwork {
  readonly counts: Record<FaultKind, number> = { offline: 0, drop: 0, duplicate: 0, reorder: 0, kill: 0, 'worker-stop': 0 };
  requests = 0;
  /** Which requests each fault hit (`kind METHOD /path`), to show what a run exercised. */
  readonly hits = new Map<string, number>();
  /** Faults are injected only while this is true; the harness turns it off to let the dust settle. */
  enabled = true;
  private offlineFor = 0;
  /** Requests still to fail with the API down (connection refused) before it is started again. */
  private downFor = 0;
  private stragglers: Straggler[] = [];

  constructor(
    private readonly api: ApiProcess,
    private readonly rng: Rng,
    private readonly faultRate: number,
  ) {}

  /** Takes the client offline for the next `requests` requests: they fail before leaving. */
  goOffline(requests: number): void {
    this.counts.offline += 1;
    this.offlineFor = Math.max(this.offlineFor, requests);
  }

  /** Faults off, the API up, every held request delivered: what follows runs on a healthy network. */
  async settle(): Promise<void> {
    this.enabled = false;
    this.offlineFor = 0;
    this.downFor = 0;
    if (!this.api.running) await this.api.restart();
    await this.release(Number.POSITIVE_INFINITY);
  }

  fetchFor(worker: Worker): FetchLike {
    return async (input, init) => {
      if (worker.dead) return never();
      this.requests += 1;
      try {
        return await this.deliver(worker, input, init);
      } finally {
        await this.release(1);
      }
    };
  }

  private async deliver(worker: Worker, input: string, init: RequestInit): Promise<Response> {
    const send = async () => {
      const response = await fetch(input, init);
      // Read the whole answer here: a response cut after its headers is a network failure too.
      return new Response(await response.text(), { status: response.status, statusText: response.statusText, headers: response.headers });
    };
    if (!this.api.running) {
      if (this.downFor > 0) {
        this.downFor -= 1;
        return send();
      }
      await this.api.restart();
    }
    if (this.offlineFor > 0) {
      this.offlineFor -= 1;
      throw networkError('Failed to fetch');
    }
    if (!this.enabled || !this.rng.chance(this.faultRate)) return send();
    const fault = this.rng.weighted<FaultKind>({ offline: 2, drop: 4, duplicate: 3, reorder: 3, kill: 2, 'worker-stop': 2 });
    this.counts[fault] += 1;
    const where = `${fault} ${init.method ?? 'GET'} ${new URL(input).pathname.replace(/[0-9a-f-]{36}/g, ':id')}`;
    this.hits.set(where, (this.hits.get(where) ?? 0) + 1);
    switch (fault) {
      case 'offline':
        this.offlineFor = this.rng.int(0, 3);
        throw networkError('Failed to fetch');
      case 'drop':
        // The server did the work; the answer is lost on the way back.
        await send();
        throw networkError('network connection was lost');
      case 'duplicate': {
        // A proxy or the browser's own retry delivers the request twice; which answer wins is chance.
        const answers = this.rng.chance(0.5) ? await Promise.allSettled([send(), send()]) : [await settled(send()), await settled(send())];
        const chosen = answers[this.rng.int(0, 1)];
        if (chosen?.status !== 'fulfilled') throw networkError('network connection was lost');
        return chosen.value;
      }
      case 'reorder':
        // The request lingers on a slow path: the client times out, and its retry (and more)
        // reach the server before the original does.
        this.stragglers.push({ send, after: this.rng.int(1, 4) });
        throw networkError('request timed out');
      case 'kill': {
        const pending = settled(send());
        await new Promise((resolve) => setTimeout(resolve, this.rng.int(0, 40)));
        await this.api.kill();
        this.downFor = this.rng.int(0, 2);
        // Whether the server committed before it died is the OS's timing; the client always
        // sees the connection cut, so what it does next replays exactly from the seed.
        await pending;
        throw networkError('socket hang up');
      }
      case 'worker-stop':
        // The browser stops the service worker with this request in flight (or just before it).
        if (this.rng.chance(0.5)) await settled(send());
        worker.stop();
        return never();
    }
  }

  /** Counts `completed` requests off every held one and delivers those whose turn has come, oldest first. */
  private async release(completed: number): Promise<void> {
    for (const straggler of this.stragglers) straggler.after -= completed;
    const due = this.stragglers.filter((straggler) => straggler.after <= 0);
    this.stragglers = this.stragglers.filter((straggler) => straggler.after > 0);
    for (const straggler of due) {
      // Nobody waits for this answer any more; if the API is down it is simply lost.
      await settled(straggler.send());
    }
  }
}

function settled<T>(promise: Promise<T>): Promise<PromiseSettledResult<T>> {
  return promise.then(
    (value) => ({ status: 'fulfilled', value }) as const,
    (reason: unknown) => ({ status: 'rejected', reason }) as const,
  );
}
