import express from 'express';
import forge from 'node-forge';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CertificateAuthority } from '../pki/CertificateAuthority';
import { generateCa } from '../pki/generateCa';
import { verifyCms } from '../pki/cms';
import { MemoryChallengeStore, MemoryRecorder } from './__testUtils__/memoryStores';
import { createScepRouter } from './router';
import { ScepService } from './ScepService';
const ca = CertificateAuthority.fromPem(generateCa({ organization: 'T' }));
const challenges = new MemoryChallengeStore();
const service = new ScepService({ ca, challenges, recorder: new MemoryRecorder() });
const orig = service.pkiOperation.bind(service);
service.pkiOperation = async (der: Buffer) => {
  const v = verifyCms(der);
  const env = forge.pkcs7.messageFromAsn1(forge.asn1.fromDer(v.content.toString('binary'))) as any;
  const si = forge.asn1.fromDer(der.toString('binary')) as any;
  console.log('cipher', forge.pki.oids[env.encryptedContent.algorithm], 'attrs', v.signedAttributes.length, 'digest', forge.asn1.derToOid(si.value[1].value[0].value[4].value[0].value[2].value[0].value));
  return orig(der);
};
const app = express(); app.use(createScepRouter(service));
const s = app.listen(0, '127.0.0.1', () => {
  const port = (s.address() as any).port; const dir = mkdtempSync(join(tmpdir(), 'p-'));
  try { console.log(execFileSync('scepclient', ['-server-url', `http://127.0.0.1:${port}/scep`, '-challenge', challenges.mint('e', 60000), '-private-key', join(dir, 'k.pem'), '-certificate', join(dir, 'c.pem')], {encoding: 'utf8'})); } catch (e) { console.log(String(e)); }
  s.close();
});
