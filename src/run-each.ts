// A way out runs several cleanup steps (kill the child, end a blocked read(2), remove a
// named pipe, give the terminal back): a step that throws must skip none of the others,
// above all not the ones that end a blocked read.

/** Runs every step, whatever the others do; returns what the failing ones threw. */
export function runEach(steps: readonly (() => unknown)[]): unknown[] {
  const errors: unknown[] = [];
  for (const step of steps) {
    try {
      step();
    } catch (error) {
      errors.push(error);
    }
  }
  return errors;
}
