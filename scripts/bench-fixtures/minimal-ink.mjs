// The reference for time to first frame: the smallest Ink app, unbundled (modules loaded
// from node_modules, as `npx create-ink-app` would run it).
import React from 'react';
import { render, Text } from 'ink';

// Stays on screen until the benchmark ends it (it reads the app's memory meanwhile).
render(React.createElement(Text, null, 'minimal ink app ready'));
