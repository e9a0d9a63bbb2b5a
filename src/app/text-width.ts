// The cell-width helpers live in text/text-width.ts; src/experiments/ still imports them
// by this older path, and is moved over in its own change.
export * from './text/text-width.js';
