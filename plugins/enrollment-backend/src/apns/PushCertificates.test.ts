import { generateKeyPairSync } from 'node:crypto';
import { startApnsStandIn, RunningApns } from '@internal/test-harness';
import { selfSignedCertificate } from '@internal/test-harness';
import { StoredPushCertificate } from '../database/PushCertificateStore';
import { CertificateAuthority } from '../pki/CertificateAuthority';
import { generateCa } from '../pki/generateCa';
import { SecretSealer } from '../pki/SecretSealer';
import { readPushCertificate } from './pushCertificate';
import { PushCertificates } from './PushCertificates';

jest.setTimeout(60_000);

/** The store's contract, in memory: what the database keeps is checked below. */
class MemoryStore {
  row?: StoredPushCertificate;
  async get() {
    return this.row;
  }
  async put(certificatePem: string, privateKeySealed: string, now: Date) {
    this.row = { certificatePem, privateKeySealed, updatedAt: now };
  }
  async delete() {
    const had = Boolean(this.row);
    this.row = undefined;
    return had;
  }
}

describe('PushCertificates', () => {
  let apns: RunningApns;
  const ca = CertificateAuthority.fromPem(generateCa({ organization: 'Acme' }));
  const sealer = new SecretSealer(ca.privateKey, SecretSealer.PUSH_KEY);
  beforeAll(async () => {
    apns = await startApnsStandIn();
  });
  afterAll(() => apns.stop());

  it('takes a .p12 as Keychain Access exports it, keeps the key sealed, and reads the topic from the UID', async () => {
    const store = new MemoryStore();
    const certificates = new PushCertificates({ store, sealer });
    expect(await certificates.topic()).toBeUndefined();
    const summary = await certificates.upload({
      p12Base64: apns.pushCertificate.p12.toString('base64'),
      password: apns.pushCertificate.p12Password,
    });
    expect(summary).toMatchObject({
      configured: true,
      source: 'upload',
      topic: apns.pushCertificate.topic,
      serialNumber: expect.any(String),
      expiresSoon: false,
      expired: false,
    });
    expect(await certificates.topic()).toBe(apns.pushCertificate.topic);
    // The database never holds the key in the clear.
    expect(store.row!.privateKeySealed).not.toContain('PRIVATE KEY');
    expect(
      sealer.unseal(store.row!.privateKeySealed).toString('utf8'),
    ).toContain('PRIVATE KEY');
    // Nothing secret in what the settings page gets.
    expect(JSON.stringify(await certificates.summary())).not.toMatch(
      /PRIVATE KEY|BEGIN/,
    );
    await certificates.removeUpload();
    expect((await certificates.summary()).configured).toBe(false);
  });

  it('refuses a wrong .p12 password, a key of another certificate and a certificate that is not for MDM', async () => {
    const certificates = new PushCertificates({
      store: new MemoryStore(),
      sealer,
    });
    await expect(
      certificates.upload({
        p12Base64: apns.pushCertificate.p12.toString('base64'),
        password: 'wrong',
      }),
    ).rejects.toThrow(/password is wrong/);
    await expect(
      certificates.upload({ p12Base64: 'bm90IGEgcDEy', password: '' }),
    ).rejects.toThrow(/not a \.p12/);
    const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    await expect(
      certificates.upload({
        certificatePem: apns.pushCertificate.certificatePem,
        privateKeyPem: otherKey,
      }),
    ).rejects.toThrow(/does not belong to the certificate/);
    const tls = selfSignedCertificate('not-a-push-certificate');
    await expect(
      certificates.upload({
        certificatePem: tls.certificatePem,
        privateKeyPem: tls.privateKeyPem,
      }),
    ).rejects.toThrow(/not an MDM push certificate/);
  });

  it('refuses at start-up a configured topic that differs from the certificate, naming both', () => {
    const configured = readPushCertificate(
      apns.pushCertificate.certificatePem,
      apns.pushCertificate.privateKeyPem,
      'enrollment.apns',
    );
    expect(
      () =>
        new PushCertificates({
          configured,
          configuredTopic: 'com.apple.mgmt.External.other',
          store: new MemoryStore(),
          sealer,
        }),
    ).toThrow(
      `enrollment.topic is "com.apple.mgmt.External.other" but the push certificate in enrollment.apns is for the topic "${apns.pushCertificate.topic}"`,
    );
    // A configured certificate wins over uploads, which are refused.
    const fromConfig = new PushCertificates({
      configured,
      store: new MemoryStore(),
      sealer,
    });
    return expect(
      fromConfig.upload({
        certificatePem: apns.pushCertificate.certificatePem,
        privateKeyPem: apns.pushCertificate.privateKeyPem,
      }),
    ).rejects.toThrow(/comes from app-config/);
  });

  it('warns 30 days before the certificate expires', async () => {
    const shortLived = apns.issuePushCertificate({ days: 20 });
    const certificates = new PushCertificates({
      store: new MemoryStore(),
      sealer,
    });
    const summary = await certificates.upload({
      certificatePem: shortLived.certificatePem,
      privateKeyPem: shortLived.privateKeyPem,
    });
    expect(summary).toMatchObject({
      topic: shortLived.topic,
      expiresSoon: true,
      expired: false,
    });
    const later = new PushCertificates({
      store: new MemoryStore(),
      sealer,
      clock: () => new Date(Date.now() + 21 * 86_400_000),
    });
    await expect(
      later.upload({
        certificatePem: shortLived.certificatePem,
        privateKeyPem: shortLived.privateKeyPem,
      }),
    ).rejects.toThrow(/expired/);
  });
});
