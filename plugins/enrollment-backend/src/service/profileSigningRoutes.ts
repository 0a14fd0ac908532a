import {
  profileSigningUploadSchema,
  settingsReadPermission,
  settingsUpdatePermission,
} from '@macenroll/plugin-enrollment-common';
import express from 'express';
import Router from 'express-promise-router';
import { ProfileSigning } from '../mdm/ProfileSigning';
import { Audited } from './audited';
import { Authorizer } from './Authorizer';
import { parseInput } from './schemas';

/**
 * What signs enrollment profiles, in Settings: see it, upload a third-party
 * .p12, go back to our CA. The same permissions as the push certificate.
 * Neither the key nor the password is ever answered, logged or audited.
 */
export function createProfileSigningRoutes(options: {
  authorizer: Authorizer;
  audited: Audited;
  signing: ProfileSigning;
}): express.Router {
  const { authorizer, audited, signing } = options;
  const router = Router();

  router.get('/profile-signing', async (req, res) => {
    await authorizer.require(req, settingsReadPermission);
    res.json(await signing.summary());
  });

  router.put('/profile-signing', async (req, res) => {
    const credentials = await authorizer.require(req, settingsUpdatePermission);
    const body = parseInput(
      profileSigningUploadSchema,
      req.body,
      'profile signing identity',
    );
    const summary = await audited(
      req,
      'profile-signing-upload',
      {},
      () => signing.upload(body),
      {
        actor: Authorizer.actorOf(credentials),
        message: 'Uploaded a profile signing certificate',
      },
    );
    res.json(summary);
  });

  router.delete('/profile-signing', async (req, res) => {
    const credentials = await authorizer.require(req, settingsUpdatePermission);
    await audited(
      req,
      'profile-signing-delete',
      {},
      () => signing.removeUpload(),
      {
        actor: Authorizer.actorOf(credentials),
        message:
          'Removed the uploaded profile signing certificate; profiles are signed by our CA again',
      },
    );
    res.status(204).end();
  });

  return router;
}
