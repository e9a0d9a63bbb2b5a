// The name of a wiring in every result (JSON, CSV, the chart's series) and on screen:
// how parent and child are joined. The wirings themselves are defined with the link.
import type { Wiring } from '../ipc/events.js';
import { messagesFor, type Lang } from '../i18n/index.js';

export type { Wiring } from '../ipc/events.js';

export function wiringName(wiring: Wiring, lang: Lang): string {
  const t = messagesFor(lang).cli.race;
  const names: Record<Wiring, string> = { 'two-pipes': t.pipesTwo, 'one-pipe': t.pipesOne, socket: t.wiringSocket, named: t.wiringNamed };
  return names[wiring];
}
