// The suite's processes start without NODE_EXTRA_CA_CERTS; npm, which connects to its
// registry, gets the certificates back.
import { describe, expect, it } from 'vitest';
import { extraCaCertsForTls, moveExtraCaCertsAside } from './extra-ca-certs.js';

describe('NODE_EXTRA_CA_CERTS moved aside for the suite', () => {
  it('leaves no NODE_EXTRA_CA_CERTS for the processes started, and gives npm the same file back', () => {
    const env: NodeJS.ProcessEnv = { NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/extra.pem', PATH: '/usr/bin' };
    moveExtraCaCertsAside(env);
    expect(env.NODE_EXTRA_CA_CERTS).toBeUndefined();
    expect({ ...env, ...extraCaCertsForTls(env) }.NODE_EXTRA_CA_CERTS).toBe('/etc/ssl/certs/extra.pem');
    expect(env.PATH).toBe('/usr/bin');
  });

  it('adds nothing where the suite was started without it', () => {
    const env: NodeJS.ProcessEnv = { PATH: '/usr/bin' };
    moveExtraCaCertsAside(env);
    expect(env).toEqual({ PATH: '/usr/bin' });
    expect(extraCaCertsForTls(env)).toEqual({});
  });
});

it('this run of the suite started its workers without NODE_EXTRA_CA_CERTS', () => {
  expect(process.env.NODE_EXTRA_CA_CERTS).toBeUndefined();
});
