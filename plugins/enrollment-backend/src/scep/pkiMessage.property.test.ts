import { InputError } from '@backstage/errors';
import fc from 'fast-check';
import forge from 'node-forge';
import { CertificateAuthority } from '../pki/CertificateAuthority';
import { signCms } from '../pki/cms';
import { octetStringNode, printableStringNode } from '../pki/der';
import { generateCa } from '../pki/generateCa';
import {
  envelopeTo,
  makeCsr,
  makeRequester,
  signPkiMessage,
} from './__testUtils__/requester';
import { EnvelopeError, openEnvelope } from './envelope';
import { parsePkiRequest, PkiRequest } from './pkiMessage';
import { FAIL_INFO, MESSAGE_TYPE, SCEP_OID } from './scepConstants';
import { cpuNow } from '../__testUtils__/cpuClock';
import { mutate, mutation } from '../__testUtils__/derMutations';

// Bad input, explored by machine: whatever a SCEP client POSTs, the
// PKIMessage reader answers a request (with a `problem` for an unusable
// envelope or CSR, which the CA answers with a FAILURE CertRep) or throws
// an InputError (a 400), quickly: never a TypeError or RangeError (a 500).

const { asn1 } = forge;
const oids = forge.pki.oids;

const mutations = fc.array(mutation, { minLength: 1, maxLength: 4 });

/** Runs `read` within `budgetMs`: a value, or an error of one of `types`. */
function outcomeOf<T>(
  read: () => T,
  types: Array<new (...args: any[]) => Error>,
  budgetMs = 100,
): T | Error {
  const started = cpuNow();
  let outcome: T | Error;
  try {
    outcome = read();
  } catch (error) {
    outcome = error as Error;
  }
  expect(cpuNow() - started).toBeLessThan(budgetMs);
  if (outcome instanceof Error) {
    expect(types.some(type => outcome instanceof type)).toBe(true);
  }
  return outcome;
}

/** A request that says either what it asks or why it cannot be answered. */
function expectWellFormed(request: PkiRequest) {
  expect(typeof request.messageType).toBe('string');
  expect(typeof request.transactionId).toBe('string');
  expect(Buffer.isBuffer(request.senderNonce)).toBe(true);
  if (request.problem) {
    expect(Object.keys(FAIL_INFO)).toContain(request.problem.failInfo);
    expect(request.csr).toBeUndefined();
  }
}

describe('parsePkiRequest (property)', () => {
  const ca = CertificateAuthority.fromPem(generateCa({ organization: 'Test' }));
  const requester = makeRequester();
  const csr = makeCsr(requester, { challenge: 'secret-challenge' });
  const envelopes = [
    envelopeTo(csr, ca.certificate),
    envelopeTo(csr, ca.certificate, oids['aes128-CBC']),
    envelopeTo(csr, ca.certificate, oids['aes256-CBC']),
  ];
  const messages = [
    ...envelopes.map(envelope => signPkiMessage(requester, envelope)),
    signPkiMessage(requester, Buffer.from('anything'), {
      messageType: MESSAGE_TYPE.CertPoll,
    }),
  ];

  const readRequest = (der: Buffer) =>
    outcomeOf(() => parsePkiRequest(der, ca), [InputError]);

  beforeAll(() => {
    // Warm up forge and OpenSSL so the first timed run is like the others.
    for (const der of messages) expectWellFormed(parsePkiRequest(der, ca));
  });

  it('reads the valid messages', () => {
    for (const der of messages.slice(0, 3)) {
      const request = parsePkiRequest(der, ca);
      expect(request.problem).toBeUndefined();
      expect(request.challengePassword).toBe('secret-challenge');
    }
  });

  it('answers random bytes with an InputError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1024 }), bytes => {
        expect(readRequest(Buffer.from(bytes))).toBeInstanceOf(InputError);
      }),
      { numRuns: 200 },
    );
  });

  it('answers mutated PKIMessages with a request or an InputError', () => {
    fc.assert(
      fc.property(fc.constantFrom(...messages), mutations, (der, changes) => {
        const outcome = readRequest(mutate(der, changes));
        if (!(outcome instanceof Error)) expectWellFormed(outcome);
      }),
      { numRuns: 200 },
    );
  });

  // A requester signs whatever it likes with its own key: a validly signed
  // message around a broken envelope must still get a FAILURE CertRep.
  it('answers signed messages around mutated envelopes with a request', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...envelopes),
        mutations,
        (envelope, changes) => {
          const der = signPkiMessage(requester, mutate(envelope, changes));
          const outcome = readRequest(der);
          expect(outcome).not.toBeInstanceOf(Error);
          expectWellFormed(outcome as PkiRequest);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('answers signed messages around envelopes of mutated CSRs with a request', () => {
    fc.assert(
      fc.property(mutations, changes => {
        const envelope = envelopeTo(mutate(csr, changes), ca.certificate);
        const outcome = readRequest(signPkiMessage(requester, envelope));
        expect(outcome).not.toBeInstanceOf(Error);
        expectWellFormed(outcome as PkiRequest);
      }),
      // forge encrypts each envelope in JS: a few; readCsr's own test has more.
      { numRuns: 20 },
    );
  });

  /** An attribute value of any string type, or any other node. */
  const attributeValue: fc.Arbitrary<forge.asn1.Asn1> = fc.oneof(
    fc
      .tuple(
        fc.constantFrom(
          asn1.Type.PRINTABLESTRING,
          asn1.Type.UTF8,
          asn1.Type.IA5STRING,
          asn1.Type.BMPSTRING,
          asn1.Type.OCTETSTRING,
          asn1.Type.INTEGER,
          asn1.Type.OID,
        ),
        fc.oneof(
          fc.stringMatching(/^\d{1,4}$/),
          fc.string({ maxLength: 140, unit: 'binary' }),
        ),
      )
      .map(([type, text]) =>
        asn1.create(asn1.Class.UNIVERSAL, type, false, text),
      ),
    fc
      .uint8Array({ maxLength: 80 })
      .map(bytes => octetStringNode(Buffer.from(bytes))),
    fc.constant(
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, []),
    ),
    fc.constant(
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.PRINTABLESTRING, true, [
        printableStringNode('19'),
      ]),
    ),
  );

  it('answers validly signed messages with any SCEP attribute values', () => {
    fc.assert(
      fc.property(
        attributeValue,
        attributeValue,
        attributeValue,
        fc.subarray(['messageType', 'transactionId', 'senderNonce'] as const),
        (messageType, transactionId, senderNonce, kept) => {
          const values = { messageType, transactionId, senderNonce };
          const der = signCms({
            content: envelopes[0],
            signer: requester.certificate,
            key: requester.key,
            extraSignedAttributes: kept.map(name => ({
              type: SCEP_OID[name],
              value: values[name],
            })),
          });
          const outcome = readRequest(der);
          if (!(outcome instanceof Error)) expectWellFormed(outcome);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('answers mutated envelopes with their content or an EnvelopeError', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...envelopes),
        mutations,
        (envelope, changes) => {
          const outcome = outcomeOf(
            () => openEnvelope(mutate(envelope, changes), ca),
            [EnvelopeError],
          );
          // The decrypted content, or the EnvelopeError checked above.
          expect(outcome instanceof Error || Buffer.isBuffer(outcome)).toBe(
            true,
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  const nestedSequences = (depth: number) =>
    Buffer.concat([
      Buffer.alloc(depth * 2, Buffer.of(0x30, 0x80)),
      Buffer.alloc(depth * 2, 0),
    ]);

  it.each([
    ['a length of 2^32 - 1', Buffer.of(0x30, 0x84, 0xff, 0xff, 0xff, 0xff)],
    ['10,000 nested SEQUENCEs', nestedSequences(10_000)],
    [
      'a valid message with a length of 2^32 - 1 spliced in',
      Buffer.concat([
        messages[0].subarray(0, 4),
        Buffer.of(0x30, 0x84, 0xff, 0xff, 0xff, 0xff),
        messages[0].subarray(4),
      ]),
    ],
    [
      'a valid message with 10,000 nested SEQUENCEs as content',
      Buffer.concat([messages[0], nestedSequences(10_000)]),
    ],
  ])('refuses %s with an InputError', (_name, der) => {
    expect(
      outcomeOf(() => parsePkiRequest(der, ca), [InputError], 1000),
    ).toBeInstanceOf(InputError);
  });

  it.each([
    ['10,000 nested SEQUENCEs', nestedSequences(10_000)],
    ['a length of 2^32 - 1', Buffer.of(0x30, 0x84, 0xff, 0xff, 0xff, 0xff)],
  ])(
    'answers a signed message around %s as envelope with a problem',
    (_name, envelope) => {
      const request = parsePkiRequest(signPkiMessage(requester, envelope), ca);
      expect(request.problem?.failInfo).toBe('badMessageCheck');
    },
  );
});
