import {
  pushCertificateUploadSchema,
  settingsReadPermission,
  settingsUpdatePermission,
} from '@macenroll/plugin-enrollment-common';
import express from 'express';
import Router from 'express-promise-router';
import { PushCertificates } from '../apns/PushCertificates';
import { Audited } from './audited';
import { Authorizer } from './Authorizer';
import { parseInput } from './schemas';

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
    const body = parseInput(
      pushCertificateUploadSchema,
      req.body,
      'push certificate',
    );
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
