import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoredProfileSigning } from '../database/ProfileSigningStore';
import { CertificateAuthority } from '../pki/CertificateAuthority';
import { generateCa } from '../pki/generateCa';
import { CaProfileSigner } from '../pki/profileSigner';
import { SecretSealer } from '../pki/SecretSealer';
import { exportP12, ThirdPartyCa } from '../__testUtils__/thirdPartySigner';
import { PROFILE_SIGNING_REFRESH_MS, ProfileSigning } from './ProfileSigning';

jest.setTimeout(60_000);

/** The store's contract, in memory, shared by two replicas. */
class MemoryStore {
  row?: StoredProfileSigning;
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

describe('ProfileSigning', () => {
  const ca = CertificateAuthority.fromPem(generateCa({ organization: 'Acme' }));
  const sealer = new SecretSealer(
    ca.privateKey,
    SecretSealer.PROFILE_SIGNING_KEY,
  );
  let dir: string;
  let p12: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'signing-unit-'));
    const thirdParty = new ThirdPartyCa(dir);
    p12 = exportP12(dir, thirdParty.issue('Signer'), 'pw');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the key sealed; another replica picks an upload and a removal up within a minute', async () => {
    const store = new MemoryStore();
    const replica = (caSigner = new CaProfileSigner(ca, 'Acme')) =>
      new ProfileSigning({ caSigner, store, sealer });
    const a = replica();
    const b = replica();
    expect((await b.summary()).source).toBe('ca');

    await a.upload({ p12, password: 'pw' });
    expect(store.row!.privateKeySealed).not.toContain('PRIVATE KEY');
    expect(sealer.unseal(store.row!.privateKeySealed).toString()).toContain(
      'PRIVATE KEY',
    );
    expect((await a.signer()).certificate.subject.getField('CN').value).toBe(
      'Signer',
    );
    // b read the store before the upload: it keeps what it read a while.
    expect((await b.summary()).source).toBe('ca');
    const now = Date.now();
    const later = jest
      .spyOn(Date, 'now')
      .mockReturnValue(now + PROFILE_SIGNING_REFRESH_MS);
    try {
      expect((await b.summary()).source).toBe('upload');
      await a.removeUpload();
      expect((await a.summary()).source).toBe('ca');
      later.mockReturnValue(now + 2 * PROFILE_SIGNING_REFRESH_MS);
      expect((await b.signer()).certificate.subject.getField('CN').value).toBe(
        'Acme Profile Signing',
      );
    } finally {
      later.mockRestore();
    }
  });
});
