// The suite's processes start without NODE_EXTRA_CA_CERTS: Node 20 reads the certificates it
// names at every start, before any code runs (the program's own children go without it for
// the same reason: ourNodeProcessEnv in src/environment.ts), and the suite starts some 500
// Node processes, of which only npm's make TLS connections (test/e2e/packed.test.ts). So
// vitest.config.ts moves the variable aside before the workers start, which every process
// they start inherits, and npm gets it back.

/** Where the variable waits, for npm. */
const ASIDE = 'PIPE_CHAT_TEST_NODE_EXTRA_CA_CERTS';

/** Moves NODE_EXTRA_CA_CERTS out of this process's environment (vitest's main process, before its workers). */
export function moveExtraCaCertsAside(env: NodeJS.ProcessEnv = process.env): void {
  const value = env.NODE_EXTRA_CA_CERTS;
  if (value === undefined) return;
  env[ASIDE] = value;
  delete env.NODE_EXTRA_CA_CERTS;
}

/** NODE_EXTRA_CA_CERTS as moved aside, for a process that makes TLS connections (npm); nothing where it was not. */
export function extraCaCertsForTls(env: NodeJS.ProcessEnv = process.env): { NODE_EXTRA_CA_CERTS?: string } {
  const value = env[ASIDE];
  return value === undefined ? {} : { NODE_EXTRA_CA_CERTS: value };
}
