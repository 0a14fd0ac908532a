import { createHash } from 'node:crypto';
import { InputError } from '@backstage/errors';
import forge from 'node-forge';
import { childrenOf, octetStringBytes, oidOf, toDerBuffer } from './der';

const { asn1 } = forge;
const oids = forge.pki.oids;

function attributeValues(
  attributes: forge.asn1.Asn1[],
  type: string,
): forge.asn1.Asn1[] | undefined {
  const found = attributes.filter(
    a =>
      oidOf(childrenOf(a, 'CMS attribute')[0], 'CMS attribute type') === type,
  );
  if (found.length > 1) {
    throw new InputError(`The CMS attribute ${type} appears more than once`);
  }
  return found.length
    ? childrenOf(
        childrenOf(found[0], 'CMS attribute')[1],
        'CMS attribute values',
      )
    : undefined;
}

/**
 * Checks a SignerInfo's signed attributes against the content: the
 * messageDigest must match it and a contentType, when present, must name
 * the encapsulated content's type.
 *
 * @returns the bytes the signature covers.
 */
export function checkSignedAttributes(
  signedAttributes: forge.asn1.Asn1[],
  content: Buffer,
  digestName: string,
  contentType: string,
): Buffer {
  const digests = attributeValues(signedAttributes, oids.messageDigest);
  if (!digests || digests.length !== 1) {
    throw new InputError('The CMS signed attributes lack a messageDigest');
  }
  const expected = createHash(digestName).update(content).digest();
  if (!octetStringBytes(digests[0], 'CMS messageDigest').equals(expected)) {
    throw new InputError(
      'The CMS messageDigest does not match the content: the content was altered',
    );
  }
  // RFC 5652 §11.1: when present, contentType must name the eContentType.
  const types = attributeValues(signedAttributes, oids.contentType);
  if (
    types &&
    (types.length !== 1 ||
      oidOf(types[0], 'CMS contentType attribute') !== contentType)
  ) {
    throw new InputError(
      'The CMS contentType attribute does not match the encapsulated content',
    );
  }
  // RFC 5652 §5.4: the signature is over the attributes with the universal
  // SET tag rather than the [0] IMPLICIT tag they are carried with.
  return toDerBuffer(
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, signedAttributes),
  );
}
