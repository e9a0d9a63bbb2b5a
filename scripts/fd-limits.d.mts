// Types of scripts/fd-limits.mjs, for the test that runs a few limits of it.
export interface LimitRun {
  name: string;
  limit: number;
  ok: boolean;
  status: number | string;
  problems: string[];
  /** The last line of ours it printed ("pipe-chat: ..."), if any. */
  said: string;
  output: string;
}
export function lowestLimit(): number;
export function runAtLimit(limit: number, only?: string[] | null): Promise<LimitRun[]>;
