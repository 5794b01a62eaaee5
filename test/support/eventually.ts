/**
 * Waits until `condition` holds, checking every `stepMs`, and fails with `what` after `timeoutMs`: tests wait
 * for the state they need instead of sleeping a fixed time that a loaded machine may not honour.
 */
export async function eventually(condition: () => boolean, what: string, timeoutMs = 15_000, stepMs = 20): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
