// The name of a wiring in every result (JSON, CSV, the chart's series) and on screen:
// how parent and child are joined. The wirings themselves are defined with the link.
import type { Wiring } from '../ipc/events.js';
import { messagesFor, type Lang } from '../i18n/index.js';

export type { Wiring } from '../ipc/events.js';

export function wiringName(wiring: Wiring, lang: Lang): string {
  return messagesFor(lang).ui.channels[wiring].reportName;
}
