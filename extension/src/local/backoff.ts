export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_MAX_MS = 5 * 60_000;

/**
 * "Full jitter": a random wait between 0 and the exponential cap, so many clients coming back
 * online after an outage do not retry in lockstep. `failures` counts from 1.
 */
export function backoffDelay(failures: number, random: () => number, retryAfterSeconds?: number): number {
  const cap = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  const jittered = Math.floor(random() * cap);
  return retryAfterSeconds === undefined ? jittered : Math.max(jittered, retryAfterSeconds * 1000);
}
