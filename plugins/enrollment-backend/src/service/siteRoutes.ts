import {
  invitationCreatePermission,
  settingsReadPermission,
  settingsUpdatePermission,
  siteRequestSchema,
} from '@macenroll/plugin-enrollment-common';
import express from 'express';
import Router from 'express-promise-router';
import { SiteStore } from '../database/SiteStore';
import { Audited } from './audited';
import { Authorizer } from './Authorizer';
import { parseInput } from './schemas';

/** Sites in Settings; whoever creates invitations also reads them, to pick one. */
export function createSiteRoutes(options: {
  authorizer: Authorizer;
  audited: Audited;
  sites: SiteStore;
}): express.Router {
  const { authorizer, audited, sites } = options;
  const router = Router();

  router.get('/sites', async (req, res) => {
    await authorizer.requireAny(req, [
      settingsReadPermission,
      invitationCreatePermission,
    ]);
    res.json({ items: await sites.list() });
  });

  router.post('/sites', async (req, res) => {
    const credentials = await authorizer.require(req, settingsUpdatePermission);
    const { name, deviceRules } = parseInput(
      siteRequestSchema,
      req.body,
      'site',
    );
    res.status(201).json(
      await audited(
        req,
        'site-create',
        { name, deviceRules: deviceRules ?? null },
        () => sites.create(name, deviceRules),
        {
          actor: Authorizer.actorOf(credentials),
          message: `Created the site "${name}"`,
        },
      ),
    );
  });

  router.patch('/sites/:id', async (req, res) => {
    const credentials = await authorizer.require(req, settingsUpdatePermission);
    const { name, deviceRules } = parseInput(
      siteRequestSchema,
      req.body,
      'site',
    );
    const id = req.params.id;
    res.json(
      await audited(
        req,
        'site-rename',
        { siteId: id, name, deviceRules: deviceRules ?? null },
        () => sites.rename(id, name, deviceRules),
        {
          actor: Authorizer.actorOf(credentials),
          message:
            deviceRules === undefined
              ? `Renamed a site to "${name}"`
              : `Changed the site "${name}" and its device rules`,
        },
      ),
    );
  });

  router.delete('/sites/:id', async (req, res) => {
    const credentials = await authorizer.require(req, settingsUpdatePermission);
    const id = req.params.id;
    await audited(req, 'site-delete', { siteId: id }, () => sites.delete(id), {
      actor: Authorizer.actorOf(credentials),
      message: 'Deleted a site',
    });
    res.status(204).end();
  });

  return router;
}
