import forge from 'node-forge';

/**
 * Copies name fields so that forge can encode them again: forge reads a
 * UTF8String value as its raw UTF-8 bytes but encodes UTF8String values with
 * `encodeUtf8`, so a non-ASCII name taken from one certificate or CSR and put
 * into another would be encoded twice. Other string types round-trip as is.
 */
export function reusableNameFields(
  fields: forge.pki.CertificateField[],
): forge.pki.CertificateField[] {
  return fields.map(field => {
    const copy = { ...field };
    if (
      (field.valueTagClass as number | undefined) === forge.asn1.Type.UTF8 &&
      typeof field.value === 'string'
    ) {
      try {
        copy.value = forge.util.decodeUtf8(field.value);
      } catch {
        // not UTF-8 after all: keep the bytes
      }
    }
    return copy;
  });
}

/** A name as text, like `CN=Test Mac, O=Acme`, for logs and records. */
export function formatName(fields: forge.pki.CertificateField[]): string {
  return reusableNameFields(fields)
    .map(f => `${f.shortName ?? f.name ?? f.type}=${String(f.value)}`)
    .join(', ');
}
