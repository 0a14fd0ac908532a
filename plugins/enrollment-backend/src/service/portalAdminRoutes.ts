import { describeSettingsChange } from '../activity/settingsChange';
import {
  portalSettingsSchema,
  settingsReadPermission,
  settingsUpdatePermission,
} from '@macenroll/plugin-enrollment-common';
import { InputError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { PortalAccountStore } from '../database/PortalAccountStore';
import { SettingsStore } from '../database/SettingsStore';
import { Audited } from './audited';
import { Authorizer } from './Authorizer';
import { createPortalAccountRoutes } from './portalAccountRoutes';
import { parseInput } from './schemas';

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
    const input = parseInput(portalSettingsSchema, req.body, 'settings');
    if (input.eula.enabled && !input.eula.text.trim()) {
      throw new InputError(
        'Invalid settings: eula.text: an enabled license agreement needs its text',
      );
    }
    const actor = Authorizer.actorOf(credentials);
    const current = await settings.get();
    // A client older than the re-enrollment rules, or than one of them,
    // leaves it out: the saved one stays.
    const body = {
      ...input,
      reenrollment: { ...current.reenrollment, ...input.reenrollment },
    };
    const message = describeSettingsChange(current, body);
    res.json(
      await audited(
        req,
        'settings-update',
        {},
        () => settings.save(body, actor),
        { actor, message },
      ),
    );
  });

  router.use(createPortalAccountRoutes({ authorizer, audited, accounts }));

  return router;
}
