// The reference for key press to screen and CPU per key: the smallest Ink app that
// echoes what is typed (and takes a paste), unbundled, as `npx create-ink-app` would run it.
import React, { useState } from 'react';
import { render, Text, useInput } from 'ink';

function Echo() {
  const [line, setLine] = useState('');
  useInput((input, key) => {
    if (key.ctrl && input === 'u') setLine('');
    else if (!key.ctrl && !key.meta) setLine((l) => l + input);
  });
  return React.createElement(Text, null, `minimal ink echo ready › ${line.slice(-60)}`);
}

render(React.createElement(Echo), { exitOnCtrlC: true });
