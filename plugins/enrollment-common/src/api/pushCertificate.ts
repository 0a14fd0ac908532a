import { z } from 'zod';

const pem = z
  .string()
  .min(1)
  .max(64 * 1024);

/**
 * `PUT /apns/certificate`: either a `.p12` (base64) with its password, or
 * the `.pem` certificate Apple issued with the private key of its CSR.
 *
 * @public
 */
export const pushCertificateUploadSchema = z.union([
  z.strictObject({
    p12Base64: z
      .string()
      .min(1)
      .max(128 * 1024)
      .regex(/^[A-Za-z0-9+/=\s]+$/, 'the .p12 must be base64'),
    password: z.string().max(1024).optional(),
  }),
  z.strictObject({ certificatePem: pem, privateKeyPem: pem }),
]);

/** @public */
export type PushCertificateUpload = z.infer<typeof pushCertificateUploadSchema>;
