import { ServiceUnavailableError } from '@backstage/errors';
import { InvalidCredentialsError } from 'ldapts';
import {
  clientOptions,
  directoryError,
  directoryName,
  startTlsOptions,
  withClient,
} from './connection';
import { DEFAULT_MAPPING, LdapSettings } from './LdapSettings';

function settings(overrides: Partial<LdapSettings>): LdapSettings {
  return {
    url: 'ldap://ldap.example.com',
    starttls: false,
    timeoutMs: 5000,
    users: { baseDn: 'dc=example,dc=com', filter: '(uid={username})' },
    mapping: DEFAULT_MAPPING,
    ...overrides,
  };
}

const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';

describe('clientOptions', () => {
  it('uses timeoutMs for connecting and for every operation', () => {
    expect(clientOptions(settings({ timeoutMs: 1234 }))).toEqual({
      url: 'ldap://ldap.example.com',
      timeout: 1234,
      connectTimeout: 1234,
    });
  });

  it('trusts the CA on ldaps://', () => {
    expect(
      clientOptions(settings({ url: 'ldaps://ldap.example.com', tlsCaPem: CA }))
        .tlsOptions,
    ).toEqual({ ca: CA });
  });

  it('gives the CA to StartTLS, not to the first connection', () => {
    // ldapts would otherwise speak TLS at once to a plain LDAP port.
    const s = settings({ starttls: true, tlsCaPem: CA });
    expect(clientOptions(s).tlsOptions).toBeUndefined();
    expect(startTlsOptions(s)).toEqual({
      host: 'ldap.example.com',
      servername: 'ldap.example.com',
      ca: CA,
    });
  });

  it('sends no IP address as server name', () => {
    expect(
      startTlsOptions(
        settings({ url: 'ldap://127.0.0.1:389', starttls: true }),
      ),
    ).toEqual({ host: '127.0.0.1' });
    expect(
      startTlsOptions(settings({ url: 'ldap://[::1]:389', starttls: true })),
    ).toEqual({ host: '::1' });
  });
});

describe('directory errors', () => {
  it('names the directory without credentials', () => {
    expect(directoryName(settings({ url: 'ldap://u:secret@h:389' }))).toBe(
      'ldap://h:389',
    );
  });

  it('tells a refusal from an unreachable directory', () => {
    const s = settings({});
    const refused = directoryError(
      s,
      new InvalidCredentialsError('Invalid Credentials'),
      'refused the bind',
    );
    expect(refused).toBeInstanceOf(ServiceUnavailableError);
    expect(refused.message).toMatch(
      /^The LDAP directory ldap:\/\/ldap\.example\.com refused the bind; caused by InvalidCredentialsError/,
    );
    const unreachable = directoryError(
      s,
      new Error('connect ECONNREFUSED'),
      'refused the bind',
    );
    expect(unreachable.message).toMatch(
      /^The LDAP directory ldap:\/\/ldap\.example\.com could not be reached; caused by Error: connect ECONNREFUSED/,
    );
    expect(directoryError(s, refused, 'other')).toBe(refused);
  });
});

describe('withClient', () => {
  const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

  it('gives the whole use timeoutMs, however many operations it waits for', async () => {
    const started = Date.now();
    const steps: number[] = [];
    await expect(
      withClient(settings({ timeoutMs: 300 }), async () => {
        // Each step alone is within the timeout, all together are not.
        for (let i = 0; i < 5; i += 1) {
          await sleep(200);
          steps.push(i);
        }
        return 'done';
      }),
    ).rejects.toThrow('No answer within 300 ms');
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(290);
    expect(took).toBeLessThan(1000);
    expect(steps.length).toBeLessThan(5);
  });

  it('answers what the use gives within the time', async () => {
    await expect(
      withClient(settings({ timeoutMs: 1000 }), async () => 'found'),
    ).resolves.toBe('found');
  });
});
