// `pipe-chat race` as the user sees it: a progress line on a terminal, then the counts
// in words (or JSON, or CSV), always with the machine they were measured on.
import type { RaceOptions } from '../args.js';
import { channelEnds } from '../channels/ends-registry.js';
import { messagesFor, type Lang } from '../i18n/index.js';
import { race, type RaceResult } from './race.js';
import { thisMachine } from './machine.js';
import { progressLine } from './progress.js';
import { toCsv } from './report-files.js';
import { REPORT_VERSION } from './report-schema.js';
import { REPORT_WIDTH, wrapMachine } from './terminal-style.js';
import { wiringName } from './wiring.js';

function percent(n: number, of: number): string {
  return `${((n / of) * 100).toFixed(1)}%`;
}

export function formatRace(result: RaceResult, lang: Lang): string {
  const t = messagesFor(lang).cli.race;
  if (result.bitsSent !== undefined) {
    // Signals: each trial one message, bit by bit; the question is how many bits arrived.
    const lost = result.bitsLost ?? 0;
    const garbled = result.garbled ?? 0;
    return [
      t.bitsTitle(wiringName(result.wiring, lang), result.trials, result.delayMs),
      `  ${t.whole(result.delivered, percent(result.delivered, result.trials))}`,
      `  ${t.garbled(garbled, percent(garbled, result.trials))}`,
      `  ${t.bits(result.bitsSent, lost, percent(lost, Math.max(1, result.bitsSent)))}`,
      `  ${t.waitingBeforeSend(result.parentCall ?? '?', result.waitingBeforeSend)}`,
      `  ${t.speed(result.trialsPerSecond)}`,
    ].join('\n');
  }
  if (result.cpuMs || result.parentCall === null) {
    // A reader that spins: the child wrote back to back, nothing could be stolen, and the question is what the reader missed and what it burned.
    return [
      t.streamTitle(wiringName(result.wiring, lang), result.trials, result.delayMs),
      `  ${t.delivered(result.delivered, percent(result.delivered, result.trials))}`,
      `  ${t.lostTorn(result.lost, percent(result.lost, result.trials), result.torn)}`,
      ...(result.cpuMs ? [`  ${t.cpu(result.cpuMs.parent, result.cpuMs.child, result.durationMs)}`] : []),
      `  ${t.speed(result.trialsPerSecond)}`,
    ].join('\n');
  }
  return [
    t.title(wiringName(result.wiring, lang), result.trials, result.delayMs),
    `  ${t.stolen(result.stolen, percent(result.stolen, result.trials))}`,
    `  ${t.delivered(result.delivered, percent(result.delivered, result.trials))}`,
    `  ${t.parentBlocked(result.parentCall, result.parentBlocked)}`,
    ...(result.parentDelayMs === 0 ? [`  ${t.waitingBeforeSend(result.parentCall, result.waitingBeforeSend)}`] : []),
    ...(result.disturbed > 0 ? [`  ${t.disturbed(result.disturbed)}`] : []),
    ...(channelEnds(result.wiring).group === 'sysv' ? [`  ${t.lostTorn(result.lost, percent(result.lost, result.trials), result.torn)}`] : []),
    `  ${t.speed(result.trialsPerSecond)}`,
  ].join('\n');
}

export async function runRace(options: RaceOptions, lang: Lang): Promise<number> {
  const t = messagesFor(lang).cli;
  const progress = progressLine(process.stderr, options.output === 'text');
  const result = await race({
    wiring: options.wiring,
    trials: options.trials,
    delayMs: options.childDelayMs,
    parentDelayMs: options.parentDelayMs,
    onTrial: (done) => progress.update(() => t.race.progressOne(done, options.trials)),
  }).finally(() => progress.done());
  const machine = thisMachine();
  const { cpuMs, ...counts } = result;
  // One flat row (CSV has no nesting): a spinning reader's call is 'none', its CPU two columns.
  const row = { ...counts, parentCall: result.parentCall ?? 'none', ...(cpuMs ? { parentCpuMs: cpuMs.parent, childCpuMs: cpuMs.child } : {}) };
  if (options.output === 'json') process.stdout.write(`${JSON.stringify({ version: REPORT_VERSION, ...row, machine })}\n`);
  else if (options.output === 'csv') process.stdout.write(`${toCsv(machine, [row])}\n`);
  else {
    const note = options.wiringChosen ? '' : `\n${t.race.defaultWiring}`;
    process.stdout.write(`${formatRace(result, lang)}${note}\n${wrapMachine(t.machine(machine), REPORT_WIDTH).join('\n')}\n`);
  }
  return 0;
}
