// The channels grouped by family (pipes, sockets, System V, files, threads of one
// process), in the order of the one table of names: what F3's list and --help show, one
// line each.
import type { ChannelGroup } from './channel-ends.js';
import { CHANNEL_ENDS } from './ends-registry.js';
import { WIRINGS, type Wiring } from './names.js';

export const GROUPS: readonly ChannelGroup[] = ['pipes', 'sockets', 'sysv', 'files', 'threads', 'signals'];

export function channelsByGroup(): { group: ChannelGroup; channels: Wiring[] }[] {
  return GROUPS.map((group) => ({ group, channels: WIRINGS.filter((w) => CHANNEL_ENDS[w].group === group) }));
}

/** Every channel in the order the grouped lists show them. */
export function listedChannels(): Wiring[] {
  return channelsByGroup().flatMap(({ channels }) => channels);
}

/** --help's block: each group's name, then one line per channel (its --wiring name and its report name). */
export function channelHelp(groupNames: Record<ChannelGroup, string>, reportName: (w: Wiring) => string): string {
  const width = Math.max(...WIRINGS.map((w) => w.length)) + 2;
  return channelsByGroup()
    .flatMap(({ group, channels }) => [`  ${groupNames[group]}`, ...channels.map((w) => `    ${w.padEnd(width)}${reportName(w)}`)])
    .join('\n');
}
