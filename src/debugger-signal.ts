// Node opens its debugger (the inspector, listening on 127.0.0.1:9229, its banner on
// stderr) when a process gets SIGUSR1 and no listener of its own takes the signal: then
// `kill -USR1` from any process of this user opens a port into ours and prints over the
// screen. A listener of our own replaces Node's handler. Every process of ours installs
// it first thing: the parent, the child and each writer (the signal channel will give
// SIGUSR1 a meaning of its own).
export function keepDebuggerClosed(): void {
  if (process.listenerCount('SIGUSR1') === 0) process.on('SIGUSR1', () => {});
}
