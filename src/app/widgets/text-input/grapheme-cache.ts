// A draft's grapheme clusters, kept for the last few values. Splitting a 64 KiB line
// into clusters takes tens of milliseconds, and every edit and every frame asks for the
// clusters of the same value: without this, a paste that arrives in many chunks would
// split the whole line again for each chunk and each frame (quadratic). An insert builds
// the new value's clusters from the old ones and re-splits only around the insertion.
import { graphemes } from '../../../text/text-width.js';

/** Two drafts (child, parent), each with its previous value. */
const KEEP = 4;
const cache = new Map<string, readonly string[]>();

function remember(value: string, clusters: readonly string[]): readonly string[] {
  cache.delete(value);
  cache.set(value, clusters);
  while (cache.size > KEEP) cache.delete(cache.keys().next().value as string);
  return clusters;
}

/** The grapheme clusters of a draft's value (do not mutate the array). */
export function draftGraphemes(value: string): readonly string[] {
  return cache.get(value) ?? remember(value, graphemes(value));
}

/**
 * The clusters of `before` with `text` put in at cluster index `at`, splitting only the
 * inserted text and its two neighbours again (a combining mark may join the one before).
 */
export function insertGraphemes(before: readonly string[], at: number, text: string): { value: string; clusters: readonly string[] } {
  const left = at > 0 ? (before[at - 1] ?? '') : '';
  const right = before[at] ?? '';
  const middle = graphemes(left + text + right);
  const clusters = [...before.slice(0, Math.max(0, at - 1)), ...middle, ...before.slice(at + 1)];
  const value = clusters.join('');
  return { value, clusters: remember(value, clusters) };
}
