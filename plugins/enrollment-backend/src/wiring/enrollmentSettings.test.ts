import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  selfSignedCertificate,
  startApnsStandIn,
} from '@internal/test-harness';
import { readEnrollmentSettings } from './enrollmentSettings';

describe('readEnrollmentSettings', () => {
  it('fills defaults for the demo', () => {
    const settings = readEnrollmentSettings(new ConfigReader({}));
    expect(settings).toEqual({
      organization: 'Example Corp',
      topic: undefined,
      ca: undefined,
      smtp: undefined,
      outbox: { directory: '.data/outbox', from: 'IT <it@example.com>' },
      invitationCodeSecret: undefined,
      delivery: {
        batchSize: 50,
        concurrency: 8,
        leaseMs: 300_000,
        maxAttempts: 10,
        initialRetryMs: 30_000,
        maxRetryMs: 3_600_000,
      },
      deliveryIntervalSeconds: 10,
      localAccounts: [],
      mdm: {
        agentManifestUrl: undefined,
        certificateLifetimeDays: 365,
        renewalDays: 30,
      },
      apns: {
        certificate: undefined,
        endpoint: 'https://api.push.apple.com',
        caPem: undefined,
        coalesceMs: 1000,
        concurrency: 50,
        initialRetryMs: 5000,
        maxRetryMs: 600_000,
        leaseMs: 60_000,
      },
      allowInsecureUrls: false,
      tlsTrustPem: [],
      quickadd: { identifier: 'com.macenroll.enrollment.quickadd' },
      eventRetentionDays: 365,
    });
  });

  it('reads the push certificate from enrollment.apns and refuses half of one or a non-MDM one', async () => {
    // Only its push certificate is used: one as Apple's portal issues them.
    const standIn = await startApnsStandIn();
    await standIn.stop();
    const push = standIn.pushCertificate;
    const read = (apns: object) =>
      readEnrollmentSettings(new ConfigReader({ enrollment: { apns } }));
    const settings = read({
      certificate: push.certificatePem,
      privateKey: push.privateKeyPem,
      endpoint: 'https://127.0.0.1:2197',
      coalesceMilliseconds: 0,
    });
    expect(settings.apns).toMatchObject({
      endpoint: 'https://127.0.0.1:2197',
      coalesceMs: 0,
      certificate: { topic: push.topic },
    });
    expect(() => read({ certificate: push.certificatePem })).toThrow(
      /both certificate and privateKey/,
    );
    expect(() => read({ endpoint: 'http://api.push.apple.com' })).toThrow(
      /https/,
    );
    const tls = selfSignedCertificate();
    expect(() =>
      read({ certificate: tls.certificatePem, privateKey: tls.privateKeyPem }),
    ).toThrow(/enrollment.apns: this is not an MDM push certificate/);
  });

  it('takes the TLS chain for the profile and a renewal window shorter than the lifetime', () => {
    const tls = selfSignedCertificate();
    const settings = readEnrollmentSettings(
      new ConfigReader({
        enrollment: {
          tlsTrust: `${tls.certificatePem}\n${tls.certificatePem}`,
          mdm: { renewalDays: 10, certificateLifetimeDays: 90 },
        },
      }),
    );
    expect(settings.tlsTrustPem).toHaveLength(2);
    expect(settings.mdm.renewalDays).toBe(10);
    expect(() =>
      readEnrollmentSettings(
        new ConfigReader({ enrollment: { tlsTrust: 'not a certificate' } }),
      ),
    ).toThrow(/PEM certificates/);
    expect(() =>
      readEnrollmentSettings(
        new ConfigReader({
          enrollment: { mdm: { renewalDays: 90, certificateLifetimeDays: 90 } },
        }),
      ),
    ).toThrow(/renewalDays/);
  });

  it('takes an event retention in whole days', () => {
    const read = (retentionDays: number) =>
      readEnrollmentSettings(
        new ConfigReader({ enrollment: { events: { retentionDays } } }),
      );
    expect(read(30).eventRetentionDays).toBe(30);
    expect(() => read(0)).toThrow(/retentionDays/);
    expect(() => read(1.5)).toThrow(/whole number/);
  });

  it('takes a reverse-DNS QuickAdd package identifier and refuses others', () => {
    const read = (identifier: string) =>
      readEnrollmentSettings(
        new ConfigReader({ enrollment: { quickadd: { identifier } } }),
      );
    expect(read('com.example.enroll').quickadd.identifier).toBe(
      'com.example.enroll',
    );
    expect(() => read('enroll')).toThrow(/reverse-DNS/);
    expect(() => read('com.example/../x')).toThrow(/reverse-DNS/);
  });

  it('reads SMTP with implicit-TLS port default', () => {
    const settings = readEnrollmentSettings(
      new ConfigReader({
        enrollment: {
          organization: 'Acme',
          smtp: { host: 'mx', secure: true, auth: { user: 'u', pass: 'p' } },
        },
      }),
    );
    expect(settings.organization).toBe('Acme');
    expect(settings.smtp).toEqual({
      host: 'mx',
      port: 465,
      secure: true,
      requireTLS: false,
      auth: { user: 'u', pass: 'p' },
      from: 'IT <it@example.com>',
    });
  });

  it('refuses an APNs topic Apple would reject', () => {
    expect(() =>
      readEnrollmentSettings(
        new ConfigReader({ enrollment: { topic: 'com.example.push' } }),
      ),
    ).toThrow(/must begin with "com.apple.mgmt."/);
  });

  it('refuses half a CA', () => {
    expect(() =>
      readEnrollmentSettings(
        new ConfigReader({ enrollment: { ca: { certificate: 'x' } } }),
      ),
    ).toThrow(/privateKey/);
  });

  it('reads local portal accounts and refuses ambiguous ones', () => {
    expect(
      readEnrollmentSettings(
        new ConfigReader({
          enrollment: {
            portal: {
              localAccounts: [{ username: 'enroll', password: 'twelve-chars' }],
            },
          },
        }),
      ).localAccounts,
    ).toEqual([
      { username: 'enroll', password: 'twelve-chars', passwordHash: undefined },
    ]);
    expect(() =>
      readEnrollmentSettings(
        new ConfigReader({
          enrollment: { portal: { localAccounts: [{ username: 'x' }] } },
        }),
      ),
    ).toThrow(
      'enrollment.portal.localAccounts[0] (x) needs exactly one of password or passwordHash',
    );
    expect(() =>
      readEnrollmentSettings(
        new ConfigReader({
          enrollment: {
            portal: {
              localAccounts: [{ username: 'x', passwordHash: 'md5:abc' }],
            },
          },
        }),
      ),
    ).toThrow(/is not an scrypt hash string/);
  });

  it('refuses a portal password shorter than 12 characters, naming the account but not the password', () => {
    const read = (password: string) =>
      readEnrollmentSettings(
        new ConfigReader({
          enrollment: {
            portal: {
              localAccounts: [
                { username: 'kiosk', password: 'long-enough-pw' },
                { username: 'enroll', password },
              ],
            },
          },
        }),
      );
    let message = '';
    try {
      read('change-me');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(
      'enrollment.portal.localAccounts[1] (enroll): the password must be at least 12 characters long; set a longer one, or a passwordHash',
    );
    expect(message).not.toContain('change-me');
    expect(() => read('eleven-char')).toThrow(InputError);
    expect(read('twelve-chars').localAccounts).toHaveLength(2);
    // A hash is not a password: its length says nothing.
    expect(
      readEnrollmentSettings(
        new ConfigReader({
          enrollment: {
            portal: {
              localAccounts: [
                {
                  username: 'enroll',
                  passwordHash: `scrypt$16384$8$5$${'A'.repeat(
                    22,
                  )}==$${'A'.repeat(43)}=`,
                },
              ],
            },
          },
        }),
      ).localAccounts,
    ).toHaveLength(1);
  });

  it('reads each duration from its HumanDuration key, in the unit of its number key', () => {
    const settings = readEnrollmentSettings(
      new ConfigReader({
        enrollment: {
          delivery: {
            lease: { minutes: 2 },
            initialRetry: 'PT45S',
            maxRetry: { hours: 2 },
            interval: '30s',
          },
          apns: {
            coalesce: { milliseconds: 250 },
            initialRetry: 'PT10S',
            maxRetry: { minutes: 5 },
          },
          mdm: { certificateLifetime: { days: 90 }, renewal: 'P14D' },
          events: { retention: { weeks: 4 } },
        },
      }),
    );
    expect(settings.delivery).toMatchObject({
      leaseMs: 120_000,
      initialRetryMs: 45_000,
      maxRetryMs: 7_200_000,
    });
    expect(settings.deliveryIntervalSeconds).toBe(30);
    expect(settings.apns).toMatchObject({
      coalesceMs: 250,
      initialRetryMs: 10_000,
      maxRetryMs: 300_000,
    });
    expect(settings.mdm).toMatchObject({
      certificateLifetimeDays: 90,
      renewalDays: 14,
    });
    expect(settings.eventRetentionDays).toBe(28);
  });

  it('refuses a duration set both as a number and as a HumanDuration', () => {
    const read = (enrollment: object) =>
      readEnrollmentSettings(new ConfigReader({ enrollment }));
    expect(() =>
      read({ delivery: { leaseSeconds: 300, lease: { minutes: 5 } } }),
    ).toThrow(InputError);
    expect(() =>
      read({ delivery: { leaseSeconds: 300, lease: { minutes: 5 } } }),
    ).toThrow(
      'enrollment.delivery.leaseSeconds and enrollment.delivery.lease are both set; set only one of them',
    );
    expect(() =>
      read({ apns: { coalesceMilliseconds: 0, coalesce: 'PT1S' } }),
    ).toThrow(
      /enrollment\.apns\.coalesceMilliseconds and enrollment\.apns\.coalesce are both set/,
    );
    expect(() =>
      read({ mdm: { renewalDays: 10, renewal: { days: 10 } } }),
    ).toThrow(
      /enrollment\.mdm\.renewalDays and enrollment\.mdm\.renewal are both set/,
    );
  });

  it('checks a HumanDuration like its number key and names the key that was set', () => {
    const read = (enrollment: object) =>
      readEnrollmentSettings(new ConfigReader({ enrollment }));
    expect(() => read({ events: { retention: { hours: 36 } } })).toThrow(
      'enrollment.events.retention (in days) must be a whole number of days between 1 and 36500',
    );
    expect(() => read({ apns: { maxRetry: { seconds: -1 } } })).toThrow(
      'enrollment.apns.maxRetry (in milliseconds) must not be negative',
    );
    expect(() => read({ delivery: { lease: 'soon' } })).toThrow(
      /enrollment\.delivery\.lease must be a duration/,
    );
  });
});
