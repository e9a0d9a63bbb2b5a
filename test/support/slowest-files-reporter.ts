// Lists the slowest test files after every run, below vitest's own summary, so the next
// person sees a slow test when it arrives instead of when the suite has become slow.
import type { Reporter, TestModule, Vitest } from 'vitest/node';

const SHOWN = 8;

/** Seconds a file took in its worker: preparing and importing it, then its tests and hooks. */
function secondsOf(module: TestModule): { total: number; importing: number } {
  const d = module.diagnostic();
  const importing = (d.environmentSetupDuration + d.prepareDuration + d.collectDuration + d.setupDuration) / 1000;
  return { total: importing + d.duration / 1000, importing };
}

export default class SlowestFilesReporter implements Reporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const slowest = [...testModules].sort((a, b) => secondsOf(b).total - secondsOf(a).total).slice(0, SHOWN);
    if (slowest.length === 0 || !this.vitest) return;
    const lines = slowest.map((module) => {
      const tests = [...module.children.allTests()].length;
      const { total, importing } = secondsOf(module);
      return `  ${total.toFixed(1).padStart(6)} s  ${module.relativeModuleId} (${tests} test${tests === 1 ? '' : 's'}, ${importing.toFixed(1)} s of it importing)`;
    });
    this.vitest.logger.log(['', ` Slowest ${slowest.length} test files:`, ...lines, ''].join('\n'));
  }
}
