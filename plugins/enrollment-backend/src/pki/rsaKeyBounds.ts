import forge from 'node-forge';

/**
 * The RSA keys accepted from requesters. The cost of an RSA public operation
 * grows with the modulus size times the exponent's: a key with a 16384-bit
 * modulus and a 16383-bit exponent froze forge for minutes, and OpenSSL
 * accepts moduli up to 16384 bits. Macs and scepclient make 2048-bit keys
 * with the universal exponent 65537, so anything far from that is refused
 * before any RSA runs.
 */
export const RSA_KEY_BOUNDS = {
  minModulusBits: 1024,
  maxModulusBits: 4096,
  publicExponent: 65537,
} as const;

/** The bounds in words, for refusals. */
export const RSA_KEY_REQUIREMENT = `RSA ${RSA_KEY_BOUNDS.minModulusBits}–${RSA_KEY_BOUNDS.maxModulusBits} bits with exponent ${RSA_KEY_BOUNDS.publicExponent}`;

/** An RSA public key's size, read from forge's parsed integers (no RSA). */
export interface RsaKeySize {
  modulusBits: number;
  publicExponent: bigint;
}

/** The key's size, or undefined when it is not an RSA public key. */
export function rsaKeySizeOf(key: forge.pki.PublicKey): RsaKeySize | undefined {
  const { n, e } = key as Partial<forge.pki.rsa.PublicKey>;
  if (!n || !e || n.signum() <= 0 || e.signum() <= 0) return undefined;
  return {
    modulusBits: n.bitLength(),
    publicExponent: BigInt(`0x${e.toString(16)}`),
  };
}

/** Whether the key is an RSA key within RSA_KEY_BOUNDS. */
export function isBoundedRsaKey(key: forge.pki.PublicKey): boolean {
  const size = rsaKeySizeOf(key);
  return (
    size !== undefined &&
    size.modulusBits >= RSA_KEY_BOUNDS.minModulusBits &&
    size.modulusBits <= RSA_KEY_BOUNDS.maxModulusBits &&
    size.publicExponent === BigInt(RSA_KEY_BOUNDS.publicExponent)
  );
}
