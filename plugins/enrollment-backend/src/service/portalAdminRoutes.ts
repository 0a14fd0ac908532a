import { AuditorService } from '@backstage/backend-plugin-api';
import {
  portalAccountManagePermission,
  settingsReadPermission,
  settingsUpdatePermission,
} from '@macenroll/plugin-enrollment-common';
import { InputError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { hashPassword } from '../accounts/passwordHash';
import { PortalAccountStore } from '../database/PortalAccountStore';
import { SettingsStore } from '../database/SettingsStore';
import { audited } from './audited';
import { Authorizer } from './Authorizer';
import { parseInput } from './schemas';

const text = (max: number) => z.string().max(max);

const settingsBody = z.strictObject({
  portalEnabled: z.boolean(),
  skipCertificateInstallation: z.boolean(),
  organizationName: text(200),
  supportContact: text(300),
  texts: z.strictObject({
    welcome: text(2000),
    login: text(2000),
    certificate: text(2000),
    profile: text(2000),
    quickadd: text(2000),
  }),
  eula: z.strictObject({ enabled: z.boolean(), text: text(50_000) }),
  allowSiteChoice: z.boolean(),
  restrictToLdapGroups: z.array(z.string().trim().min(1).max(255)).max(100),
  allowReenrollment: z.boolean(),
});

const username = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._@-]+$/, 'use letters, digits and . _ @ - only');
const password = z.string().min(12, 'use at least 12 characters').max(1024);

const newAccountBody = z.strictObject({ username, password });
const accountChangeBody = z.strictObject({
  disabled: z.boolean().optional(),
  password: password.optional(),
});

/** Admin routes for the portal's settings and local accounts. */
export function createPortalAdminRoutes(options: {
  authorizer: Authorizer;
  auditor: AuditorService;
  settings: SettingsStore;
  accounts: PortalAccountStore;
}): express.Router {
  const { authorizer, auditor, settings, accounts } = options;
  const router = Router();

  router.get('/settings', async (req, res) => {
    await authorizer.require(req, settingsReadPermission);
    res.json(await settings.get());
  });

  router.put('/settings', async (req, res) => {
    const credentials = await authorizer.require(req, settingsUpdatePermission);
    const body = parseInput(settingsBody, req.body, 'settings');
    if (body.eula.enabled && !body.eula.text.trim()) {
      throw new InputError(
        'Invalid settings: eula.text: an enabled license agreement needs its text',
      );
    }
    res.json(
      await audited(auditor, req, 'settings-update', {}, () =>
        settings.save(body, Authorizer.actorOf(credentials)),
      ),
    );
  });

  router.get('/portal-accounts', async (req, res) => {
    await authorizer.require(req, portalAccountManagePermission);
    res.json({ items: await accounts.list() });
  });

  router.post('/portal-accounts', async (req, res) => {
    await authorizer.require(req, portalAccountManagePermission);
    const body = parseInput(newAccountBody, req.body, 'portal account');
    const created = await audited(
      auditor,
      req,
      'portal-account-create',
      { username: body.username },
      async () =>
        accounts.create(body.username, await hashPassword(body.password)),
    );
    res.status(201).json(created);
  });

  router.patch('/portal-accounts/:username', async (req, res) => {
    await authorizer.require(req, portalAccountManagePermission);
    const body = parseInput(
      accountChangeBody,
      req.body,
      'portal account change',
    );
    const name = req.params.username;
    const changed = await audited(
      auditor,
      req,
      'portal-account-update',
      {
        username: name,
        disabled: body.disabled ?? null,
        passwordReset: Boolean(body.password),
      },
      async () =>
        accounts.update(name, {
          disabled: body.disabled,
          passwordHash: body.password
            ? await hashPassword(body.password)
            : undefined,
        }),
    );
    res.json(changed);
  });

  return router;
}
