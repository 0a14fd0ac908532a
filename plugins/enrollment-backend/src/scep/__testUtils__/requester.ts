import {
  createHash,
  generateKeyPairSync,
  KeyObject,
  randomBytes,
  sign,
} from 'node:crypto';
import forge from 'node-forge';
import { CmsAttribute, signCms, verifyCms } from '../../pki/cms';
import {
  octetStringBytes,
  octetStringNode,
  parseDer,
  printableStringNode,
  toDerBuffer,
} from '../../pki/der';
import { signCertificate } from '../../pki/nativeSigning';
import { MESSAGE_TYPE, SCEP_OID } from '../scepConstants';

const { asn1 } = forge;

// Exported by forge's pki module but missing from @types/node-forge.
const getCertificationRequestInfo = (
  forge.pki as unknown as {
    getCertificationRequestInfo(
      csr: forge.pki.CertificateSigningRequest,
    ): forge.asn1.Asn1;
  }
).getCertificationRequestInfo;

/** A device-side SCEP requester for the tests: a key and its self-signed certificate. */
export interface Requester {
  key: KeyObject;
  forgeKey: forge.pki.rsa.PrivateKey;
  publicKey: forge.pki.PublicKey;
  certificate: forge.pki.Certificate;
}

export function makeRequester(commonName = 'Test Mac'): Requester {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
  });
  return requesterOf(privateKey, publicKey, commonName, 3_600_000);
}

/** A requester from a key pair made elsewhere (e.g. off the main thread). */
export function requesterOf(
  privateKey: KeyObject,
  publicKey: KeyObject,
  commonName: string,
  lifetimeMs: number,
): Requester {
  const forgePublic = forge.pki.publicKeyFromPem(
    publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  );
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forgePublic;
  certificate.serialNumber = '01';
  certificate.validity.notBefore = new Date(Date.now() - 60_000);
  certificate.validity.notAfter = new Date(Date.now() + lifetimeMs);
  const name = [{ shortName: 'CN', value: commonName }];
  certificate.setSubject(name);
  certificate.setIssuer(name);
  signCertificate(certificate, privateKey);
  return {
    key: privateKey,
    forgeKey: forge.pki.privateKeyFromPem(
      privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    ) as forge.pki.rsa.PrivateKey,
    publicKey: forgePublic,
    certificate,
  };
}

/** A PKCS#10 request signed natively, with an optional challengePassword. */
export function makeCsr(
  requester: Requester,
  options: {
    subject?: forge.pki.CertificateField[];
    challenge?: string;
    challengeType?: forge.asn1.Type;
  } = {},
): Buffer {
  const csr = forge.pki.createCertificationRequest();
  csr.publicKey = requester.publicKey;
  csr.setSubject(
    options.subject ?? [
      { shortName: 'CN', value: 'Test Mac' },
      { shortName: 'O', value: 'Acme' },
    ],
  );
  if (options.challenge !== undefined) {
    const type = options.challengeType ?? asn1.Type.PRINTABLESTRING;
    csr.setAttributes([
      {
        name: 'challengePassword',
        // forge UTF-8-encodes UTF8String attribute values itself.
        value: options.challenge,
        valueTagClass: type as unknown as forge.asn1.Class,
      },
    ]);
  }
  const oid = forge.pki.oids.sha256WithRSAEncryption;
  const info = getCertificationRequestInfo(csr);
  const signature = sign('sha256', toDerBuffer(info), requester.key);
  Object.assign(csr, {
    signatureOid: oid,
    signature: signature.toString('binary'),
    certificationRequestInfo: info,
  });
  return toDerBuffer(forge.pki.certificationRequestToAsn1(csr));
}

/** An EnvelopedData of `content` to `recipient` with forge (3DES or AES). */
export function envelopeTo(
  content: Buffer,
  recipient: forge.pki.Certificate,
  cipher: string = forge.pki.oids['des-EDE3-CBC'],
): Buffer {
  const envelope = forge.pkcs7.createEnvelopedData();
  envelope.addRecipient(recipient);
  envelope.content = forge.util.createBuffer(content.toString('binary'));
  envelope.encrypt(undefined, cipher);
  return toDerBuffer(envelope.toAsn1());
}

/** Signs a PKIMessage around an envelope, as scepclient does. */
export function signPkiMessage(
  requester: Requester,
  envelope: Buffer,
  options: {
    messageType?: string;
    transactionId?: string;
    senderNonce?: Buffer;
    omit?: 'messageType' | 'transactionId' | 'senderNonce';
  } = {},
): Buffer {
  const attributes: Record<string, CmsAttribute> = {
    messageType: {
      type: SCEP_OID.messageType,
      value: printableStringNode(options.messageType ?? MESSAGE_TYPE.PKCSReq),
    },
    transactionId: {
      type: SCEP_OID.transactionId,
      value: printableStringNode(
        options.transactionId ??
          createHash('sha1').update(randomBytes(8)).digest('base64'),
      ),
    },
    senderNonce: {
      type: SCEP_OID.senderNonce,
      value: octetStringNode(options.senderNonce ?? randomBytes(16)),
    },
  };
  if (options.omit) delete attributes[options.omit];
  return signCms({
    content: envelope,
    signer: requester.certificate,
    key: requester.key,
    extraSignedAttributes: Object.values(attributes),
  });
}

/** What a CertRep says, read the way a client reads it. */
export interface ReadCertRep {
  signer: forge.pki.Certificate;
  attributes: Record<string, forge.asn1.Asn1>;
  text(oid: string): string | undefined;
  bytes(oid: string): Buffer | undefined;
  content: Buffer;
  /** The certificates of the decrypted degenerate SignedData (SUCCESS). */
  issued(requester: Requester): forge.pki.Certificate[];
}

export function readCertRep(der: Buffer): ReadCertRep {
  const verified = verifyCms(der);
  const attributes: Record<string, forge.asn1.Asn1> = {};
  for (const attribute of verified.signedAttributes) {
    const [type, values] = attribute.value as forge.asn1.Asn1[];
    attributes[asn1.derToOid(type.value as string)] = (
      values.value as forge.asn1.Asn1[]
    )[0];
  }
  return {
    signer: verified.signer,
    attributes,
    content: verified.content,
    text: oid =>
      attributes[oid] ? (attributes[oid].value as string) : undefined,
    bytes: oid =>
      attributes[oid]
        ? octetStringBytes(attributes[oid], 'attribute')
        : undefined,
    issued(requester) {
      const envelope = forge.pkcs7.messageFromAsn1(
        parseDer(verified.content, 'envelope'),
      ) as unknown as forge.pkcs7.PkcsEnvelopedData & {
        content: forge.util.ByteBuffer;
      };
      const recipient = envelope.findRecipient(requester.certificate);
      if (!recipient) throw new Error('not encrypted to the requester');
      envelope.decrypt(recipient, requester.forgeKey);
      const degenerate = forge.pkcs7.messageFromAsn1(
        asn1.fromDer(envelope.content.getBytes()),
      ) as unknown as forge.pkcs7.PkcsSignedData;
      return degenerate.certificates;
    },
  };
}
