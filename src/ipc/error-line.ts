// The one line of a process's stderr that says what went wrong, for a message of ours:
// Node prints an error after the source line it points at and before its stack, a V8
// fatal error as lines that start with '#' ("# Fatal process out of memory: ..."), and a
// heap that reached its limit as "FATAL ERROR: ... JavaScript heap out of memory" between
// the last collections and a native stack trace.
export function errorLineOf(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim()).filter(Boolean);
  const fatal = lines.find((line) => /^#\s*Fatal\b|^FATAL ERROR:/.test(line));
  if (fatal) return fatal.replace(/^#\s*|^FATAL ERROR:\s*/, '');
  const error = lines.find((line) => /^[A-Z][A-Za-z]*Error\b|^Error\b/.test(line));
  return error ?? lines.filter((line) => !/^at\s|^#|^\^+$|^node:|^Node\.js v/.test(line)).at(-1) ?? '';
}
