// Lines made of items that must never wrap inside an item (the status bar, the key
// line): each item lists its forms from the longest to the shortest, where `null` means
// left out. While the items need more than the lines given, the next of the caller's
// steps moves one item to its next form. The steps say what matters least (e.g. the
// tally loses its "since 14:03:07" before the knobs shorten, and drops its delivered
// count before the knobs lose their words; a figure never loses its label), so a narrow
// or Korean screen keeps the facts that matter, and Ink never has to wrap the line.
// Given more than one line (the `big` layout), items go on the next line whole, so the
// status bar says everything in words before anything is shortened.
import { fitLine, lineWidth, type Line } from '../../text/styled-lines.js';

export interface Item {
  id: string;
  /** Longest first; `null` leaves the item out. */
  forms: (Line | null)[];
}

export function fitItems(items: Item[], steps: string[], width: number, separator: Line): Line {
  return fitItemsOnLines(items, steps, width, separator, 1)[0] ?? [];
}

/** The items on exactly `lines` lines of `width`, broken only between items (blank lines after them when they need fewer). */
export function fitItemsOnLines(items: Item[], steps: string[], width: number, separator: Line, lines: number): Line[] {
  const form = new Map(items.map((i) => [i.id, 0]));
  const shown = (): Line[] => items.map((i) => i.forms[form.get(i.id) ?? 0] ?? null).filter((l): l is Line => l !== null);
  // Greedy: each item on the current line if it fits there, else on a new one; the last line takes what is left.
  const pack = (): Line[] => {
    const out: Line[] = [];
    for (const l of shown()) {
      const last = out.at(-1);
      if (last && (out.length === lines || lineWidth(last) + lineWidth(separator) + lineWidth(l) <= width)) last.push(...separator, ...l);
      else out.push([...l]);
    }
    return out;
  };
  let packed = pack();
  for (const step of steps) {
    if (packed.every((l) => lineWidth(l) <= width)) break;
    const item = items.find((i) => i.id === step);
    const at = form.get(step) ?? 0;
    if (item && at < item.forms.length - 1) form.set(step, at + 1);
    packed = pack();
  }
  while (packed.length < lines) packed.push([]);
  return packed.map((l) => fitLine(l, width));
}
