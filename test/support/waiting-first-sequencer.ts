// The order the files start in: the longest first, so that the short ones fill the cores at
// the end. Vitest orders by the last run's timings, and on a fresh clone, which has none,
// by file size, which puts the lesson's terminal test near the end: a small file that
// takes about a minute, nearly all of it waiting on the lesson's own pauses. Started last,
// the run waited for it alone (`npm test` 182 s on a fresh clone here, the lesson's file
// finishing last); started first, its minute passes beside the other files. So the files
// listed in FIRST start first, then the other pseudo-terminal files (test/e2e: each waits
// on real programs for seconds), then the rest, each group in vitest's own order.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const FIRST = ['test/e2e/lesson.e2e.test.ts'];

function rank(spec: TestSpecification): number {
  const file = spec.moduleId.replaceAll('\\', '/');
  const first = FIRST.findIndex((name) => file.endsWith(`/${name}`));
  if (first !== -1) return first;
  return FIRST.length + (file.includes('/test/e2e/') ? 0 : 1);
}

export default class WaitingFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return sorted.map((spec, index) => ({ spec, index })).sort((a, b) => rank(a.spec) - rank(b.spec) || a.index - b.index).map(({ spec }) => spec);
  }
}
