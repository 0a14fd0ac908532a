import {
  PORTAL_SETTINGS_LIMITS,
  settingsReadPermission,
  settingsUpdatePermission,
} from '@macenroll/plugin-enrollment-common';
import { InputError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { PortalAccountStore } from '../database/PortalAccountStore';
import { SettingsStore } from '../database/SettingsStore';
import { Audited } from './audited';
import { Authorizer } from './Authorizer';
import { createPortalAccountRoutes } from './portalAccountRoutes';
import { parseInput } from './schemas';

const text = (max: number) => z.string().max(max);

const limits = PORTAL_SETTINGS_LIMITS;
const settingsBody = z.strictObject({
  portalEnabled: z.boolean(),
  skipCertificateInstallation: z.boolean(),
  organizationName: text(limits.organizationName),
  supportContact: text(limits.supportContact),
  texts: z.strictObject({
    welcome: text(limits.stepText),
    login: text(limits.stepText),
    certificate: text(limits.stepText),
    profile: text(limits.stepText),
    quickadd: text(limits.stepText),
  }),
  eula: z.strictObject({
    enabled: z.boolean(),
    text: text(limits.eulaText),
  }),
  allowSiteChoice: z.boolean(),
  restrictToLdapGroups: z
    .array(z.string().trim().min(1).max(limits.ldapGroupName))
    .max(limits.ldapGroups),
  allowReenrollment: z.boolean(),
});

/** Admin routes for the portal's settings and local accounts. */
export function createPortalAdminRoutes(options: {
  authorizer: Authorizer;
  audited: Audited;
  settings: SettingsStore;
  accounts: PortalAccountStore;
}): express.Router {
  const { authorizer, audited, settings, accounts } = options;
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
    const actor = Authorizer.actorOf(credentials);
    res.json(
      await audited(
        req,
        'settings-update',
        {},
        () => settings.save(body, actor),
        { actor, message: 'Changed the enrollment settings' },
      ),
    );
  });

  router.use(createPortalAccountRoutes({ authorizer, audited, accounts }));

  return router;
}
