import { InputError } from '@backstage/errors';
import forge from 'node-forge';

const { asn1 } = forge;

/** The DER bytes of a forge ASN.1 node. */
export function toDerBuffer(node: forge.asn1.Asn1): Buffer {
  return Buffer.from(asn1.toDer(node).getBytes(), 'binary');
}

/**
 * Parses DER (forge also takes BER's indefinite lengths), refusing trailing
 * bytes. Hostile input becomes an InputError naming `what`, never forge's
 * internals.
 */
export function parseDer(der: Buffer, what: string): forge.asn1.Asn1 {
  if (der.length === 0) {
    throw new InputError(`The ${what} is empty`);
  }
  try {
    return asn1.fromDer(forge.util.createBuffer(der.toString('binary')), true);
  } catch {
    throw new InputError(`The ${what} is not valid DER`);
  }
}

/** The node's children, or an InputError when it is a primitive. */
export function childrenOf(
  node: forge.asn1.Asn1 | undefined,
  what: string,
): forge.asn1.Asn1[] {
  if (!node || !Array.isArray(node.value)) {
    throw new InputError(`Malformed ${what}`);
  }
  return node.value;
}

/** The node's content octets, or an InputError when it is constructed. */
export function bytesOf(
  node: forge.asn1.Asn1 | undefined,
  what: string,
): Buffer {
  if (!node || typeof node.value !== 'string') {
    throw new InputError(`Malformed ${what}`);
  }
  return Buffer.from(node.value, 'binary');
}

/** Whether the node is the universal type given. */
export function isUniversal(
  node: forge.asn1.Asn1 | undefined,
  type: forge.asn1.Type,
): node is forge.asn1.Asn1 {
  return (
    node !== undefined &&
    node.tagClass === asn1.Class.UNIVERSAL &&
    node.type === type
  );
}

/** Whether the node is the context-specific tag [n]. */
export function isContext(
  node: forge.asn1.Asn1 | undefined,
  tag: number,
): node is forge.asn1.Asn1 {
  return (
    node !== undefined &&
    node.tagClass === asn1.Class.CONTEXT_SPECIFIC &&
    node.type === tag
  );
}

/** The dotted OID held by an OBJECT IDENTIFIER node. */
export function oidOf(node: forge.asn1.Asn1 | undefined, what: string): string {
  if (!isUniversal(node, asn1.Type.OID) || typeof node.value !== 'string') {
    throw new InputError(`Malformed ${what}: expected an object identifier`);
  }
  try {
    return asn1.derToOid(node.value);
  } catch {
    throw new InputError(`Malformed ${what}: bad object identifier`);
  }
}

/**
 * The octets of an OCTET STRING, joining the segments of a constructed
 * (BER) one as CMS allows for eContent (RFC 5652 §5.2).
 */
export function octetStringBytes(node: forge.asn1.Asn1, what: string): Buffer {
  if (!isUniversal(node, asn1.Type.OCTETSTRING)) {
    throw new InputError(`Malformed ${what}: expected an OCTET STRING`);
  }
  if (typeof node.value === 'string') {
    return Buffer.from(node.value, 'binary');
  }
  return Buffer.concat(node.value.map(part => octetStringBytes(part, what)));
}

export const oidNode = (oid: string): forge.asn1.Asn1 =>
  asn1.create(
    asn1.Class.UNIVERSAL,
    asn1.Type.OID,
    false,
    asn1.oidToDer(oid).getBytes(),
  );

export const octetStringNode = (bytes: Buffer): forge.asn1.Asn1 =>
  asn1.create(
    asn1.Class.UNIVERSAL,
    asn1.Type.OCTETSTRING,
    false,
    bytes.toString('binary'),
  );

export const printableStringNode = (text: string): forge.asn1.Asn1 => {
  // X.680 PrintableString: letters, digits, space and '()+,-./:=?
  if (!/^[A-Za-z0-9 '()+,\-./:=?]*$/.test(text)) {
    throw new InputError(`"${text}" cannot be a PrintableString`);
  }
  return asn1.create(
    asn1.Class.UNIVERSAL,
    asn1.Type.PRINTABLESTRING,
    false,
    text,
  );
};

export const sequenceNode = (children: forge.asn1.Asn1[]): forge.asn1.Asn1 =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, children);

export const integerNode = (value: number): forge.asn1.Asn1 =>
  asn1.create(
    asn1.Class.UNIVERSAL,
    asn1.Type.INTEGER,
    false,
    asn1.integerToDer(value).getBytes(),
  );

/** An AlgorithmIdentifier, with a NULL parameter when asked for. */
export const algorithmNode = (
  oid: string,
  nullParameter: boolean,
): forge.asn1.Asn1 =>
  sequenceNode(
    nullParameter
      ? [
          oidNode(oid),
          asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, ''),
        ]
      : [oidNode(oid)],
  );

/**
 * A DER `SET OF`: X.690 §11.6 orders the elements by their encodings. forge
 * keeps array order, which Go's pkcs7 (scepclient) and Apple reject once they
 * re-encode the set (PROTOCOL-NOTES §4 and §5, point 4).
 */
export function derSetOf(children: forge.asn1.Asn1[]): forge.asn1.Asn1 {
  const sorted = children
    .map(child => ({ child, der: toDerBuffer(child) }))
    .sort((a, b) => Buffer.compare(a.der, b.der))
    .map(entry => entry.child);
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, sorted);
}

/** A time as CMS wants it: UTCTime through 2049, GeneralizedTime after (RFC 5652 §11.3). */
export function timeNode(date: Date): forge.asn1.Asn1 {
  const year = date.getUTCFullYear();
  return year >= 1950 && year < 2050
    ? asn1.create(
        asn1.Class.UNIVERSAL,
        asn1.Type.UTCTIME,
        false,
        asn1.dateToUtcTime(date),
      )
    : asn1.create(
        asn1.Class.UNIVERSAL,
        asn1.Type.GENERALIZEDTIME,
        false,
        asn1.dateToGeneralizedTime(date),
      );
}
