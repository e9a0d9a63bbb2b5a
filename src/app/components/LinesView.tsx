// Renders prepared lines: each one already exactly as wide as its column.
import { Box, Text } from 'ink';
import type { Line } from '../text/styled-lines.js';
import type { Theme } from '../text/theme.js';

export function LinesView({ lines, theme, width }: { lines: Line[]; theme: Theme; width?: number }) {
  return (
    <Box flexDirection="column" flexShrink={0} {...(width === undefined ? {} : { width })}>
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line.map((s, j) => (
            <Text key={j} {...theme.style(s.tone)}>
              {s.text}
            </Text>
          ))}
        </Text>
      ))}
    </Box>
  );
}
