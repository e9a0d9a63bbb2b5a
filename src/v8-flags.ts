// V8's flags for the full-screen UI (the chat and the lesson), set at run time
// (v8.setFlagsFromString) while Ink loads, once the call threads started so far run (cli.tsx).
/**
 * V8's default is to grow the young generation under the chat's allocation and then to
 * keep it. Keeping it at its starting size and favouring size over speed holds the
 * parent's peak lower: measured over an auto-played conversation and then 200 keys
 * (100x30), 77 and 81 MiB with both flags, 87 and 100 MiB without; the minimal
 * unbundled Ink app peaks at about 82 MiB. The price is CPU per frame: 3.85 ms per key
 * with the flags against 3.35 ms without (more scavenges), now that a key press lays
 * out only the input rows. npm run bench prints both figures beside the minimal app's.
 * Both flags are read by V8's heuristics as they run, so setting them while Ink loads
 * works; set a second and a half later, once the chat's start had grown the heap, they
 * left the peak at 100 MiB as if unset.
 * Tried and left out: making a function run about 15 times longer than V8's default
 * before the optimizing compiler takes it (--interrupt-budget=1000000 on Node 20; V8 12
 * and later have no such flag, and an unknown flag prints an error on the terminal).
 * Over an auto-played conversation the parent's CPU fell from 1.90 to 1.47 s, and the
 * first 40 keys of a fresh chat from 11.3 to 8.5 ms of CPU each; but 100 conversations
 * later a key cost 5.3 to 7.3 ms instead of 3.8, and a key took 7.7 ms to reach the screen
 * instead of 4.7 (npm run bench). With no optimizing compiler at all (--no-opt) every key
 * cost 6.8 ms, early or late. A chat runs for a class hour: the later keys count more.
 */
export const SCREEN_V8_FLAGS: readonly string[] = ['--semi-space-growth-factor=1', '--optimize-for-size'];
