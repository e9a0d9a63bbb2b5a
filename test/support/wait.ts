// Polling instead of sleeping: checks a condition until it holds or time runs out. The
// bound is generous: a machine running two suites at once took more than 5 s to start a
// process and its child; a condition that holds returns at once whatever the bound.
export async function waitUntil(condition: () => boolean, { timeoutMs = 15_000, intervalMs = 10, what = 'condition' } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
