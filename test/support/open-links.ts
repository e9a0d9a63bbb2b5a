// Links opened by a test file over the built child, each with every event it emitted,
// and all closed after each test.
import path from 'node:path';
import { afterEach } from 'vitest';
import type { Wiring } from '../../src/channels/names.js';
import type { LinkEvent } from '../../src/ipc/events.js';
import { PipeLink } from '../../src/ipc/link.js';

/** The built child entry. */
export const childScript = path.resolve('dist/child.js');

/** An `open(wiring)` for one test file: the link and the events it emitted; every link it opened is closed after each test. */
export function linkOpener(): (wiring: Wiring) => Promise<{ link: PipeLink; events: LinkEvent[] }> {
  const links: PipeLink[] = [];
  afterEach(async () => {
    await Promise.all(links.splice(0).map((link) => link.close()));
  });
  return async (wiring) => {
    const events: LinkEvent[] = [];
    const link = await PipeLink.open({ wiring, childScript, onEvent: (e) => events.push(e) });
    links.push(link);
    return { link, events };
  };
}
