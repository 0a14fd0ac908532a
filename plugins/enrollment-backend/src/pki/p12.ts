import { Worker } from 'node:worker_threads';
import { InputError } from '@backstage/errors';

/** What a .p12 holds, each item as DER: certificates and PKCS#8 private keys. */
export interface P12Contents {
  certificates: Buffer[];
  keys: Buffer[];
}

/** Longest a .p12 may take to open before it is refused. */
const P12_TIMEOUT_MS = 15_000;

// Runs in a worker thread: forge derives the PKCS#12 keys in JavaScript
// (measured here: 25-80 ms for `openssl pkcs12 -export` files, legacy or not,
// and linear in the iteration count a file chooses), which must not stall
// the event loop the portal and MDM check-ins share. Plain JavaScript, so it
// runs the same under ts-node, Jest and the built package. It hands back
// DER, which node:crypto reads; it never logs or echoes the password.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const forge = require(workerData.forgePath);
const { oids } = forge.pki;
const der = node => Buffer.from(forge.asn1.toDer(node).getBytes(), 'binary');
try {
  const pfx = forge.pkcs12.pkcs12FromAsn1(
    forge.asn1.fromDer(Buffer.from(workerData.p12).toString('binary')),
    workerData.password,
  );
  const certificates = [];
  const keys = [];
  for (const bag of pfx.safeContents.flatMap(c => c.safeBags)) {
    if (bag.type === oids.certBag) {
      certificates.push(der(bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1));
    } else if (bag.type === oids.keyBag || bag.type === oids.pkcs8ShroudedKeyBag) {
      keys.push(der(bag.key
        ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key))
        : bag.asn1));
    }
  }
  parentPort.postMessage({ certificates, keys });
} catch (error) {
  parentPort.postMessage({ error: String((error && error.message) || error) });
}
`;

type WorkerAnswer =
  | { certificates: Uint8Array[]; keys: Uint8Array[] }
  | { error: string };

/**
 * Opens a .p12 (PKCS#12, legacy 3DES/RC2 or OpenSSL 3's AES and
 * PBKDF2) in a worker thread with forge: `openssl` is not used at run time.
 *
 * @throws InputError for a wrong password, a file that is not a .p12, or
 *   one whose key derivation takes longer than 15 seconds.
 */
export function readP12(p12: Buffer, password: string): Promise<P12Contents> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      forgePath: require.resolve('node-forge'),
      p12: new Uint8Array(p12),
      password,
    },
  });
  return new Promise<P12Contents>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(
        new InputError(
          'The .p12 took too long to open (its key derivation uses too many iterations); export it again with default settings',
        ),
      );
      worker.terminate();
    }, P12_TIMEOUT_MS);
    worker.once('message', (answer: WorkerAnswer) => {
      clearTimeout(timer);
      worker.terminate();
      if ('error' in answer) {
        reject(p12Error(answer.error));
      } else {
        resolve({
          certificates: answer.certificates.map(c => Buffer.from(c)),
          keys: answer.keys.map(k => Buffer.from(k)),
        });
      }
    });
    worker.once('error', error => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** forge's reason, in words an admin acts on. */
function p12Error(message: string): InputError {
  if (/password|mac could not be verified|decrypt/i.test(message)) {
    return new InputError(
      'The .p12 password is wrong (or the file is damaged); type the password it was exported with',
    );
  }
  return new InputError(
    'The file is not a .p12 (PKCS#12) file; export the signing certificate with its private key as .p12',
  );
}
