import { InputError } from '@backstage/errors';

/**
 * One element of a DER encoding with its bytes exactly as they were sent.
 * Signatures cover encodings, not values: forge re-encodes what it parses,
 * so what a signature covers is cut from the original buffer instead.
 */
export interface DerElement {
  /** The identifier octet, e.g. 0x30 for a SEQUENCE. */
  tag: number;
  /** The whole element: identifier, length and contents. */
  bytes: Buffer;
  /** The contents octets. */
  content: Buffer;
}

export const DER_TAG = {
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OID: 0x06,
  SEQUENCE: 0x30,
} as const;

/** The element starting at `offset`, which must lie within `der`. */
function elementAt(der: Buffer, offset: number, what: string): DerElement {
  const malformed = () => new InputError(`Malformed ${what}`);
  if (offset + 2 > der.length) throw malformed();
  const tag = der[offset];
  // High tag numbers (0x1f) never occur in the structures read here.
  if ((tag & 0x1f) === 0x1f) throw malformed();
  let length = der[offset + 1];
  let headerLength = 2;
  if (length & 0x80) {
    // Long form; 0x80 alone is BER's indefinite length, which DER forbids.
    const count = length & 0x7f;
    if (count === 0 || count > 4 || offset + 2 + count > der.length) {
      throw malformed();
    }
    length = 0;
    for (let i = 0; i < count; i++) {
      length = length * 256 + der[offset + 2 + i];
    }
    headerLength += count;
  }
  const end = offset + headerLength + length;
  if (end > der.length) throw malformed();
  return {
    tag,
    bytes: der.subarray(offset, end),
    content: der.subarray(offset + headerLength, end),
  };
}

/** The single element `der` holds, refusing trailing bytes. */
export function readDerElement(der: Buffer, what: string): DerElement {
  const element = elementAt(der, 0, what);
  if (element.bytes.length !== der.length) {
    throw new InputError(`Malformed ${what}: trailing bytes`);
  }
  return element;
}

/** The elements inside a constructed element, in order. */
export function derChildrenOf(element: DerElement, what: string): DerElement[] {
  if (!(element.tag & 0x20)) {
    throw new InputError(`Malformed ${what}: expected a constructed element`);
  }
  const children: DerElement[] = [];
  for (let offset = 0; offset < element.content.length; ) {
    const child = elementAt(element.content, offset, what);
    children.push(child);
    offset += child.bytes.length;
  }
  return children;
}
