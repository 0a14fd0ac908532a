import { TestDatabases } from '@backstage/backend-test-utils';
import { migrated } from '../__testUtils__/stores';
import { DatabaseScepChallengeStore } from '../database/DatabaseScepChallengeStore';
import { verifyCms } from '../pki/cms';
import { CertificateAuthority } from '../pki/CertificateAuthority';
import { generateCa } from '../pki/generateCa';
import { EnrollmentProfileService } from './EnrollmentProfileService';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const ca = CertificateAuthority.fromPem(generateCa({ organization: 'Acme' }));

describe('EnrollmentProfileService', () => {
  afterEach(() => jest.restoreAllMocks());

  it('makes its signing key off the event loop, once for downloads that arrive together', async () => {
    const knex = await migrated(await databases.init('SQLITE_3'));
    const service = new EnrollmentProfileService({
      ca,
      challenges: new DatabaseScepChallengeStore(knex),
      topic: async () => 'com.apple.mgmt.External.test',
      allowInsecureUrls: false,
      tlsTrustPem: [],
      organization: 'Acme',
      baseUrl: async () => 'https://mdm.example.com/api/enrollment',
    });
    // A synchronous RSA key generation blocks every request for ~240 ms.
    // eslint-disable-next-line @backstage/no-undeclared-imports
    const crypto = require('crypto');
    const blocking = jest.spyOn(crypto, 'generateKeyPairSync');

    const profiles = await Promise.all(
      ['e1', 'e2', 'e3'].map(id =>
        service.signedProfile({ id, user: {} }, { organization: 'Acme' }),
      ),
    );

    expect(blocking).not.toHaveBeenCalled();
    const signers = profiles.map(p => verifyCms(p).signer.serialNumber);
    expect(new Set(signers).size).toBe(1);
    expect(ca.issued(verifyCms(profiles[0]).signer)).toBe(true);
  });
});
