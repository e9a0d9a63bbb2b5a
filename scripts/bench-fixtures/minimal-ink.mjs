// The reference for time to first frame and memory: the smallest Ink app, unbundled
// (modules loaded from node_modules, as `npx create-ink-app` would run it).
import React from 'react';
import { render, Text } from 'ink';

render(React.createElement(Text, null, 'minimal ink app ready'));
// Ink alone does not keep the process alive: stay until the benchmark ends it.
globalThis.setInterval(() => {}, 60_000);
