import express from 'express';
import request from 'supertest';
import { CertificateAuthority } from '../pki/CertificateAuthority';
import { generateCa } from '../pki/generateCa';
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
import { createScepRouter } from './router';
import { SCEP_OID } from './scepConstants';
import { ScepService } from './ScepService';

describe('createScepRouter', () => {
  const ca = CertificateAuthority.fromPem(generateCa({ organization: 'Test' }));
  const challenges = new MemoryChallengeStore();
  const recorder = new MemoryRecorder();
  const app = express().use(
    createScepRouter(new ScepService({ ca, challenges, recorder })),
  );
  const requester = makeRequester();
  const message = (challenge: string) =>
    signPkiMessage(
      requester,
      envelopeTo(makeCsr(requester, { challenge }), ca.certificate),
    );
  const binary = (
    res: request.Response,
    done: (e: Error | null, b: Buffer) => void,
  ) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  };

  it('GetCACaps lists the capabilities as text/plain', async () => {
    const res = await request(app).get('/scep?operation=GetCACaps');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toBe(
      'POSTPKIOperation\nRenewal\nSHA-256\nSHA-1\nAES\nDES3\nSCEPStandard\n',
    );
  });

  it('GetCACert returns the CA certificate DER', async () => {
    const res = await request(app)
      .get('/scep?operation=GetCACert&message=anything')
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-x509-ca-cert');
    expect(Buffer.compare(res.body, ca.certificateDer)).toBe(0);
  });

  it.each([
    [
      '/scep?operation=GetNextCACert',
      /Unsupported SCEP operation "GetNextCACert"/,
    ],
    ['/scep', /Missing SCEP operation/],
    ['/scep?operation=getcacaps', /Unsupported SCEP operation/],
    ['/scep?operation[]=GetCACaps', /Missing SCEP operation/],
  ])('GET %s is a 400 that says what is supported', async (url, reason) => {
    const res = await request(app).get(url);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(reason);
    expect(res.text).toContain('Supported: GET or POST ?operation=GetCACaps');
  });

  it('POST PKIOperation answers a CertRep', async () => {
    const res = await request(app)
      .post('/scep?operation=PKIOperation')
      .set('Content-Type', 'application/x-pki-message')
      .send(message(challenges.mint('e1', 60_000)))
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-pki-message');
    expect(readCertRep(res.body).text(SCEP_OID.pkiStatus)).toBe('0');
    expect(recorder.records.map(r => r.enrollmentId)).toContain('e1');
  });

  it('GET PKIOperation takes the message base64 in the query, even with + turned to spaces', async () => {
    const base64 = message(challenges.mint('e2', 60_000)).toString('base64');
    const res = await request(app)
      .get(`/scep?operation=PKIOperation&message=${base64}`)
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(readCertRep(res.body).text(SCEP_OID.pkiStatus)).toBe('0');

    const failed = await request(app)
      .get(
        `/scep?operation=PKIOperation&message=${encodeURIComponent(
          message('wrong').toString('base64'),
        )}`,
      )
      .buffer(true)
      .parse(binary);
    expect(readCertRep(failed.body).text(SCEP_OID.failInfo)).toBe('2');
  });

  it.each([
    [
      'garbage',
      Buffer.from('hello'),
      /^Invalid SCEP PKIMessage: The CMS message is not valid DER\n$/,
    ],
    ['an empty body', Buffer.alloc(0), /needs a DER PKIMessage body/],
  ])(
    'POST PKIOperation with %s is a short 400, no stack trace',
    async (_n, body, reason) => {
      const res = await request(app)
        .post('/scep?operation=PKIOperation')
        .set('Content-Type', 'application/x-pki-message')
        .send(body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.text).toMatch(reason);
      expect(res.text).not.toMatch(/\bat .*\.ts:\d+/);
    },
  );

  it('GET PKIOperation without a usable message is a 400', async () => {
    const none = await request(app).get('/scep?operation=PKIOperation');
    expect(none.status).toBe(400);
    expect(none.text).toMatch(/needs a message= parameter/);
    const bad = await request(app).get(
      '/scep?operation=PKIOperation&message=%%%',
    );
    expect(bad.status).toBe(400);
  });

  it('refuses a body over 64 KiB with 413', async () => {
    const res = await request(app)
      .post('/scep?operation=PKIOperation')
      .set('Content-Type', 'application/x-pki-message')
      .send(Buffer.alloc(65 * 1024, 0x30));
    expect(res.status).toBe(413);
    expect(res.text).toBe('The PKIMessage is larger than 64 KiB\n');
  });

  it('answers a 500 without details when the service breaks', async () => {
    const broken = new ScepService({
      ca,
      challenges: {
        redeem: () => Promise.reject(new Error('database is down')),
      },
      recorder,
    });
    const res = await request(express().use(createScepRouter(broken)))
      .post('/scep?operation=PKIOperation')
      .send(message('any'));
    expect(res.status).toBe(500);
    expect(res.text).toBe('The SCEP request could not be processed\n');
  });
});
