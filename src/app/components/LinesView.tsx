// Renders prepared lines, each already exactly as wide as its column, as one Ink text
// node: the styles are painted into the string, so Ink lays out one node per block
// instead of one per segment, and a block whose lines did not change is not rendered
// again (memo: the views hand the same array while their inputs stay the same).
import { Box, Text } from 'ink';
import { memo, useMemo } from 'react';
import type { Line } from '../../text/styled-lines.js';
import type { Theme } from '../../text/theme.js';

/** The same lines, row by row: a block sliced from a pane whose rows did not change is not drawn again. */
const sameLines = (a: { lines: Line[]; theme: Theme; width?: number }, b: { lines: Line[]; theme: Theme; width?: number }): boolean =>
  a.theme === b.theme && a.width === b.width && a.lines.length === b.lines.length && a.lines.every((line, i) => line === b.lines[i]);

export const LinesView = memo(function LinesView({ lines, theme, width }: { lines: Line[]; theme: Theme; width?: number }) {
  const text = useMemo(() => lines.map((line) => line.map((s) => theme.paint(s.tone, s.text)).join('')).join('\n'), [lines, theme]);
  return (
    <Box flexDirection="column" flexShrink={0} {...(width === undefined ? {} : { width })}>
      <Text>{text}</Text>
    </Box>
  );
}, sameLines);
