// One line made of items that must never wrap (the status bar, the key line): each
// item lists its forms from the longest to the shortest, where `null` means left out.
// While the line is too wide, the next of the caller's steps moves one item to its next
// form. The steps say what matters least (e.g. the tally loses its "since 14:03:07"
// before the knobs shorten, and drops its delivered count before the knobs lose their
// words; a figure never loses its label), so a narrow or Korean screen
// keeps the facts that matter, and Ink never has to wrap the line.
import { fitLine, lineWidth, type Line } from '../../text/styled-lines.js';

export interface Item {
  id: string;
  /** Longest first; `null` leaves the item out. */
  forms: (Line | null)[];
}

export function fitItems(items: Item[], steps: string[], width: number, separator: Line): Line {
  const form = new Map(items.map((i) => [i.id, 0]));
  const build = (): Line =>
    items
      .map((i) => i.forms[form.get(i.id) ?? 0] ?? null)
      .filter((l): l is Line => l !== null)
      .flatMap((l, i) => [...(i > 0 ? separator : []), ...l]);
  for (const step of steps) {
    if (lineWidth(build()) <= width) break;
    const item = items.find((i) => i.id === step);
    const at = form.get(step) ?? 0;
    if (item && at < item.forms.length - 1) form.set(step, at + 1);
  }
  return fitLine(build(), width);
}
