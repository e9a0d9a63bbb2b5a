// The words every channel has for itself, in each language: its name on screen, its name
// in the experiments' reports, the help's paragraph on what to expect, the comment its
// source program carries, and what the banner says when both processes wait for good.
export interface ChannelWords {
  /** The status bar, the dividers, the trace: "two pipes". */
  name: string;
  /** The experiments' reports and charts: "one socket (socketpair)". */
  reportName: string;
  /** What to expect in the chat on this channel (help). */
  help: string;
  /** The comment under the declarations of its source program; null for none. */
  sourceNote: string | null;
  /** The banner when both processes wait for each other for good; null for the pipes' own words. */
  deadlock: string | null;
  /** The banner when a message reaches the other process on a channel both read; null for the pipes' "a race, won this time". */
  delivered: { title: string; text: (tag: string, reader: string) => string; keys: string } | null;
  /** Why the parent's input takes no line, on a channel it only reads (pipe1: "no pipe back to the child"); absent elsewhere. */
  parentInput?: string;
}

export type Lang = 'en' | 'ko';
