// Node 20 reads the certificates NODE_EXTRA_CA_CERTS names at every process start, before
// any code runs: about 80 ms of CPU per process on the 2-core machine the suite is timed
// on (`node -e 0`: 110 ms with it, 30 ms without; Node 22 and 24 read them only when TLS
// is first used). The suite starts some 500 Node processes, and only npm's make TLS
// connections (test/e2e/packed.test.ts). So vitest.config.ts moves the variable aside
// before the workers start, which every process they start inherits, and npm gets it back.

/** Where the variable waits, for npm. */
const ASIDE = 'PIPE_CHAT_TEST_NODE_EXTRA_CA_CERTS';

/** Moves NODE_EXTRA_CA_CERTS out of this process's environment (vitest's main process, before its workers). */
export function moveExtraCaCertsAside(env: NodeJS.ProcessEnv = process.env): void {
  const value = env.NODE_EXTRA_CA_CERTS;
  if (value === undefined) return;
  env[ASIDE] = value;
  delete env.NODE_EXTRA_CA_CERTS;
}

/** NODE_EXTRA_CA_CERTS as the suite was started with it, for a process that makes TLS connections (npm). */
export function extraCaCertsForTls(env: NodeJS.ProcessEnv = process.env): { NODE_EXTRA_CA_CERTS?: string } {
  const value = env.NODE_EXTRA_CA_CERTS ?? env[ASIDE];
  return value === undefined ? {} : { NODE_EXTRA_CA_CERTS: value };
}
