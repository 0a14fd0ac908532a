// Device keys made before any clock starts: RSA-2048 key generation is the
// costliest thing a Mac does (about 120–240 ms of CPU here), and it happens on
// the Mac, not on the server. Also the client side's CertRep decryption, done
// natively so the benchmark's own process does not crowd the CPU with JS RSA.
import {
  constants,
  generateKeyPair,
  KeyObject,
  privateDecrypt,
} from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';
import { verifyCms } from '../src/pki/cms';
import { parseDer } from '../src/pki/der';
import { SCEP_OID } from '../src/scep/scepConstants';
import { Requester, requesterOf } from '../src/scep/__testUtils__/requester';

const generate = promisify(generateKeyPair);

/** `makeRequester` with the key made off the main thread, valid for a day. */
async function makeRequesterAsync(commonName: string): Promise<Requester> {
  const { privateKey, publicKey } = (await generate('rsa', {
    modulusLength: 2048,
  })) as unknown as { privateKey: KeyObject; publicKey: KeyObject };
  return requesterOf(privateKey, publicKey, commonName, 24 * 3_600_000);
}

/** `count` requesters, generated four at a time on libuv's thread pool. */
export async function makeRequesters(
  count: number,
  name: (i: number) => string,
): Promise<Requester[]> {
  const out: Requester[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < count) {
        const i = next++;
        out[i] = await makeRequesterAsync(name(i));
      }
    }),
  );
  return out;
}

/** PKCS#1 v1.5 type-2 unpadding (client side: no oracle to worry about). */
function unpad(block: Buffer): Buffer {
  const separator = block.indexOf(0, 2);
  if (block[0] !== 0 || block[1] !== 2 || separator < 10) {
    throw new Error('CertRep key transport does not decrypt');
  }
  return block.subarray(separator + 1);
}

/** A CertRep as the Mac reads it: pkiStatus and, on SUCCESS, the issued certificate. */
export function openCertRep(
  der: Buffer,
  requester: Requester,
): { pkiStatus?: string; failInfo?: string; issued?: forge.pki.Certificate } {
  const verified = verifyCms(der);
  const text = (oid: string) => {
    for (const attribute of verified.signedAttributes) {
      const [type, values] = attribute.value as forge.asn1.Asn1[];
      if (forge.asn1.derToOid(type.value as string) === oid) {
        return (values.value as forge.asn1.Asn1[])[0].value as string;
      }
    }
    return undefined;
  };
  const pkiStatus = text(SCEP_OID.pkiStatus);
  if (pkiStatus !== '0')
    return { pkiStatus, failInfo: text(SCEP_OID.failInfo) };
  const envelope = forge.pkcs7.messageFromAsn1(
    parseDer(verified.content, 'CertRep envelope'),
  ) as unknown as forge.pkcs7.PkcsEnvelopedData & {
    content: forge.util.ByteBuffer;
    encryptedContent: { key?: forge.util.ByteBuffer };
  };
  const recipient = envelope.findRecipient(
    requester.certificate,
  ) as unknown as {
    encryptedContent: { content: string };
  };
  if (!recipient)
    throw new Error('The CertRep is not encrypted to the requester');
  const contentKey = unpad(
    privateDecrypt(
      { key: requester.key, padding: constants.RSA_NO_PADDING },
      Buffer.from(recipient.encryptedContent.content, 'binary'),
    ),
  );
  envelope.encryptedContent.key = forge.util.createBuffer(
    contentKey.toString('binary'),
  );
  // With the key set, forge runs only the symmetric decryption.
  envelope.decrypt(recipient as never, requester.forgeKey);
  const degenerate = forge.pkcs7.messageFromAsn1(
    forge.asn1.fromDer(envelope.content.getBytes()),
  ) as unknown as forge.pkcs7.PkcsSignedData;
  return { pkiStatus, issued: degenerate.certificates[0] };
}
