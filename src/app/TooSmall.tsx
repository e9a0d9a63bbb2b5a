// Below 80x24 the chat cannot be drawn legibly: say so, with the sizes, until the
// terminal grows again (the next resize brings the chat back).
import { Box, Text } from 'ink';
import { MIN_COLS, MIN_ROWS } from './layout.js';
import { wrapPhrases } from './text-width.js';
import type { Ui } from './words.js';

export function TooSmall({ t, cols, rows }: { t: Ui; cols: number; rows: number }) {
  const width = Math.max(10, cols - 2);
  const lines = wrapPhrases(t.tooSmall(MIN_COLS, MIN_ROWS, cols, rows), width);
  return (
    <Box flexDirection="column" width={cols} height={Math.max(1, rows - 1)} justifyContent="center" alignItems="center">
      {lines.map((line, i) => (
        <Text key={i} bold>
          {line}
        </Text>
      ))}
    </Box>
  );
}
