import {
  settingsReadPermission,
  settingsUpdatePermission,
} from '@macenroll/plugin-enrollment-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { PushCertificates } from '../apns/PushCertificates';
import { Audited } from './audited';
import { Authorizer } from './Authorizer';
import { parseInput } from './schemas';

const pem = z
  .string()
  .min(1)
  .max(64 * 1024);
const uploadBody = z.union([
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

/** The MDM push certificate in Settings: see it, upload a .p12 or .pem pair, remove it. */
export function createPushCertificateRoutes(options: {
  authorizer: Authorizer;
  audited: Audited;
  certificates: PushCertificates;
}): express.Router {
  const { authorizer, audited, certificates } = options;
  const router = Router();

  router.get('/apns/certificate', async (req, res) => {
    await authorizer.require(req, settingsReadPermission);
    res.json(await certificates.summary());
  });

  router.put('/apns/certificate', async (req, res) => {
    const credentials = await authorizer.require(req, settingsUpdatePermission);
    const body = parseInput(uploadBody, req.body, 'push certificate');
    const summary = await audited(
      req,
      'push-certificate-upload',
      {},
      () => certificates.upload(body),
      {
        actor: Authorizer.actorOf(credentials),
        message: 'Uploaded an MDM push certificate',
      },
    );
    res.json(summary);
  });

  router.delete('/apns/certificate', async (req, res) => {
    const credentials = await authorizer.require(req, settingsUpdatePermission);
    await audited(
      req,
      'push-certificate-delete',
      {},
      () => certificates.removeUpload(),
      {
        actor: Authorizer.actorOf(credentials),
        message: 'Removed the uploaded MDM push certificate',
      },
    );
    res.status(204).end();
  });

  return router;
}
