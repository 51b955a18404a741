/** Polls `GET /v1/health` until the API answers 200, or throws with the last reason after `timeoutMs`. */
export async function waitForHealth(url: string, timeoutMs: number, intervalMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/v1/health`);
      if (response.ok) return;
      lastError = new Error(`health answered ${response.status}`);
    } catch (error) {
      // Connection refused until the server listens: that is what this loop waits out.
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`The API at ${url} did not come up within ${timeoutMs / 1000} s: ${String(lastError)}`);
}
