// V8's flags for the full-screen UI (the chat and the lesson), set at run time
// (v8.setFlagsFromString) before Ink loads.
/**
 * V8's default is to grow the young generation under the chat's allocation and then to
 * keep it. Keeping it at its starting size and favouring size over speed holds the
 * parent's peak lower: measured over an auto-played conversation and then 200 keys
 * (100x30), 77 and 81 MiB with both flags, 87 and 100 MiB without; the minimal
 * unbundled Ink app peaks at about 82 MiB. The price is CPU per frame: 3.85 ms per key
 * with the flags against 3.35 ms without (more scavenges), now that a key press lays
 * out only the input rows. npm run bench prints both figures beside the minimal app's.
 * Both flags are read by V8's heuristics as they run, so setting them before Ink
 * loads works.
 * On V8 before 12 (Node 20), a function must also run about 15 times longer than V8's default (interrupt budget
 * 1,000,000 against 67,584) before the optimizing compiler takes it: the UI's work comes in
 * short bursts (a key, a call's report, a frame), and compiling every function that got
 * warm in the first seconds cost more than it saved. Over an auto-played conversation
 * (--auto --speed 10, 100x30, five runs of each interleaved, medians) the parent's CPU
 * was 1.90 s with the default budget and 1.47 s with this one. In `npm run bench -- --ui`
 * the first 40 keys of a fresh chat took 11.3 ms of CPU each with the default budget
 * (1.73x the minimal Ink echo app), 8.5 ms (1.13x) with this one, 11.5 ms with 250,000;
 * after 100 conversations 3.8 ms with the default and 7.3 ms with this one (0.58x and
 * 0.97x). With no optimizing compiler at all (--no-opt) the fresh keys took 6.8 ms, but
 * so did every key after 100 conversations, and key to screen went over 2x the minimal app.
 * V8 12 (Node 22) tiers up by invocation counts, through Maglev, and has no
 * --interrupt-budget: setting a flag V8 does not know prints an error on the terminal,
 * so each flag is given only to a V8 that has it. The race and the other printed
 * commands keep V8's defaults: their timing is part of what they measure.
 */
export function screenV8Flags(v8Version: string): string[] {
  const major = Number(v8Version.split('.')[0]);
  return ['--semi-space-growth-factor=1', '--optimize-for-size', ...(major < 12 ? ['--interrupt-budget=1000000'] : [])];
}
