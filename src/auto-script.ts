// What --auto plays: the lines each side types, three turns. A --script FILE gives its
// own, as JSON: {"child": ["...", "...", "..."], "parent": ["...", "...", "..."]}, and
// may add step mode's releases in order, "releases": ["child", "child", "parent", ...]:
// the chat then starts in step mode and lets each named process's held call go in turn.
// Parsing is pure and every refusal says exactly what is wrong and where.
import { MAX_MESSAGE_BYTES } from './ipc/framing.js';
import type { Proc } from './ipc/events.js';

export const TURNS = 3;
/** More releases than any conversation of three turns needs many times over. */
const MAX_RELEASES = 1000;

export interface AutoScript {
  child: string[];
  parent: string[];
  /** Step mode's releases, in order: whose held call goes next. */
  releases?: Proc[];
}

export class ScriptError extends Error {}

function lines(value: unknown, side: 'child' | 'parent'): string[] {
  if (!Array.isArray(value)) throw new ScriptError(`"${side}" must be an array of ${TURNS} strings`);
  if (value.length !== TURNS) throw new ScriptError(`"${side}" must have ${TURNS} lines (one per turn), not ${value.length}`);
  return value.map((line: unknown, i) => {
    const where = `"${side}"[${i}]`;
    if (typeof line !== 'string') throw new ScriptError(`${where} must be a string`);
    if (line.trim() === '') throw new ScriptError(`${where} is empty`);
    if (/[\n\r]/.test(line)) throw new ScriptError(`${where} contains a line break: one line per turn`);
    if (Buffer.byteLength(line) > MAX_MESSAGE_BYTES) throw new ScriptError(`${where} is over 64 KiB`);
    return line;
  });
}

export function parseAutoScript(text: string): AutoScript {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ScriptError(`not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new ScriptError('must be a JSON object with "child" and "parent" arrays');
  }
  const record = value as Record<string, unknown>;
  const unknown = Object.keys(record).filter((key) => key !== 'child' && key !== 'parent' && key !== 'releases');
  if (unknown.length > 0) throw new ScriptError(`unknown key "${unknown[0]}": only "child", "parent" and "releases" are allowed`);
  const script: AutoScript = { child: lines(record.child, 'child'), parent: lines(record.parent, 'parent') };
  return record.releases === undefined ? script : { ...script, releases: releases(record.releases) };
}

function releases(value: unknown): Proc[] {
  if (!Array.isArray(value)) throw new ScriptError('"releases" must be an array of "child" and "parent"');
  if (value.length > MAX_RELEASES) throw new ScriptError(`"releases" has ${value.length} entries: at most ${MAX_RELEASES}`);
  return value.map((entry: unknown, i) => {
    if (entry !== 'child' && entry !== 'parent') throw new ScriptError(`"releases"[${i}] must be "child" or "parent"`);
    return entry;
  });
}
