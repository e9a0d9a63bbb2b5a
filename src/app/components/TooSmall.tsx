// Below 80x24 the chat cannot be drawn legibly: say so, with the sizes, until the
// terminal grows again (the next resize brings the chat back). A terminal too small
// even for that sentence (1x1, 5x3) stays blank rather than showing a stray fragment.
import { Box, Text } from 'ink';
import { MIN_COLS, MIN_ROWS } from '../views/layout.js';
import { widthOf, wrapPhrases } from '../../text/text-width.js';
import type { Ui } from '../views/phrases.js';

export function TooSmall({ t, cols, rows }: { t: Ui; cols: number; rows: number }) {
  const width = Math.max(1, Math.min(cols - 2, 40));
  const phrases = t.tooSmall(MIN_COLS, MIN_ROWS, cols, rows);
  const lines = wrapPhrases(phrases, width);
  // Whole words only: a word cut in pieces would read as noise.
  const fits = rows >= 2 && lines.length <= rows - 1 && phrases.join(' ').split(' ').every((word) => widthOf(word) <= width);
  if (!fits) return null;
  return (
    <Box flexDirection="column" width={cols} height={rows - 1} justifyContent="center" alignItems="center">
      {lines.map((line, i) => (
        <Text key={i} bold>
          {line}
        </Text>
      ))}
    </Box>
  );
}
