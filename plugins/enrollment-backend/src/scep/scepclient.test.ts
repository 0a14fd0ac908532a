import { execFile, execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, requireCommand } from '@internal/test-harness';
import express from 'express';
import { CertificateAuthority } from '../pki/CertificateAuthority';
import { generateCa } from '../pki/generateCa';
import {
  MemoryChallengeStore,
  MemoryRecorder,
} from './__testUtils__/memoryStores';
import { createScepRouter } from './router';
import { ScepService } from './ScepService';

jest.setTimeout(60_000);

const scepclient = requireCommand('scepclient', 'scep');
const openssl = requireCommand('openssl', 'openssl');

/** micromdm's scepclient (Go, smallstep/pkcs7) against this server. */
describe('SCEP interop with scepclient', () => {
  const material = generateCa({ organization: 'Test' });
  const ca = CertificateAuthority.fromPem(material);
  const challenges = new MemoryChallengeStore();
  const recorder = new MemoryRecorder();
  let server: Server;
  let url: string;
  let root: string;
  let caPath: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'scepclient-'));
    caPath = join(root, 'ca.pem');
    writeFileSync(caPath, material.certificatePem);
    const app = express();
    app.use(createScepRouter(new ScepService({ ca, challenges, recorder })));
    const port = await freePort();
    await new Promise<void>(resolve => {
      server = app.listen(port, '127.0.0.1', () => resolve());
    });
    url = `http://127.0.0.1:${port}/scep`;
  });

  afterAll(async () => {
    await new Promise(resolve => server.close(resolve));
    rmSync(root, { recursive: true, force: true });
  });

  let runs = 0;
  /** One scepclient run in a fresh directory: it caches key, csr.pem and self.pem there. */
  function enroll(challenge: string) {
    const dir = join(root, `run-${++runs}`);
    mkdirSync(dir);
    const certPath = join(dir, 'cert.pem');
    return new Promise<{ code: number; output: string; certPath: string }>(
      resolve => {
        execFile(
          scepclient,
          [
            '-server-url',
            url,
            '-challenge',
            challenge,
            '-private-key',
            join(dir, 'key.pem'),
            '-certificate',
            certPath,
            '-cn',
            'Test Mac',
            '-organization',
            'Acme',
          ],
          { timeout: 30_000 },
          (error, stdout, stderr) => {
            const code = typeof error?.code === 'number' ? error.code : 1;
            resolve({
              code: error ? code : 0,
              output: `${stdout}${stderr}`,
              certPath,
            });
          },
        );
      },
    );
  }

  it('enrolls: the certificate chains to the CA, has the CSR subject and clientAuth, and is recorded', async () => {
    const challenge = challenges.mint('enrollment-1', 60_000);
    const run = await enroll(challenge);
    expect(run.output).toContain('pkiStatus=SUCCESS');
    expect(run.code).toBe(0);
    expect(existsSync(run.certPath)).toBe(true);

    expect(
      execFileSync(openssl, ['verify', '-CAfile', caPath, run.certPath], {
        encoding: 'utf8',
      }).trim(),
    ).toBe(`${run.certPath}: OK`);
    const text = execFileSync(
      openssl,
      ['x509', '-in', run.certPath, '-noout', '-text', '-nameopt', 'RFC2253'],
      { encoding: 'utf8' },
    );
    expect(text).toMatch(/Subject: .*CN=Test Mac/);
    expect(text).toMatch(/Subject: .*O=Acme/);
    expect(text).toMatch(/Extended Key Usage:\s+TLS Web Client Authentication/);
    expect(text).toMatch(
      /Key Usage: critical\s+Digital Signature, Key Encipherment/,
    );

    expect(recorder.records).toHaveLength(1);
    const [record] = recorder.records;
    expect(record.enrollmentId).toBe('enrollment-1');
    expect(record.subject).toContain('CN=Test Mac');
    const fingerprint = execFileSync(
      openssl,
      ['x509', '-in', run.certPath, '-noout', '-fingerprint', '-sha256'],
      { encoding: 'utf8' },
    );
    expect(
      fingerprint.trim().split('=')[1].replace(/:/g, '').toLowerCase(),
    ).toBe(record.sha256);
    expect(readFileSync(run.certPath, 'utf8')).toContain('BEGIN CERTIFICATE');
  });

  it('refuses a wrong challenge', async () => {
    const before = recorder.records.length;
    const run = await enroll('not-a-challenge');
    expect(run.code).not.toBe(0);
    // FAILURE with failInfo badRequest (2), not a transport error.
    expect(run.output).toMatch(
      /PKCSReq \(19\) request failed, failInfo: badRequest \(2\)/,
    );
    expect(existsSync(run.certPath)).toBe(false);
    expect(recorder.records).toHaveLength(before);
  });

  it('refuses a challenge that was already used', async () => {
    const challenge = challenges.mint('enrollment-2', 60_000);
    expect((await enroll(challenge)).code).toBe(0);
    const second = await enroll(challenge);
    expect(second.code).not.toBe(0);
    expect(second.output).toMatch(/failInfo: badRequest \(2\)/);
    expect(existsSync(second.certPath)).toBe(false);
  });

  it('refuses an expired challenge', async () => {
    const challenge = challenges.mint(
      'enrollment-3',
      60_000,
      new Date(Date.now() - 120_000),
    );
    const run = await enroll(challenge);
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/failInfo: badRequest \(2\)/);
    expect(existsSync(run.certPath)).toBe(false);
  });
});
