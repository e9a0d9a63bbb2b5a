// The keeper's small box, under the middle column (--keep): its PID, the bytes it
// reported writing to the file, the lines it could not be handed, and, once it has
// died, that the chat goes on without it. Beside the chat's program (the source view),
// where its own program is: keeper.c, printed by `pipe-chat source keeper`.
import type { KeeperState } from '../../ipc/keeper-link.js';
import { sanitizeForDisplay } from '../../text/sanitize.js';
import { framed, seg, wrapLine, type Line } from '../../text/styled-lines.js';
import type { Ui } from './phrases.js';

/** The box's rows at this width: its border and what it says (at most `maxRows`). */
export function keeperBox(t: Ui, keeper: KeeperState, width: number, maxRows: number, sourceOpen = false): Line[] {
  const w = t.keeper;
  const file = sanitizeForDisplay(keeper.path);
  const body: Line[] = [
    ...wrapLine([seg(w.kept(keeper.bytes, file), 'accent')], width - 2),
    ...(keeper.notKept > 0 ? wrapLine([seg(w.notKept(keeper.notKept), 'warn')], width - 2) : []),
    ...(keeper.exit ? wrapLine([seg(w.gone(keeper.exit.signal ?? `code ${keeper.exit.code}`), 'danger')], width - 2) : []),
    ...(sourceOpen ? wrapLine([seg(w.program, 'dim')], width - 2) : []),
  ];
  const rows = Math.min(maxRows, body.length + 2);
  return rows < 3 ? [] : framed([seg(w.title(keeper.pid), keeper.exit ? 'danger' : 'title')], body.slice(0, rows - 2), width, rows, keeper.exit ? 'danger' : 'dim');
}
