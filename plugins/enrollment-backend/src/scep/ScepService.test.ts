import { InputError } from '@backstage/errors';
import { mockServices } from '@backstage/backend-test-utils';
import { CertificateAuthority } from '../pki/CertificateAuthority';
import { createHash } from 'node:crypto';
import { generateCa } from '../pki/generateCa';
import { issueDeviceCertificate } from '../pki/issueCertificate';
import { certificateToDer } from '../pki/nativeSigning';
import { csrWithRsaKeyOfSize } from './__testUtils__/hostileCsr';
import {
  MemoryChallengeStore,
  MemoryRecorder,
} from './__testUtils__/memoryStores';
import {
  envelopeTo,
  makeCsr,
  makeRequester,
  readCertRep,
  signPkiMessage,
} from './__testUtils__/requester';
import { MESSAGE_TYPE, SCEP_OID } from './scepConstants';
import { ScepService } from './ScepService';

describe('ScepService', () => {
  const ca = CertificateAuthority.fromPem(generateCa({ organization: 'Test' }));
  const requester = makeRequester();
  const now = new Date('2031-01-01T00:00:00Z');
  let challenges: MemoryChallengeStore;
  let recorder: MemoryRecorder;
  let service: ScepService;

  beforeEach(() => {
    challenges = new MemoryChallengeStore();
    recorder = new MemoryRecorder();
    service = new ScepService({
      ca,
      challenges,
      recorder,
      lifetimeDays: 30,
      clock: () => now,
      logger: mockServices.logger.mock(),
    });
  });

  const pkcsReq = (challenge?: string, messageType?: string) =>
    signPkiMessage(
      requester,
      envelopeTo(makeCsr(requester, { challenge }), ca.certificate),
      { messageType, transactionId: 'tx' },
    );

  const statusOf = (der: Buffer) => {
    const reply = readCertRep(der);
    return {
      status: reply.text(SCEP_OID.pkiStatus),
      failInfo: reply.text(SCEP_OID.failInfo),
      reply,
    };
  };

  it('announces only what it implements', () => {
    expect(service.capabilities().trim().split('\n')).toEqual([
      'POSTPKIOperation',
      'Renewal',
      'SHA-256',
      'SHA-1',
      'AES',
      'DES3',
      'SCEPStandard',
    ]);
    expect(service.caCertificate()).toEqual(ca.certificateDer);
  });

  it('issues and records a certificate for a valid challenge', async () => {
    const challenge = challenges.mint('enrollment-7', 60_000, now);
    const { status, reply } = statusOf(
      await service.pkiOperation(pkcsReq(challenge)),
    );
    expect(status).toBe('0');
    const [issued] = reply.issued(requester);
    expect(issued.subject.getField('CN').value).toBe('Test Mac');
    expect(issued.validity.notAfter.toISOString()).toBe(
      '2031-01-31T00:00:00.000Z',
    );
    expect(recorder.records).toEqual([
      expect.objectContaining({
        serialNumber: issued.serialNumber,
        enrollmentId: 'enrollment-7',
        subject: 'CN=Test Mac, O=Acme',
        notBefore: issued.validity.notBefore,
        notAfter: issued.validity.notAfter,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    ]);
  });

  it.each([
    ['a missing challenge', undefined],
    ['an unknown challenge', 'nope'],
  ])('answers FAILURE badRequest for %s', async (_case, challenge) => {
    expect(
      statusOf(await service.pkiOperation(pkcsReq(challenge))),
    ).toMatchObject({
      status: '2',
      failInfo: '2',
    });
    expect(recorder.records).toHaveLength(0);
  });

  it('notes issued and refused requests in the activity log', async () => {
    const activity: Array<{ type: string; message: string; data?: object }> =
      [];
    const noted = new ScepService({
      ca,
      challenges,
      recorder,
      clock: () => now,
      activity: { record: async event => void activity.push(event) },
    });
    const challenge = challenges.mint('enrollment-9', 60_000, now);
    await noted.pkiOperation(pkcsReq(challenge));
    await noted.pkiOperation(pkcsReq(challenge));
    expect(activity).toEqual([
      {
        type: 'scep.issued',
        message: 'Issued a device certificate to "CN=Test Mac, O=Acme"',
        data: expect.objectContaining({ enrollmentId: 'enrollment-9' }),
      },
      {
        type: 'scep.refused',
        message:
          'SCEP request refused: The challenge is unknown, used or expired',
        data: { failInfo: 'badRequest', transactionId: 'tx' },
      },
    ]);
    expect(JSON.stringify(activity)).not.toContain(challenge);
  });

  it('answers FAILURE for a used or expired challenge', async () => {
    const used = challenges.mint('e', 60_000, now);
    expect(statusOf(await service.pkiOperation(pkcsReq(used))).status).toBe(
      '0',
    );
    expect(statusOf(await service.pkiOperation(pkcsReq(used))).failInfo).toBe(
      '2',
    );
    const expired = challenges.mint(
      'e',
      60_000,
      new Date(now.getTime() - 61_000),
    );
    expect(
      statusOf(await service.pkiOperation(pkcsReq(expired))).failInfo,
    ).toBe('2');
    expect(recorder.records).toHaveLength(1);
  });

  it.each([
    ['RenewalReq', MESSAGE_TYPE.RenewalReq],
    ['UpdateReq', MESSAGE_TYPE.UpdateReq],
    ['CertPoll', MESSAGE_TYPE.CertPoll],
    ['GetCert', MESSAGE_TYPE.GetCert],
    ['GetCRL', MESSAGE_TYPE.GetCRL],
  ])(
    'answers FAILURE badRequest to %s without using the challenge',
    async (_n, type) => {
      const challenge = challenges.mint('e', 60_000, now);
      expect(
        statusOf(await service.pkiOperation(pkcsReq(challenge, type))),
      ).toMatchObject({
        status: '2',
        failInfo: '2',
      });
      expect(await challenges.redeem(challenge, now)).toEqual({
        enrollmentId: 'e',
      });
    },
  );

  describe('RenewalReq, signed by the identity it renews', () => {
    // The Mac's current identity: its own key, a certificate from this CA.
    const current = makeRequester('Alice Mac');
    current.certificate = issueDeviceCertificate({
      ca,
      publicKey: current.publicKey,
      subject: [{ shortName: 'CN', value: 'Alice Mac' }],
      lifetimeDays: 365,
      now: new Date('2030-06-01T00:00:00Z'),
    });
    const sha256 = createHash('sha256')
      .update(certificateToDer(current.certificate))
      .digest('hex');
    let identity: {
      enrollmentId: string;
      computerId?: string;
      notAfter: Date;
      revokedAt?: Date;
    };
    const renewing = () =>
      new ScepService({
        ca,
        challenges,
        recorder,
        identities: {
          findBySha256: async h => (h === sha256 ? identity : undefined),
        },
        lifetimeDays: 30,
        clock: () => now,
      });
    const renewalReq = (signer = current) =>
      signPkiMessage(signer, envelopeTo(makeCsr(signer, {}), ca.certificate), {
        messageType: MESSAGE_TYPE.RenewalReq,
        transactionId: 'renew',
      });
    beforeEach(() => {
      identity = {
        enrollmentId: 'e1',
        computerId: 'c1',
        notAfter: new Date('2031-06-01T00:00:00Z'),
      };
    });

    it('issues a new identity for the same enrollment and Mac without a challenge', async () => {
      const reply = statusOf(await renewing().pkiOperation(renewalReq()));
      expect(reply.status).toBe('0');
      expect(recorder.records).toEqual([
        expect.objectContaining({ enrollmentId: 'e1', computerId: 'c1' }),
      ]);
    });

    it.each([
      ['revoked', () => (identity.revokedAt = now)],
      ['expired', () => (identity.notAfter = now)],
      ['bound to no Mac', () => (identity.computerId = undefined)],
    ])('refuses an identity that is %s', async (_what, change) => {
      change();
      expect(
        statusOf(await renewing().pkiOperation(renewalReq())).failInfo,
      ).toBe('4');
      expect(recorder.records).toHaveLength(0);
    });

    it('refuses a self-signed or unknown signer', async () => {
      expect(
        statusOf(await renewing().pkiOperation(renewalReq(requester))).failInfo,
      ).toBe('4');
      expect(recorder.records).toHaveLength(0);
    });
  });

  it('answers FAILURE badMessageCheck when the envelope is not for this CA, keeping the challenge', async () => {
    const other = CertificateAuthority.fromPem(
      generateCa({ organization: 'Other' }),
    );
    const challenge = challenges.mint('e', 60_000, now);
    const der = signPkiMessage(
      requester,
      envelopeTo(makeCsr(requester, { challenge }), other.certificate),
    );
    expect(statusOf(await service.pkiOperation(der)).failInfo).toBe('1');
    expect(await challenges.redeem(challenge, now)).toBeDefined();
  });

  describe('a CSR whose RSA key is built to stall the verifier', () => {
    // One modular exponentiation with an exponent as long as the modulus:
    // ~5 s of blocked event loop at 8192 bits, minutes at 16384 in forge.
    it.each([
      ['an 8192-bit modulus and an 8191-bit exponent', 8192, 8191],
      ['a 16384-bit modulus and a 16383-bit exponent', 16384, 16383],
    ])(
      'answers FAILURE badAlg to %s, keeping the challenge',
      async (_case, modulusBits, exponentBits) => {
        const activity: Array<{ message: string }> = [];
        const guarded = new ScepService({
          ca,
          challenges,
          recorder,
          clock: () => now,
          activity: { record: async event => void activity.push(event) },
        });
        const challenge = challenges.mint('e', 60_000, now);
        const der = signPkiMessage(
          requester,
          envelopeTo(
            csrWithRsaKeyOfSize({ modulusBits, exponentBits, challenge }),
            ca.certificate,
          ),
          { transactionId: 'tx' },
        );
        expect(statusOf(await guarded.pkiOperation(der))).toMatchObject({
          status: '2',
          failInfo: '0',
        });
        expect(activity.map(event => event.message)).toEqual([
          'SCEP request refused: The CSR key must be RSA 1024–4096 bits with exponent 65537',
        ]);
        expect(await challenges.redeem(challenge, now)).toBeDefined();
        expect(recorder.records).toHaveLength(0);
      },
    );
  });

  it('throws InputError for what is not a signed PKIMessage', async () => {
    await expect(service.pkiOperation(Buffer.from('junk'))).rejects.toThrow(
      InputError,
    );
    const der = pkcsReq('x');
    der[der.length - 1] ^= 1;
    await expect(service.pkiOperation(der)).rejects.toThrow(
      /signature does not verify/,
    );
  });

  it('refuses a lifetime that is not whole days', () => {
    expect(
      () => new ScepService({ ca, challenges, recorder, lifetimeDays: 0 }),
    ).toThrow(InputError);
  });
});
