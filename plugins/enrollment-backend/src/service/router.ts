import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { settingsReadPermission } from '@macenroll/plugin-enrollment-common';
import express from 'express';
import Router from 'express-promise-router';
import { CertificateAuthority } from '../pki/CertificateAuthority';
import { requirePermission } from './requirePermission';

/** The admin REST API: JSON in and out, Backstage credentials and permissions. */
export async function createAdminRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  ca: CertificateAuthority;
}): Promise<express.Router> {
  const { ca } = options;
  const router = Router();
  router.use(express.json({ limit: '1mb' }));

  router.get('/ca', async (req, res) => {
    await requirePermission(options, req, settingsReadPermission);
    res.json(ca.summary());
  });

  return router;
}
